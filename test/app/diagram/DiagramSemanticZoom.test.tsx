// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { DiagramPanel } from '../../../src/app/diagram/DiagramPanel.tsx'
import { DETAIL_ZOOM } from '../../../src/app/diagram/zoomLevels.ts'
import type { World } from '../../../src/sim/world.ts'
import { walkthroughWorld } from './walkthrough.ts'

// Semantic zoom and "Follow changes" as a learner meets them. The diagram's own stylesheet is put in the page so that
// what is drawn (display, visibility) is what the CSS says at each zoom level; jsdom's pane is tiny, so the fitted
// view starts far out, and the + button zooms in.

let world: World
beforeAll(() => {
  world = walkthroughWorld()
  const style = document.createElement('style')
  style.textContent = readFileSync(join(process.cwd(), 'src/app/diagram/diagram.css'), 'utf8')
  document.head.append(style)
})

afterEach(() => {
  cleanup()
  localStorage.clear()
})

async function renderPanel() {
  const view = render(
    <div style={{ width: '1200px', height: '800px' }}>
      <DiagramPanel world={world} onSelect={() => {}} />
    </div>,
  )
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  return view
}

const flowNode = (label: RegExp) => screen.getByLabelText(label, { selector: '.react-flow__node' })
const zoomOf = () => Number(/scale\(([\d.e-]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1])
const drawn = (el: Element) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'

async function zoomInTo(zoom: number) {
  for (let i = 0; i < 40 && zoomOf() < zoom; i++) {
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }))
    await act(async () => {})
  }
}

describe('semantic zoom', () => {
  it('zoomed out, draws fewer, larger things: an AZ with its counts, "2/2 healthy" on the service and target group', async () => {
    const { container } = await renderPanel()
    expect(zoomOf()).toBeLessThan(DETAIL_ZOOM)
    const canvas = container.querySelector('.cs-diagram-canvas')!
    expect(canvas).toHaveClass('cs-zoom-overview')
    // Letters grow as the view shrinks, so they keep their size on screen.
    expect(Number((canvas as HTMLElement).style.getPropertyValue('--cs-text-scale'))).toBeGreaterThan(1)

    const zone = flowNode(/^Availability Zone us-east-1a /)
    expect(within(zone).getByText('1 subnet · 1 task')).toSatisfy(drawn)
    expect(within(flowNode(/^ECS service FargateDemoService2 /)).getByText('2/2 healthy')).toSatisfy(drawn)
    expect(within(flowNode(/^Target group FargateTargetGroup /)).getByText('2/2 healthy')).toSatisfy(drawn)
    const task = screen.getAllByLabelText(/^Task [0-9a-f]{32} RUNNING, healthy/, { selector: '.react-flow__node' })[0]
    expect(within(task).getByText(/^RUNNING · healthy · 1 container$/)).toSatisfy(drawn)

    // Not drawn: containers, listener rules, security-group badges, detail lines, kind words.
    const containerNode = screen.getAllByLabelText(/^Container webapp /, { selector: '.react-flow__node' })[0]
    expect(containerNode.querySelector('.cs-node')).not.toSatisfy(drawn)
    expect(flowNode(/^Listener rule /).querySelector('.cs-node')).not.toSatisfy(drawn)
    expect(flowNode(/^Security group web /).querySelector('.cs-node')).not.toSatisfy(drawn)
    expect(within(task).getByText('Task')).not.toSatisfy(drawn)
  })

  it('zoomed in, reveals the detail: containers, rules, badges and detail lines, without the summaries', async () => {
    const { container } = await renderPanel()
    await zoomInTo(DETAIL_ZOOM)
    expect(container.querySelector('.cs-diagram-canvas')).toHaveClass('cs-zoom-detail')
    const containerNode = screen.getAllByLabelText(/^Container webapp /, { selector: '.react-flow__node' })[0]
    expect(containerNode.querySelector('.cs-node')).toSatisfy(drawn)
    expect(within(containerNode).getByText(/pythonwebapp:latest :8080/)).toSatisfy(drawn)
    expect(flowNode(/^Listener rule /).querySelector('.cs-node')).toSatisfy(drawn)
    expect(flowNode(/^Security group web /).querySelector('.cs-node')).toSatisfy(drawn)
    expect(within(flowNode(/^ECS service FargateDemoService2 /)).getByText('2/2 healthy')).not.toSatisfy(drawn)
    // An AZ keeps its counts at every zoom.
    expect(within(flowNode(/^Availability Zone us-east-1a /)).getByText('1 subnet · 1 task')).toSatisfy(drawn)
  })
})

describe('Follow changes', () => {
  it('is on by default, and a learner who turns it off finds it off next time', async () => {
    await renderPanel()
    const follow = screen.getByRole('button', { name: 'Follow changes' })
    expect(follow).toHaveAttribute('aria-pressed', 'true')
    fireEvent.click(follow)
    expect(follow).toHaveAttribute('aria-pressed', 'false')
    cleanup()
    await renderPanel()
    expect(screen.getByRole('button', { name: 'Follow changes' })).toHaveAttribute('aria-pressed', 'false')
    fireEvent.click(screen.getByRole('button', { name: 'Follow changes' }))
    cleanup()
    await renderPanel()
    expect(screen.getByRole('button', { name: 'Follow changes' })).toHaveAttribute('aria-pressed', 'true')
  })
})

describe('legend', () => {
  it('sits below the diagram, not over it, and folds away', async () => {
    const { container } = await renderPanel()
    const legend = screen.getByRole('list', { name: 'Services' })
    expect(legend).toHaveTextContent('FargateDemoService2 2/2')
    expect(container.querySelector('.cs-diagram-canvas')!.contains(legend)).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Legend' }))
    expect(screen.queryByRole('list', { name: 'Services' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Legend' })).toHaveAttribute('aria-expanded', 'false')
  })
})
