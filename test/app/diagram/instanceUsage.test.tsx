// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen, within } from '@testing-library/react'
import { DiagramPanel } from '../../../src/app/diagram/DiagramPanel.tsx'
import { graphToSvg, toGraph } from '../../../src/app/diagram/index.ts'
import { ec2World, ok } from './ec2World.ts'

afterEach(cleanup)

const { s, instanceId } = ec2World()
const world = s.world()
// What describe-container-instances says of the one host: registered and remaining memory, in MiB.
const ci = JSON.parse(ok(s, 'aws ecs describe-container-instances --cluster ec2-cluster --container-instances $(aws ecs list-container-instances --cluster ec2-cluster --query containerInstanceArns --output text)')).containerInstances[0]
const registeredMemory: number = ci.registeredResources.find((r: { name: string }) => r.name === 'MEMORY').integerValue
const registeredCpu: number = ci.registeredResources.find((r: { name: string }) => r.name === 'CPU').integerValue

async function instanceNode() {
  render(
    <div style={{ width: '1000px', height: '700px' }}>
      <DiagramPanel world={world} onSelect={() => {}} />
    </div>,
  )
  await act(async () => {})
  return screen.getByLabelText(new RegExp(`^EC2 instance ${instanceId} running`), { selector: '.react-flow__node' })
}

describe('an EC2 container instance on the diagram', () => {
  it('shows its CPU and memory in use as two small bars with their figures', async () => {
    const node = await instanceNode()
    expect(within(node).getByText(`0/${registeredCpu} used`)).toBeInTheDocument()
    // Two bridge tasks of 256 MiB each.
    expect(within(node).getByText(`512/${registeredMemory} used`)).toBeInTheDocument()
    const fills = node.querySelectorAll<HTMLElement>('.cs-usage-fill')
    expect([...fills].map((f) => f.style.width)).toEqual(['0%', `${(512 / registeredMemory) * 100}%`])
  })

  it('keeps the bars out of the accessibility tree: the node’s name already says what is free', async () => {
    const node = await instanceNode()
    expect(node.querySelector('.cs-usage')).toHaveAttribute('aria-hidden', 'true')
    expect(node).toHaveAccessibleName(new RegExp(`CPU ${registeredCpu}/${registeredCpu}, memory ${registeredMemory - 512}/${registeredMemory} MiB free$`))
  })

  it('draws the same bars in the exported SVG', () => {
    const svg = graphToSvg(toGraph(world))
    const group = svg.split('<g ').find((g) => g.startsWith(`data-id="${instanceId}"`))!
    expect(group).toContain('>CPU</text>')
    expect(group).toContain(`>512/${registeredMemory} used</text>`)
    expect(group).toMatch(new RegExp(`<rect [^>]*width="${Math.round((64 * 512) / registeredMemory)}" height="8" fill="#414d5c"/>`))
  })
})
