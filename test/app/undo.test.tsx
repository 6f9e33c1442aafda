// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { outputLog, renderApp, runInConsole } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('undo and reset', () => {
  test('"Undo last command" puts back the world as it was before the command', async () => {
    const { store } = await renderApp()
    const before = store.getState().sandbox?.snapshot()
    await runInConsole('export COLOUR=blue')
    expect(store.getState().sandbox?.snapshot()).not.toEqual(before)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Undo last command' }))
    expect(store.getState().sandbox?.snapshot()).toEqual(before)
    await runInConsole('echo colour=$COLOUR.')
    expect(within(outputLog()).getByText('colour=.')).toBeInTheDocument()
  })

  test('saving a file can be undone', async () => {
    const { store } = await renderApp()
    const user = userEvent.setup()
    await user.click(screen.getByRole('tab', { name: 'Files' }))
    const files = screen.getByRole('region', { name: 'Files' })
    await user.click(within(files).getByRole('button', { name: 'New file' }))
    await user.type(within(files).getByLabelText('File name'), 'notes.txt')
    await user.click(within(files).getByRole('button', { name: 'Create' }))
    const editor = within(files).getByRole('textbox', { name: 'Contents of notes.txt' })
    await user.type(editor, 'hello')
    expect(within(files).getByText('Unsaved changes')).toBeInTheDocument()
    await user.keyboard('{Control>}s{/Control}')
    expect(store.getState().readFile('notes.txt')).toBe('hello')
    expect(within(files).getByText('Saved')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo last command' }))
    expect(store.getState().readFile('notes.txt')).toBe('')
    await user.click(screen.getByRole('button', { name: 'Undo last command' }))
    await waitFor(() => expect(within(files).queryByRole('button', { name: /notes\.txt/ })).not.toBeInTheDocument())
  })

  test('"Reset world" (after confirming) starts a fresh account and keeps the layout', async () => {
    const { store } = await renderApp()
    const fresh = store.getState().sandbox?.snapshot()
    await runInConsole('export X=1')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Collapse Lesson' }))
    vi.spyOn(window, 'confirm').mockReturnValue(true)
    await user.click(screen.getByRole('button', { name: 'Reset world' }))
    expect(store.getState().sandbox?.snapshot()).toEqual(fresh)
    expect(screen.getByRole('button', { name: 'Expand Lesson' })).toBeInTheDocument()
  })

  test('undo after a command that changed the world puts back the world the diagram showed before it', async () => {
    const { store } = await renderApp()
    const shown = store.getState().world
    const before = JSON.stringify(store.getState().sandbox?.snapshot())
    await runInConsole('aws ecs create-cluster --cluster-name undo-me')
    expect(Object.keys(store.getState().world?.ecs.clusters ?? {})).toHaveLength(1)
    // A new world was published, and the parts the command did not touch are the same objects as before.
    expect(store.getState().world).not.toBe(shown)
    expect(store.getState().world?.ec2).toBe(shown?.ec2)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Undo last command' }))
    expect(store.getState().world?.ecs.clusters).toEqual({})
    expect(JSON.stringify(store.getState().sandbox?.snapshot())).toBe(before)
  })

  test('"Reset world" can be undone: the account from before the reset comes back', async () => {
    const { store } = await renderApp()
    await runInConsole('export KEEP=me')
    const before = store.getState().sandbox?.snapshot()
    store.getState().resetWorld()
    expect(store.getState().sandbox?.snapshot()).not.toEqual(before)
    store.getState().undo()
    expect(store.getState().sandbox?.snapshot()).toEqual(before)
    await runInConsole('echo keep=$KEEP.')
    expect(within(outputLog()).getByText('keep=me.')).toBeInTheDocument()
  })
})
