// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { LessonPanel } from '../../../src/app/lesson/index.ts'
import { outputLog, renderApp, runInConsole } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

/** Files the page offered for download, by name. */
let downloads: Map<string, Blob>
beforeEach(() => {
  localStorage.clear()
  downloads = new Map()
  let last: Blob | undefined
  URL.createObjectURL = (blob: Blob) => {
    last = blob
    return 'blob:test'
  }
  URL.revokeObjectURL = () => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) downloads.set(this.download, last)
  })
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const panels = { Lesson: () => <LessonPanel /> }
const openTools = () => userEvent.setup().click(screen.getByRole('button', { name: 'Instructor' }))
const importFile = async (file: File) => userEvent.setup().upload(screen.getByLabelText('Import a session or progress file'), file)

describe('session and progress files', () => {
  test('an exported session opens in another browser with the same world, files, console and lesson step', async () => {
    const first = await renderApp({ seed: 8, panels })
    await userEvent.setup().click(screen.getByRole('button', { name: /^Start lesson 1: / }))
    await runInConsole('aws ecs create-cluster --cluster-name fargate-cluster')
    await openTools()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export session' }))
    const file = downloads.get('container-sandbox-session.json')
    expect(file).toBeDefined()
    const world = JSON.stringify(first.store.getState().sandbox?.snapshot())
    cleanup()
    localStorage.clear()

    const second = await renderApp({ seed: 9, panels })
    expect(screen.queryByRole('heading', { name: /^Step \d of \d: / })).not.toBeInTheDocument()
    await openTools()
    await importFile(new File([await file!.text()], 'class.json', { type: 'application/json' }))
    await waitFor(() => expect(JSON.stringify(second.store.getState().sandbox?.snapshot())).toBe(world))
    expect(outputLog()).toHaveTextContent('aws ecs create-cluster --cluster-name fargate-cluster')
    expect(await screen.findByRole('heading', { name: /^Step \d of \d: / })).toBeInTheDocument()
  }, 60_000)

  test('exported progress alone brings back the lesson and leaves the world alone', async () => {
    await renderApp({ seed: 8, panels })
    await userEvent.setup().click(screen.getByRole('button', { name: /^Start lesson 1: / }))
    await openTools()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export progress' }))
    const file = downloads.get('container-sandbox-progress.json')
    cleanup()
    localStorage.clear()

    const { store } = await renderApp({ seed: 8, panels })
    await runInConsole('aws ecs create-cluster --cluster-name mine')
    await openTools()
    await importFile(new File([await file!.text()], 'progress.json'))
    expect(await screen.findByRole('heading', { name: /^Step 1 of \d: / })).toBeInTheDocument()
    expect(screen.getByText('Imported the progress from progress.json.')).toBeInTheDocument()
    expect(Object.keys(store.getState().sandbox?.world().ecs.clusters ?? {})).toHaveLength(1)
  })

  test('a file that is not a session says so and changes nothing', async () => {
    const { store } = await renderApp({ seed: 8 })
    await openTools()
    await importFile(new File(['{"kind":"something else"}'], 'other.json'))
    expect(await screen.findByText('This file is not a Container Sandbox session or progress file.')).toBeInTheDocument()
    await importFile(new File(['not json'], 'broken.json'))
    expect(await screen.findByText('This file is not a Container Sandbox session or progress file (it is not JSON).')).toBeInTheDocument()
    expect(store.getState().sandbox?.position()).toBe(0)
  })
})
