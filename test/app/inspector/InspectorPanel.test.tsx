// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { InspectorPanel } from '../../../src/app/inspector/index.ts'
import { startingWorld } from '../diagram/world.ts'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const world = startingWorld()
const subnet = Object.values(world.ec2.subnets).find((s) => s.AvailabilityZone === 'us-east-1a')!
const command = `aws ec2 describe-subnets --subnet-ids ${subnet.SubnetId}`

describe('InspectorPanel', () => {
  it('explains how to select when nothing is selected', () => {
    render(<InspectorPanel world={world} />)
    expect(screen.getByText('Select a resource in the diagram to see its fields here.')).toBeInTheDocument()
  })

  it('says when the selected resource no longer exists', () => {
    render(<InspectorPanel world={world} selectedId="subnet-0000000000000000f" />)
    expect(screen.getByText(/no longer exists/)).toHaveTextContent('subnet-0000000000000000f no longer exists')
  })

  it("shows a subnet's fields as a tree, coloured by type", () => {
    render(<InspectorPanel world={world} selectedId={subnet.SubnetId} />)
    expect(screen.getByRole('heading', { name: `Subnet ${subnet.SubnetId}` })).toBeInTheDocument()
    const tree = screen.getByRole('group', { name: `Fields of ${subnet.SubnetId}` })
    const cidr = within(tree).getByText('CidrBlock').closest('li')!
    expect(cidr).toHaveTextContent('CidrBlock: "172.31.0.0/20"')
    expect(cidr.querySelector('.cs-field-string')).not.toBeNull()
    expect(within(tree).getByText('AvailableIpAddressCount').closest('li')!.querySelector('.cs-field-number')).toHaveTextContent('4091')
    expect(within(tree).getByText('MapPublicIpOnLaunch').closest('li')!.querySelector('.cs-field-boolean')).toHaveTextContent('true')
    expect(within(tree).getByText('Tags').closest('li')).toHaveTextContent('Tags: [ ]')
  })

  it('collapses and expands nested objects', () => {
    render(<InspectorPanel world={world} selectedId={subnet.SubnetId} />)
    const toggle = screen.getByRole('button', { name: /PrivateDnsNameOptionsOnLaunch/ })
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('HostnameType')).toBeInTheDocument()
    fireEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('HostnameType')).not.toBeInTheDocument()
  })

  it('shows the command that describes the resource and copies it', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    render(<InspectorPanel world={world} selectedId={subnet.SubnetId} />)
    expect(screen.getByRole('region', { name: 'Describe command' })).toHaveTextContent(command)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy command' }))
    })
    expect(writeText).toHaveBeenCalledWith(command)
    expect(screen.getByRole('status')).toHaveTextContent('Copied')
  })

  it('says to select the text when the clipboard is not available', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    render(<InspectorPanel world={world} selectedId={subnet.SubnetId} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy command' }))
    })
    expect(screen.getByRole('status')).toHaveTextContent('select the text')
  })

  it('shows an IAM role’s trust policy as fields, not an encoded string', () => {
    render(<InspectorPanel world={world} selectedId={world.iam.roles.ecsTaskExecutionRole.Arn} />)
    expect(screen.getByRole('heading', { name: 'IAM role ecsTaskExecutionRole' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /AssumeRolePolicyDocument/ })).toBeInTheDocument()
    expect(screen.getByText('aws iam get-role --role-name ecsTaskExecutionRole')).toBeInTheDocument()
  })
})
