// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { DiagramPanel } from '../../../src/app/diagram/DiagramPanel.tsx'
import DefaultDiagramPanel from '../../../src/app/diagram/DiagramPanel.tsx'
import { startingWorld } from './world.ts'

afterEach(cleanup)

const world = startingWorld()
const subnet = Object.values(world.ec2.subnets).find((s) => s.AvailabilityZone === 'us-east-1b')!
const vpcId = Object.keys(world.ec2.vpcs)[0]

async function renderPanel(selectedId?: string) {
  const onSelect = vi.fn()
  const view = render(
    <div style={{ width: '1000px', height: '700px' }}>
      <DiagramPanel world={world} selectedId={selectedId} onSelect={onSelect} />
    </div>,
  )
  // Let the ResizeObserver stub's microtasks run so React Flow measures the pane.
  await act(async () => {})
  return { onSelect, ...view }
}

const nodeByLabel = (label: RegExp) => screen.getByLabelText(label, { selector: '.react-flow__node' })

describe('DiagramPanel', () => {
  it('is also the default export, so the shell can lazy-load it', () => {
    expect(DefaultDiagramPanel).toBe(DiagramPanel)
  })

  it('draws every resource of the starting world as a labelled, focusable node', async () => {
    await renderPanel()
    expect(nodeByLabel(/^Region us-east-1/)).toBeInTheDocument()
    expect(nodeByLabel(new RegExp(`^VPC ${vpcId} 172\\.31\\.0\\.0/16 default, available$`))).toBeInTheDocument()
    expect(screen.getAllByLabelText(/^Availability Zone us-east-1[abc] /, { selector: '.react-flow__node' })).toHaveLength(3)
    expect(screen.getAllByLabelText(/^Subnet subnet-/, { selector: '.react-flow__node' })).toHaveLength(3)
    const subnetNode = nodeByLabel(new RegExp(`^Subnet ${subnet.SubnetId} us-east-1b 172\\.31\\.16\\.0/20, public, 4091 free IPs, available$`))
    expect(subnetNode).toHaveAttribute('tabindex', '0')
    expect(nodeByLabel(/^Internet gateway igw-/)).toBeInTheDocument()
    expect(nodeByLabel(/^Security group web \(sg-/)).toBeInTheDocument()
    expect(nodeByLabel(/^ECR repository pythonwebapp/)).toBeInTheDocument()
    expect(nodeByLabel(/^IAM role ecsTaskExecutionRole/)).toBeInTheDocument()
    expect(within(subnetNode).getByText('Subnet')).toBeInTheDocument()
  })

  it('selects a resource when its node is clicked, and clears the selection on the background', async () => {
    const { onSelect, container } = await renderPanel()
    fireEvent.click(nodeByLabel(new RegExp(`^Subnet ${subnet.SubnetId}`)))
    expect(onSelect).toHaveBeenLastCalledWith(subnet.SubnetId)
    onSelect.mockClear()
    fireEvent.click(container.querySelector('.react-flow__pane')!)
    expect(onSelect).toHaveBeenCalledWith(undefined)
  })

  it('highlights the selected node', async () => {
    await renderPanel(subnet.SubnetId)
    const node = nodeByLabel(new RegExp(`^Subnet ${subnet.SubnetId}`))
    expect(node).toHaveClass('selected')
    expect(node.querySelector('.cs-node')).toHaveClass('cs-selected')
    expect(nodeByLabel(new RegExp(`^VPC ${vpcId}`)).querySelector('.cs-node')).not.toHaveClass('cs-selected')
  })

  it('selects a focused node with the keyboard', async () => {
    const { onSelect } = await renderPanel()
    const node = nodeByLabel(/^Security group web/)
    node.focus()
    fireEvent.keyDown(node, { key: 'Enter' })
    expect(onSelect).toHaveBeenCalledWith(Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')!.GroupId)
  })

  it('shows the same graph as a nested list in the text view', async () => {
    const { onSelect } = await renderPanel(subnet.SubnetId)
    fireEvent.click(screen.getByRole('button', { name: 'Text view' }))
    expect(screen.getByRole('button', { name: 'Text view' })).toHaveAttribute('aria-pressed', 'true')
    const list = screen.getByRole('list', { name: 'Diagram as text' })
    const region = within(list).getByRole('button', { name: /^Region us-east-1/ })
    const zoneItem = within(list).getByRole('button', { name: /^Availability Zone us-east-1b/ }).closest('li')!
    expect(within(zoneItem).getByRole('button', { name: new RegExp(`^Subnet ${subnet.SubnetId}`) })).toHaveAttribute('aria-current', 'true')
    expect(region.closest('li')!.querySelectorAll('li').length).toBeGreaterThan(5)
    expect(screen.getByRole('list', { name: 'Connections' })).toHaveTextContent(`is attached to ${vpcId}`)
    fireEvent.click(within(list).getByRole('button', { name: /^ECR repository pythonwebapp/ }))
    expect(onSelect).toHaveBeenCalledWith(world.ecr.repositories.pythonwebapp.repositoryArn)
    fireEvent.click(screen.getByRole('button', { name: 'Text view' }))
    expect(screen.queryByRole('list', { name: 'Diagram as text' })).not.toBeInTheDocument()
  })
})
