// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { act } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { outputLog, renderApp, runInConsole } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the virtual clock', () => {
  test('shows the sandbox time in UTC and advances only while playing, by wall time times the speed', async () => {
    // The test plays the animation frames itself.
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    const start = store.getState().now
    expect(screen.getByRole('timer', { name: 'Simulated time (UTC)' })).toHaveTextContent(new Date(start).toISOString().replace('.000Z', 'Z'))
    act(() => store.getState().tick(500))
    expect(store.getState().now).toBe(start)

    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '10×' }))
    expect(screen.getByRole('button', { name: '10×' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('button', { name: 'Play' }))
    act(() => store.getState().tick(500))
    expect(store.getState().now).toBe(start + 5000)
    expect(screen.getByRole('timer')).toHaveTextContent(new Date(start + 5000).toISOString().replace('.000Z', 'Z'))

    // A tab that slept for an hour moves the clock by one capped step only.
    act(() => store.getState().tick(3_600_000))
    expect(store.getState().now).toBe(start + 5000 + 10_000)

    await user.click(screen.getByRole('button', { name: 'Pause' }))
    act(() => store.getState().tick(500))
    expect(store.getState().now).toBe(start + 15_000)
  })
})

describe('slow motion and stepping', () => {
  test('slow motion moves the clock by exactly the wall time times the speed, fractions of a millisecond included', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '0.25×' }))
    expect(screen.getByRole('button', { name: '0.25×' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('button', { name: 'Play' }))
    const start = store.getState().now
    act(() => store.getState().tick(500))
    expect(store.getState().now).toBe(start + 125)

    await user.click(screen.getByRole('button', { name: '0.1×' }))
    // Ten 16 ms frames at 0.1× are 16 ms of simulated time, though no single frame reaches 2 ms.
    for (let i = 0; i < 10; i++) act(() => store.getState().tick(16))
    expect(store.getState().now).toBe(start + 125 + 16)

    await user.click(screen.getByRole('button', { name: '0.5×' }))
    act(() => store.getState().tick(1000))
    expect(store.getState().now).toBe(start + 125 + 16 + 500)
  })

  test('"Step to next event" moves the clock exactly to when the new VPC becomes available', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    await runInConsole('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
    const due = store.getState().sandbox?.nextEventAt() as number
    expect(due).toBeGreaterThan(store.getState().now)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Step to next event' }))
    expect(store.getState().now).toBe(due)
    expect(screen.getByRole('timer')).toHaveTextContent(new Date(due).toISOString().replace('.000Z', 'Z'))

    await userEvent.setup().click(screen.getByRole('button', { name: 'Step to next event' }))
    expect(store.getState().now).toBe(due)
    expect(outputLog()).toHaveTextContent('Nothing is scheduled')
  })

  test('"Run until it changes" stops at the selected VPC\'s next state change and says what changed', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    const user = userEvent.setup()
    expect(screen.getByRole('button', { name: 'Run until it changes' })).toBeDisabled()
    await runInConsole('aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text')
    const vpcId = store.getState().log.at(-1)?.stdout.trim() as string
    const due = store.getState().sandbox?.nextEventAt()
    act(() => store.getState().select(vpcId))
    await user.click(screen.getByRole('button', { name: 'Run until it changes' }))
    expect(store.getState().now).toBe(due)
    expect(outputLog()).toHaveTextContent(`${vpcId}: State pending → available`)
  })
})
