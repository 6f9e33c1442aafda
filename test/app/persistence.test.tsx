// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { BACKUP_KEY, STORAGE_KEY } from '../../src/app/state/persist/migrations.ts'
import { createSandbox } from '../../src/sandbox/index.ts'
import { consoleBox, memoryStorage, outputLog, renderApp, runInConsole } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('the state kept across reloads', () => {
  test('the world, the transcript, the history and the layout come back after a reload', async () => {
    const first = await renderApp()
    await runInConsole('export GREETING=remembered')
    await runInConsole('echo $GREETING')
    // (The inspector folds itself while nothing is selected, so the lesson is the region collapsed here.)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Collapse Lesson' }))
    first.store.getState().flushPersist()
    const stored = JSON.parse(first.storage.data.get(STORAGE_KEY) ?? 'null')
    expect(stored.version).toBe(2)
    expect(stored.layout.collapsed.lesson).toBe(true)
    const snapshot = first.store.getState().sandbox?.snapshot()
    cleanup()

    const second = await renderApp({ storage: first.storage })
    expect(second.store.getState().sandbox?.snapshot()).toEqual(snapshot)
    expect(within(outputLog()).getByText('remembered')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Expand Lesson' })).toBeInTheDocument()
    // The shell's variables came back with the world.
    await runInConsole('echo again $GREETING')
    expect(within(outputLog()).getByText('again remembered')).toBeInTheDocument()
    // And the history: Up brings back the last command.
    await userEvent.setup().keyboard('{ArrowUp}')
    expect(consoleBox()).toHaveValue('echo again $GREETING')
  })

  test('changes are written to storage by themselves shortly after', async () => {
    const { storage } = await renderApp()
    await runInConsole('echo saved')
    await waitFor(() => expect(storage.data.get(STORAGE_KEY)).toContain('echo saved'))
  })

  test('an unreadable stored value shows the recovery banner, keeps a copy, and the app still works', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{ this is not json' })
    await renderApp({ storage })
    const banner = screen.getByRole('alert')
    expect(banner).toHaveTextContent(/could not be restored/)
    expect(banner).toHaveTextContent(/not valid JSON/)
    expect(storage.data.get(BACKUP_KEY)).toBe('{ this is not json')
    expect(within(banner).getByRole('button', { name: 'Reset' })).toBeInTheDocument()
    await runInConsole('echo still working')
    expect(within(outputLog()).getByText('still working')).toBeInTheDocument()
    // Nothing overwrites the stored value until the learner decides.
    expect(storage.data.get(STORAGE_KEY)).toBe('{ this is not json')
  })

  test('"Export the unreadable state" downloads the stored text as a file', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{"version": 99}' })
    const blobs: Blob[] = []
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob)
      return 'blob:unreadable'
    })
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await renderApp({ storage })
    expect(screen.getByRole('alert')).toHaveTextContent(/version 99, newer than this app understands/)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export the unreadable state' }))
    expect(click).toHaveBeenCalled()
    expect(await blobs[0].text()).toBe('{"version": 99}')
  })

  test('a snapshot the sandbox refuses shows the banner; Reset starts over and saves', async () => {
    const bad = JSON.stringify({ version: 1, sandbox: { schema: 999 }, log: [], history: [], layout: {}, clock: { speed: 10 } })
    const storage = memoryStorage({ [STORAGE_KEY]: bad })
    const { store } = await renderApp({ storage })
    expect(screen.getByRole('alert')).toHaveTextContent(/could not be resumed/)
    expect(storage.data.get(BACKUP_KEY)).toBe(bad)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reset' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')
    expect(createSandbox({ snapshot: saved.sandbox, inputs: saved.inputs }).snapshot()).toEqual(store.getState().sandbox?.snapshot())
    expect(storage.data.get(BACKUP_KEY)).toBe(bad)
  })

  test('a version-1 document (a whole snapshot, no input log) still loads', async () => {
    const first = await renderApp()
    await runInConsole('export OLD=kept')
    const snapshot = first.store.getState().sandbox?.snapshot()
    cleanup()
    const v1 = JSON.stringify({ version: 1, sandbox: snapshot, log: [], history: [], layout: {}, clock: { speed: 1 } })
    const { store } = await renderApp({ storage: memoryStorage({ [STORAGE_KEY]: v1 }) })
    expect(store.getState().sandbox?.snapshot()).toEqual(snapshot)
  })

  test('the state is saved while the clock plays (each frame changes it, and saving still happens)', async () => {
    const { store, storage } = await renderApp()
    await runInConsole('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
    storage.data.clear()
    store.getState().setPlaying(true)
    // Frames keep coming faster than the save delay: a debounced save would wait for them to stop.
    const frames = setInterval(() => store.getState().tick(16), 1)
    try {
      await waitFor(() => expect(storage.data.get(STORAGE_KEY)).toBeDefined())
    } finally {
      clearInterval(frames)
    }
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')
    const resumed = createSandbox({ snapshot: saved.sandbox, inputs: saved.inputs })
    expect(resumed.now()).toBeGreaterThan(saved.sandbox.now)
    expect(resumed.exec('aws ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query "length(Vpcs)"').stdout).toBe('1\n')
  })

  test('when storage is full the app says so and offers the state as a file', async () => {
    const storage = memoryStorage()
    const { store } = await renderApp({ storage })
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
    storage.setItem = quota
    const blobs: Blob[] = []
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:state'), revokeObjectURL: vi.fn() })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    await runInConsole('export WORK=unsaved')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/storage is full, so your work is no longer being saved/)
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Export' }))
    expect(click).toHaveBeenCalled()
    const exported = JSON.parse(await blobs[0].text())
    const resumed = createSandbox({ snapshot: exported.sandbox, inputs: exported.inputs })
    expect(resumed.snapshot()).toEqual(store.getState().sandbox?.snapshot())
  })
})
