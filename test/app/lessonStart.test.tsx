// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, test } from 'vitest'
import { LessonPanel } from '../../src/app/lesson/index.ts'
import { AppStoreProvider } from '../../src/app/state/context.tsx'
import { createAppStore } from '../../src/app/state/store.ts'
import { memoryStorage, realEngine } from './support/harness.tsx'

afterEach(cleanup)

async function renderPanel(storage = memoryStorage()) {
  const store = createAppStore({ loadEngine: realEngine, persistDelayMs: 5 })
  const view = render(
    <AppStoreProvider store={store}>
      <LessonPanel storage={storage} />
    </AppStoreProvider>,
  )
  await act(() => store.getState().start())
  return { store, storage, ...view }
}

describe('where a newcomer starts', () => {
  test('the lesson panel opens with "Start lesson 1", above the welcome page, and it opens the first lesson', async () => {
    const { container } = await renderPanel()
    const start = screen.getByRole('button', { name: 'Start lesson 1: Containers, tasks and clusters' })
    const welcome = screen.getByRole('heading', { level: 1, name: 'Welcome to Container Sandbox' })
    // Before the welcome page in reading order (and so at the top of the panel).
    expect(start.compareDocumentPosition(welcome) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(container.querySelector('.cs-start')).toContainElement(start)
    fireEvent.click(start)
    expect(screen.getByRole('heading', { name: 'Step 1 of 4: Create a Fargate cluster' })).toBeInTheDocument()
  })

  test('a returning learner is offered the lesson they left, and a goal that becomes met is announced', async () => {
    const storage = memoryStorage()
    const first = await renderPanel(storage)
    fireEvent.click(screen.getByRole('button', { name: 'Start lesson 1: Containers, tasks and clusters' }))
    const announcer = first.container.querySelector('[aria-live="polite"]')
    expect(announcer).toHaveTextContent('')
    act(() => void first.store.getState().run('aws ecs create-cluster --cluster-name fargate-cluster'))
    await waitFor(() => expect(announcer).toHaveTextContent('Goal met: The cluster fargate-cluster is ACTIVE'))
    fireEvent.click(screen.getByRole('button', { name: '← All lessons' }))
    expect(screen.getByRole('heading', { name: 'Pick up where you left off' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Continue lesson 1: Containers, tasks and clusters' })).toBeInTheDocument()
  })
})
