// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { readSelection, SELECTION_KEY } from '../../../src/app/inspector/rememberSelection.ts'
import { renderApp } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

beforeEach(() => localStorage.clear())
afterEach(() => {
  cleanup()
  localStorage.clear()
})

describe('the inspector’s selection across a reload', () => {
  test('the selected resource is selected again after a reload', async () => {
    const first = await renderApp()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Select the VPC' }))
    const vpc = first.store.getState().selectedId
    expect(vpc).toMatch(/^vpc-/)
    expect(readSelection(localStorage.getItem(SELECTION_KEY))).toBe(vpc)
    first.store.getState().flushPersist()
    cleanup()

    const second = await renderApp({ storage: first.storage })
    await waitFor(() => expect(second.store.getState().selectedId).toBe(vpc))
    expect(screen.getByText(`Inspecting ${vpc}`)).toBeInTheDocument()
  })

  test('clearing the selection is remembered too, and an unreadable value is ignored', async () => {
    const first = await renderApp()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Select the VPC' }))
    first.store.getState().select(undefined)
    expect(localStorage.getItem(SELECTION_KEY)).toBeNull()
    cleanup()
    localStorage.setItem(SELECTION_KEY, '{not json')
    const second = await renderApp({ storage: first.storage })
    expect(second.store.getState().selectedId).toBeUndefined()
  })
})
