// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { decodeShare, encodeShare } from '../../../src/app/share/index.ts'
import { outputLog, renderApp, runInConsole } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

const SEED = 5

beforeEach(() => {
  localStorage.clear()
  history.replaceState(null, '', '/')
})
afterEach(() => cleanup())

describe('opening a share link', () => {
  test('shows the same world as the sender, with their commands in the console, and leaves the address bar clean', async () => {
    const sender = createSandbox({ seed: SEED })
    sender.exec('aws ecs create-cluster --cluster-name shared-demo')
    sender.advance(1_000)
    history.replaceState(null, '', `/${await encodeShare({ seed: SEED, inputs: sender.inputs() })}`)

    const { store } = await renderApp({ seed: 99 })
    await waitFor(() => expect(outputLog()).toHaveTextContent('aws ecs create-cluster --cluster-name shared-demo'), { timeout: 10_000 })
    expect(outputLog()).toHaveTextContent('Opened a share link: the world is as it was shared (1 commands replayed).')
    expect(JSON.stringify(store.getState().sandbox?.snapshot())).toBe(JSON.stringify(sender.snapshot()))
    expect(window.location.hash).toBe('')

    // Undo brings back the world the learner had before the link.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Undo last command' }))
    expect(store.getState().sandbox?.world().ecs.clusters).toEqual({})
  })

  test('a damaged link shows a message and leaves the world alone', async () => {
    history.replaceState(null, '', '/#s=1.AAAA<img src=x onerror=alert(1)>')
    const { store } = await renderApp({ seed: SEED })
    expect(await screen.findByRole('alert')).toHaveTextContent('This share link is damaged')
    expect(store.getState().sandbox?.position()).toBe(0)
    expect(document.querySelector('img')).toBeNull()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  test('"Create share link" in the instructor tools gives a link to this world', async () => {
    const { store } = await renderApp({ seed: SEED })
    await runInConsole('aws ecs create-cluster --cluster-name mine')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Instructor' }))
    await user.click(screen.getByRole('button', { name: 'Create share link' }))
    const link = (await screen.findByRole('textbox', { name: 'Link' })) as HTMLInputElement
    expect(link.value).toMatch(/#s=1\.[A-Za-z0-9_-]+$/)
    const decoded = await decodeShare(link.value.slice(link.value.indexOf('#')))
    expect(decoded.ok && decoded.session.seed).toBe(SEED)
    expect(decoded.ok && decoded.session.inputs.map((i) => i.kind === 'exec' && i.line)).toEqual(['aws ecs create-cluster --cluster-name mine'])
    expect(store.getState().status).toBe('ready')
  })
})
