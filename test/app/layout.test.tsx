// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { consoleBox, renderApp } from './support/harness.tsx'

vi.mock('../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('the page layout', () => {
  test('every region is a landmark named by its heading', async () => {
    await renderApp()
    for (const name of ['Lesson', 'Diagram', 'Inspector', 'Console']) {
      const region = screen.getByRole('region', { name })
      expect(within(region).getByRole('heading', { level: 2, name })).toBeInTheDocument()
    }
    await userEvent.setup().click(screen.getByRole('tab', { name: 'Files' }))
    const files = screen.getByRole('region', { name: 'Files' })
    expect(within(files).getByRole('heading', { level: 2, name: 'Files' })).toBeInTheDocument()
    expect(within(files).getByRole('button', { name: /fargate-container\.json/ })).toBeInTheDocument()
  })

  test('exactly one textbox is named Console', async () => {
    await renderApp()
    expect(screen.getAllByRole('textbox', { name: 'Console' })).toHaveLength(1)
  })

  test('a panel that throws shows its own error with Retry while the other panels still work', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    let broken = true
    function Diagram(): never | null {
      if (broken) throw new Error('the graph is upside down')
      return null
    }
    await renderApp({ panels: { Diagram } })
    const diagram = screen.getByRole('region', { name: 'Diagram' })
    expect(within(diagram).getByRole('alert')).toHaveTextContent('This panel failed: the graph is upside down')
    expect(within(screen.getByRole('region', { name: 'Lesson' })).getByText('Welcome to the sandbox')).toBeInTheDocument()
    expect(consoleBox()).toBeInTheDocument()
    broken = false
    await userEvent.setup().click(within(diagram).getByRole('button', { name: 'Retry' }))
    expect(within(diagram).queryByRole('alert')).not.toBeInTheDocument()
  })

  test('the diagram selects a resource and the inspector shows it', async () => {
    const { store } = await renderApp()
    fireEvent.click(screen.getByRole('button', { name: 'Select the VPC' }))
    const vpcId = store.getState().selectedId
    expect(vpcId).toMatch(/^vpc-[0-9a-f]{17}$/)
    expect(within(screen.getByRole('region', { name: 'Inspector' })).getByText(`Inspecting ${vpcId}`)).toBeInTheDocument()
  })

  test('a region collapses and expands', async () => {
    await renderApp()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Collapse Lesson' }))
    expect(screen.getByText('Welcome to the sandbox')).not.toBeVisible()
    expect(screen.getByRole('button', { name: 'Expand Lesson' })).toHaveAttribute('aria-expanded', 'false')
    await user.click(screen.getByRole('button', { name: 'Expand Lesson' }))
    expect(screen.getByText('Welcome to the sandbox')).toBeVisible()
  })

  test('a resize handle is a focusable separator that the arrow keys move', async () => {
    const { store } = await renderApp()
    const handle = screen.getByRole('separator', { name: 'Resize the lesson panel' })
    const start = Number(handle.getAttribute('aria-valuenow'))
    handle.focus()
    await userEvent.setup().keyboard('{ArrowRight}')
    expect(Number(handle.getAttribute('aria-valuenow'))).toBe(start + 16)
    expect(store.getState().layout.lessonWidth).toBe(start + 16)
    // The inspector's handle exists once it has something to show.
    fireEvent.click(screen.getByRole('button', { name: 'Select the VPC' }))
    const inspector = screen.getByRole('separator', { name: 'Resize the inspector' })
    const inspectorStart = Number(inspector.getAttribute('aria-valuenow'))
    inspector.focus()
    await userEvent.setup().keyboard('{ArrowRight}')
    expect(Number(inspector.getAttribute('aria-valuenow'))).toBe(inspectorStart - 16)
  })

  test('dragging a handle with the pointer resizes the region', async () => {
    const { store } = await renderApp()
    const handle = screen.getByRole('separator', { name: 'Resize the diagram' })
    const start = store.getState().layout.diagramHeight
    fireEvent.pointerDown(handle, { button: 0, clientY: 300, pointerId: 1 })
    fireEvent.pointerMove(handle, { clientY: 340, pointerId: 1 })
    fireEvent.pointerUp(handle, { clientY: 340, pointerId: 1 })
    expect(store.getState().layout.diagramHeight).toBe(start + 40)
  })
})
