// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { TEXT_SIZE_KEY, useTextSize } from '../../src/app/layout/textSize.ts'
import { consoleBox, renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

/** Makes `(max-width: …)` queries match, as on a narrow screen (jsdom has no matchMedia of its own). */
function narrowScreen(matches: boolean) {
  window.matchMedia = ((query: string) => ({
    matches: matches && query.includes('max-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia
}

beforeEach(() => {
  localStorage.clear()
  act(() => useTextSize.getState().reset())
})
afterEach(() => {
  cleanup()
  Reflect.deleteProperty(window, 'matchMedia')
})

const inspector = () => screen.getByRole('region', { name: 'Inspector' })

describe('the inspector folds away while empty', () => {
  test('with nothing selected it is a folded rail; a selection opens it; clearing the selection folds it again', async () => {
    const { store } = await renderApp()
    expect(within(inspector()).getByRole('button', { name: 'Expand Inspector' })).toHaveAttribute('aria-expanded', 'false')
    expect(within(inspector()).getByText('Select a resource to inspect it')).toBeInTheDocument()
    expect(screen.queryByRole('separator', { name: 'Resize the inspector' })).not.toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Select the VPC' }))
    expect(within(inspector()).getByRole('button', { name: 'Collapse Inspector' })).toHaveAttribute('aria-expanded', 'true')
    expect(within(inspector()).getByText(/^Inspecting vpc-/)).toBeVisible()

    act(() => store.getState().select(undefined))
    expect(within(inspector()).getByRole('button', { name: 'Expand Inspector' })).toBeInTheDocument()
  })

  test('a learner who opens the empty inspector keeps it open, and one who collapses it keeps it collapsed', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(within(inspector()).getByRole('button', { name: 'Expand Inspector' }))
    expect(within(inspector()).getByText('Inspecting nothing')).toBeVisible()
    await user.click(within(inspector()).getByRole('button', { name: 'Collapse Inspector' }))
    await user.click(screen.getByRole('button', { name: 'Select the VPC' }))
    expect(within(inspector()).getByRole('button', { name: 'Expand Inspector' })).toBeInTheDocument()
  })
})

describe('the text-size control', () => {
  const scale = () => document.documentElement.style.getPropertyValue('--text-scale')

  test('A+ and A− step the text size of the whole page, and the middle button resets it', async () => {
    await renderApp()
    const user = userEvent.setup()
    const size = within(screen.getByRole('group', { name: 'Text size' }))
    expect(size.getByRole('button', { name: /^Text size 100%/ })).toBeInTheDocument()
    await user.click(size.getByRole('button', { name: /Larger text/ }))
    await user.click(size.getByRole('button', { name: /Larger text/ }))
    expect(scale()).toBe('1.25')
    expect(size.getByRole('button', { name: /^Text size 125%/ })).toHaveTextContent('125%')
    expect(localStorage.getItem(TEXT_SIZE_KEY)).toBe('1.25')
    await user.click(size.getByRole('button', { name: /Smaller text/ }))
    expect(scale()).toBe('1.125')
    await user.click(size.getByRole('button', { name: /^Text size/ }))
    expect(scale()).toBe('1')
  })

  test('Ctrl+Alt+= and Ctrl+Alt+− change it from anywhere, even the console; plain Ctrl+= is left to the browser', async () => {
    await renderApp()
    consoleBox().focus()
    fireEvent.keyDown(consoleBox(), { key: '=', code: 'Equal', ctrlKey: true, altKey: true })
    expect(scale()).toBe('1.125')
    fireEvent.keyDown(consoleBox(), { key: '-', code: 'Minus', ctrlKey: true, altKey: true })
    fireEvent.keyDown(consoleBox(), { key: '-', code: 'Minus', ctrlKey: true, altKey: true })
    expect(scale()).toBe('0.875')
    const browserZoom = fireEvent.keyDown(consoleBox(), { key: '=', code: 'Equal', ctrlKey: true })
    expect(browserZoom).toBe(true) // not prevented: the browser zooms as usual
    expect(scale()).toBe('0.875')
  })

  test('the size chosen is restored on the next visit', async () => {
    localStorage.setItem(TEXT_SIZE_KEY, '1.5')
    vi.resetModules()
    const fresh = await import('../../src/app/layout/textSize.ts')
    expect(fresh.useTextSize.getState().scale).toBe(1.5)
  })
})

describe('on a narrow screen', () => {
  test('the lesson and the inspector share one column as tabs, and a selection brings the inspector forward', async () => {
    narrowScreen(true)
    await renderApp()
    const side = screen.getByRole('tablist', { name: 'Lesson and Inspector' })
    expect(within(side).getByRole('tab', { name: 'Lesson' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByText('Welcome to the sandbox')).toBeVisible()
    fireEvent.click(screen.getByRole('button', { name: 'Select the VPC' }))
    expect(within(side).getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true')
    expect(within(screen.getByRole('region', { name: 'Inspector' })).getByText(/^Inspecting vpc-/)).toBeVisible()
    expect(screen.getByText('Welcome to the sandbox')).not.toBeVisible()
  })
})

describe('moving between regions', () => {
  test('F6 and Shift+F6 cycle through the regions; the skip link jumps to the console', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(screen.getByRole('link', { name: 'Skip to the console' }))
    expect(consoleBox()).toHaveFocus()
    await user.keyboard('{F6}')
    // After the console (Console and Files) comes the inspector, folded to its rail, then back to the toolbar.
    expect(document.activeElement?.closest('[data-region]')).toHaveAttribute('data-region', 'inspector')
    await user.keyboard('{F6}')
    expect(document.activeElement?.closest('[data-region]')).toHaveAttribute('data-region', 'toolbar')
    await user.keyboard('{Shift>}{F6}{/Shift}')
    expect(document.activeElement?.closest('[data-region]')).toHaveAttribute('data-region', 'inspector')
  })
})
