// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { READABLE_ZOOM } from '../../../src/app/diagram/zoomLevels.ts'
import { DiagramPanel } from '../../../src/app/diagram/DiagramPanel.tsx'
import type { World } from '../../../src/sim/world.ts'
import { fargateWalkthrough } from './walkthrough.ts'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

let session: ReturnType<typeof fargateWalkthrough>
let world: World
let taskArn: string
let taskId: string

beforeAll(() => {
  session = fargateWalkthrough()
  world = structuredClone(session.sandbox.world())
  taskArn = Object.keys(world.ecs.tasks)[0]
  taskId = taskArn.split('/').at(-1)!
})

/** The next snapshot: the task stopped, and the log says so (as the sim would). */
function withStoppedTask(w: World): World {
  const next = structuredClone(w)
  next.ecs.tasks[taskArn].lastStatus = 'STOPPED'
  next.log.entries.push({ id: next.log.nextId++, at: next.log.entries.at(-1)!.at + 1000, resource: taskArn, kind: 'task.status', attribute: 'lastStatus', from: 'RUNNING', to: 'STOPPED', change: 'lastStatus RUNNING → STOPPED' })
  return next
}

function Panel({ w, onSelect = () => {} }: { w: World; onSelect?: (id: string | undefined) => void }) {
  return (
    <div style={{ width: '1200px', height: '800px' }}>
      <DiagramPanel world={w} onSelect={onSelect} />
    </div>
  )
}

async function renderPanel(w: World, onSelect = vi.fn()) {
  const view = render(<Panel w={w} onSelect={onSelect} />)
  await act(async () => {})
  return { ...view, onSelect }
}

const flowNode = (label: RegExp) => screen.getByLabelText(label, { selector: '.react-flow__node' })

