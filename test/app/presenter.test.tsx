// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { captionOf, PRESENTER_KEY, usePresenter } from '../../src/app/presenter/index.ts'
import { fargateWalkthrough } from './diagram/walkthrough.ts'
import { renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

beforeEach(() => {
  localStorage.clear()
  usePresenter.setState({ on: false })
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('captions in plain words', () => {
  const world = fargateWalkthrough().sandbox.world()
  const captions = world.log.entries.map(captionOf)

  test('say when the load balancer becomes active and where a task was placed and why', () => {
    expect(captions).toContain('load balancer FargateLoadBalancer is now active')
    expect(captions.some((c) => /^task [0-9a-f]{8}… created \(PROVISIONING\): placed in us-east-1[ab] to spread across AZs$/.test(c ?? ''))).toBe(true)
  })

  test("say a target's health with its address and port, and the reason code when it is unhealthy", () => {
    const healthy = world.log.entries.find((e) => e.kind === 'target.health')
    expect(healthy && captionOf(healthy)).toMatch(/^target \d+\.\d+\.\d+\.\d+:8080 is healthy$/)
    const unhealthy = { ...healthy!, kind: 'target.health' as const, targetId: '172.31.14.140', port: 8080, from: 'healthy', to: 'unhealthy', reasonCode: 'Target.Timeout' }
    expect(captionOf(unhealthy)).toBe('target 172.31.14.140:8080 is unhealthy: Target.Timeout')
  })

  test('leave out requests (they change nothing), and caption every other event', () => {
    world.log.entries.forEach((e, i) => expect(captions[i] === undefined).toBe(e.kind === 'http.request'))
  })
})

describe('the presenter view', () => {
  test('one switch in the toolbar turns it on: large type, high contrast, and it is remembered', async () => {
    const { store } = await renderApp()
    const user = userEvent.setup()
    const toggle = screen.getByRole('button', { name: 'Presenter view' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    // Keyboard reachable: Tab to it and press Space.
    toggle.focus()
    await user.keyboard(' ')
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(document.documentElement.dataset.presenter).toBe('on')
    expect(Number(document.documentElement.style.getPropertyValue('--text-scale'))).toBeGreaterThanOrEqual(1.5)
    expect(localStorage.getItem(PRESENTER_KEY)).toBe('on')
    expect(store.getState().status).toBe('ready')

    await user.click(toggle)
    expect(document.documentElement.dataset.presenter).toBeUndefined()
    expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1')
    expect(screen.queryByRole('log', { name: 'What just happened' })).not.toBeInTheDocument()
  })

  test('captions each new event of a scripted walkthrough, in the order the event log has them', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const { store } = await renderApp()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Presenter view' }))
    // The walkthrough's own start (its lesson world), then its inputs as the instructor would type them.
    const lesson = fargateWalkthrough().sandbox.history()
    act(() => void store.getState().restoreSnapshot(JSON.parse(lesson.checkpoints[0].snapshot), 'Lesson start'))
    const sandbox = store.getState().sandbox!
    const from = sandbox.world().log.nextId
    for (const input of lesson.inputs) {
      if (input.kind === 'exec') act(() => void store.getState().run(input.line))
      else if (input.kind === 'write') act(() => void store.getState().saveFile(input.path, input.text))
    }
    act(() => void store.getState().stepToNextEvent())

    const expected = sandbox.world().log.entries.filter((e) => e.id >= from).map(captionOf).filter((c) => c !== undefined)
    expect(expected.length).toBeGreaterThan(10)
    const shown = within(screen.getByRole('log', { name: 'What just happened' })).getAllByRole('listitem').map((li) => li.textContent?.replace(/^\d\d:\d\d:\d\d /, ''))
    expect(shown).toEqual(expected)
    expect(shown).toContain('load balancer FargateLoadBalancer is now active')
  }, 60_000)
})
