// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { act } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, monacoAvailable: false }))

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