describe('DiagramPanel with the Fargate walkthrough', () => {
  it('shows ALB → target group → two healthy tasks in two AZs, with a service legend', async () => {
    await renderPanel(world)
    expect(flowNode(/^Load balancer FargateLoadBalancer active/)).toBeInTheDocument()
    expect(flowNode(/^Target group FargateTargetGroup HTTP:8080, ip, 2 of 2 targets healthy$/)).toBeInTheDocument()
    const tasks = screen.getAllByLabelText(/^Task [0-9a-f]{32} RUNNING, healthy, us-east-1[ab]/, { selector: '.react-flow__node' })
    expect(tasks).toHaveLength(2)
    expect(within(tasks[0]).getByText('RUNNING')).toBeInTheDocument()
    expect(within(tasks[0]).getByText('healthy')).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Services' })).toHaveTextContent('FargateDemoService2 2/2')
    const enis = screen.getAllByLabelText(/^Network interface eni-/, { selector: '.react-flow__node' })
    expect(enis).toHaveLength(2)
    expect(enis[0].querySelector('.cs-sg-badge')).toHaveTextContent('web')
  })

  it('changes a task node’s label and colour when its status changes, and highlights it briefly', async () => {
    const { rerender } = await renderPanel(world)
    const before = flowNode(new RegExp(`^Task ${taskId} RUNNING, healthy`))
    expect(before.querySelector('.cs-node')).toHaveClass('cs-status-ok')
    rerender(<Panel w={withStoppedTask(world)} />)
    await act(async () => {})
    const after = flowNode(new RegExp(`^Task ${taskId} STOPPED`))
    expect(after.querySelector('.cs-node')).toHaveClass('cs-status-stopped')
    expect(after.querySelector('.cs-node')).not.toHaveClass('cs-status-ok')
    expect(within(after).getByText('STOPPED')).toBeInTheDocument()
    expect(after).toHaveClass('cs-changed')
    expect(flowNode(/^Load balancer/)).not.toHaveClass('cs-changed')
  })

  it('lights the path of a new curl', async () => {
    const { rerender } = await renderPanel(world)
    const r = session.exec('curl -s -o /dev/null http://$DNS/')
    expect(r.exitCode).toBe(0)
    rerender(<Panel w={structuredClone(session.sandbox.world())} />)
    await act(async () => {})
    expect(flowNode(/^Listener HTTP:80/)).toHaveClass('cs-lit')
    expect(flowNode(/^Listener rule default/)).toHaveClass('cs-lit')
    expect(flowNode(/^Target group FargateTargetGroup/)).toHaveClass('cs-lit')
    expect(screen.getAllByLabelText(/^Task /, { selector: '.react-flow__node.cs-lit' })).toHaveLength(1)
    expect(document.querySelectorAll('.react-flow__edge.cs-lit')).toHaveLength(2)
  })

  it('opens the inspector on click: it selects the node’s resource id', async () => {
    const { onSelect } = await renderPanel(world)
    fireEvent.click(flowNode(/^Target group FargateTargetGroup/))
    expect(onSelect).toHaveBeenLastCalledWith(Object.keys(world.elbv2.targetGroups)[0])
    fireEvent.click(flowNode(new RegExp(`^Task ${taskId}`)))
    expect(onSelect).toHaveBeenLastCalledWith(taskArn)
  })

  it('follows a change: the view moves to the changed task, and Zoom to fit brings the whole diagram back', async () => {
    const transform = () => document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform
    const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 600)))
    const { rerender } = await renderPanel(world)
    await settle()
    const fitted = transform()
    // On by default: a learner sees what each command did without asking.
    expect(screen.getByRole('button', { name: 'Follow changes' })).toHaveAttribute('aria-pressed', 'true')
    rerender(<Panel w={withStoppedTask(world)} />)
    await settle()
    const followed = transform()
    expect(followed).not.toBe(fitted)
    // Readable (zoomLevels.ts), and no further in than the follow's cap of 1.2.
    const zoom = (t: string) => Number(/scale\(([\d.e-]+)\)/.exec(t)?.[1])
    expect(zoom(followed)).toBeGreaterThanOrEqual(READABLE_ZOOM)
    expect(zoom(followed)).toBeLessThanOrEqual(1.2)
    fireEvent.click(screen.getByRole('button', { name: 'Zoom to fit' }))
    await settle()
    // The whole diagram: further out than the follow's view of one task.
    expect(transform()).not.toBe(followed)
    expect(zoom(transform())).toBeLessThan(zoom(followed))
  })

  it('collapses an AZ and dims other services’ tasks on request', async () => {
    await renderPanel(world)
    fireEvent.click(screen.getByRole('button', { name: 'Collapse us-east-1a' }))
    expect(screen.getByRole('button', { name: 'Collapse us-east-1a' })).toHaveAttribute('aria-pressed', 'true')
    expect(flowNode(/^Availability Zone us-east-1a .*, collapsed$/)).toBeInTheDocument()
    expect(screen.getAllByLabelText(/^Task /, { selector: '.react-flow__node' })).toHaveLength(1)
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by service' }), { target: { value: Object.keys(world.ecs.services)[0] } })
    expect(screen.queryAllByLabelText(/^Task /, { selector: '.react-flow__node.cs-dimmed' })).toHaveLength(0)
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by service' }), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Collapse us-east-1a' }))
    expect(screen.getAllByLabelText(/^Task /, { selector: '.react-flow__node' })).toHaveLength(2)
  })

  it('toggles the minimap, and lists the new kinds in the text view', async () => {
    await renderPanel(world)
    expect(screen.queryByLabelText('Diagram overview')).not.toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Minimap' }))
    expect(screen.getByRole('img', { name: 'Diagram overview' })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Text view' }))
    const list = screen.getByRole('list', { name: 'Diagram as text' })
    const eni = within(list).getAllByRole('button', { name: /^Network interface eni-/ })[0].closest('li')!
    expect(within(eni).getByRole('button', { name: /^Task [0-9a-f]{32} RUNNING, healthy/ })).toBeInTheDocument()
    expect(within(list).getByRole('button', { name: /^ECS service FargateDemoService2 ACTIVE, desired 2, running 2, pending 0/ })).toBeInTheDocument()
    expect(screen.getByRole('list', { name: 'Connections' })).toHaveTextContent('forwards to target group FargateTargetGroup (port 80 → 8080)')
  })

  it('exports the diagram as an SVG file', async () => {
    await renderPanel(world)
    const blobs: Blob[] = []
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b)
      return 'blob:diagram'
    })
    URL.revokeObjectURL = vi.fn()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(screen.getByRole('button', { name: 'Export SVG' }))
    expect(click).toHaveBeenCalledTimes(1)
    expect(blobs[0].type).toBe('image/svg+xml')
    const text = await blobs[0].text()
    expect(text).toContain('FargateLoadBalancer')
    expect(screen.getByRole('button', { name: 'Export PNG' })).toBeInTheDocument()
  })
})
