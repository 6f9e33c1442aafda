// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { useDemo } from '../../../src/app/demo/index.ts'
import { outputLog, renderApp } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  useDemo.getState().stop()
  cleanup()
})

describe('the demo script in the instructor tools', () => {
  test('an example script is created, started, and each press of Enter on "Run next" runs the next beat in order', async () => {
    const { store } = await renderApp({ seed: 5 })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Instructor' }))
    await user.click(screen.getByRole('button', { name: 'Create example.demo' }))
    await user.click(screen.getByRole('button', { name: 'Start demo' }))
    useDemo.setState({ charsPerSecond: 0 })

    const bar = screen.getByRole('region', { name: 'Demo in progress' })
    expect(bar).toHaveTextContent('beat 1 of 3')
    expect(within(bar).getByRole('list', { name: 'Notes' })).toHaveTextContent('Start with an empty cluster')
    const runNext = within(bar).getByRole('button', { name: 'Run next' })
    expect(runNext).toHaveFocus()

    await user.keyboard('{Enter}')
    await waitFor(() => expect(bar).toHaveTextContent('beat 2 of 3'))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(bar).toHaveTextContent('beat 3 of 3'))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(bar).toHaveTextContent('the end of the demo'))

    const commands = store.getState().log.flatMap((e) => (e.input ? [e.input] : []))
    expect(commands).toEqual([
      'aws ecs create-cluster --cluster-name demo-cluster',
      "aws ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone]' --output text",
      'sleep 30',
      'aws ecs list-clusters',
    ])
    expect(outputLog()).toHaveTextContent('cluster/demo-cluster')

    await user.click(within(bar).getByRole('button', { name: 'Stop demo' }))
    expect(screen.queryByRole('region', { name: 'Demo in progress' })).toBeNull()
  }, 60_000)
})
