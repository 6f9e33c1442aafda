// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { act } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the cost meter in the status bar', () => {
  test('shows what a running instance has cost, and lists it per resource on request', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    const user = userEvent.setup()
    expect(screen.getByRole('button', { name: 'Cost so far: $0.0000' })).toHaveAttribute('aria-expanded', 'false')

    const ami = store.getState().run('aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')?.stdout.trim()
    act(() => void store.getState().run(`aws ec2 run-instances --image-id ${ami} --instance-type m5.large`))
    await user.click(screen.getByRole('button', { name: '60×' }))
    await user.click(screen.getByRole('button', { name: 'Play' }))
    // One virtual hour and a bit (the instance runs from its 15 s boot): 61 steps of 60 s.
    for (let i = 0; i < 61; i++) act(() => store.getState().tick(1000))
    await user.click(screen.getByRole('button', { name: 'Pause' }))

    const meter = screen.getByRole('button', { name: /^Cost so far: \$0\.09/ })
    await user.click(meter)
    expect(meter).toHaveAttribute('aria-expanded', 'true')
    const popover = screen.getByRole('region', { name: 'Cost so far, per resource' })
    const [line] = within(within(popover).getByRole('list', { name: 'Per resource' })).getAllByRole('listitem')
    expect(line).toHaveTextContent(/^i-0[0-9a-f]{16} m5\.large: \$0\.09\d+ \(1\.0\d instance-hours\) — billing now$/)
    expect(popover).toHaveTextContent('us-east-1 On-Demand prices')

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('region', { name: 'Cost so far, per resource' })).toBeNull()
    expect(meter).toHaveFocus()
  })
})
