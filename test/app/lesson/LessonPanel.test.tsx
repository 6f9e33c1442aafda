// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { LessonPanel, MarkdownView, renderMarkdown } from '../../../src/app/lesson/index.ts'
import { PROGRESS_KEY } from '../../../src/app/lesson/progressStorage.ts'
import { AppStoreProvider } from '../../../src/app/state/context.tsx'
import { createAppStore, type AppStore } from '../../../src/app/state/store.ts'
import { memoryStorage, realEngine } from '../support/harness.tsx'

afterEach(cleanup)

async function renderPanel(storage = memoryStorage()) {
  const store: AppStore = createAppStore({ loadEngine: realEngine, persistDelayMs: 5 })
  const view = render(
    <AppStoreProvider store={store}>
      <LessonPanel storage={storage} />
    </AppStoreProvider>,
  )
  await act(() => store.getState().start())
  return { store, storage, ...view }
}

/** A goal of the open step, by its sentence; `state` is what it says of it (met, not yet, no longer met). */
const goal = (sentence: string) => within(screen.getByRole('list', { name: 'Goals' })).getByText(sentence).closest('li') as HTMLElement
const met = (sentence: string) => expect(goal(sentence)).toHaveAttribute('data-state', 'met')
const notMet = (sentence: string) => expect(goal(sentence)).not.toHaveAttribute('data-state', 'met')

describe('the course map', () => {
  it('keeps the welcome page as its introduction, with commands as code blocks', async () => {
    const { container } = await renderPanel()
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Container Sandbox' })).toBeInTheDocument()
    const blocks = [...container.querySelectorAll('pre > code')].map((c) => c.textContent).join('\n')
    for (const cmd of ['aws sts get-caller-identity', 'aws ecr describe-repositories', 'cat fargate-container.json']) expect(blocks).toContain(cmd)
    const link = screen.getByRole('link', { name: 'Amazon ECS Developer Guide' })
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('lists the lessons with their completion', async () => {
    await renderPanel()
    const map = screen.getByRole('navigation', { name: 'Course map' })
    expect(within(map).getByRole('heading', { name: 'Containers, tasks and clusters' })).toBeInTheDocument()
    expect(within(map).getByRole('heading', { name: 'The Fargate walkthrough, end to end' })).toBeInTheDocument()
    expect(within(map).getByRole('heading', { name: 'Microservices behind one load balancer' })).toBeInTheDocument()
    expect(within(map).getByLabelText('Progress of Containers, tasks and clusters')).toHaveTextContent('0 of 4 steps done')
  })
})

describe('a lesson step', () => {
  it('ticks its checklist when a command changes the world, and keeps the completion across a reload', async () => {
    const storage = memoryStorage()
    const { store, unmount } = await renderPanel(storage)
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    expect(screen.getByRole('heading', { name: 'Step 1 of 4: Create a Fargate cluster' })).toBeInTheDocument()
    notMet('The cluster fargate-cluster is ACTIVE')
    act(() => void store.getState().run('aws ecs create-cluster --cluster-name fargate-cluster'))
    await waitFor(() => met('The cluster fargate-cluster is ACTIVE'))
    expect(screen.getByRole('status')).toHaveTextContent('Step complete.')
    await waitFor(() => expect(JSON.parse(storage.data.get(PROGRESS_KEY) ?? '{}').lessons['containers-tasks-clusters'].completed).toEqual(['create-a-fargate-cluster']))
    unmount()
    cleanup()
    await renderPanel(storage)
    expect(screen.getByRole('heading', { name: 'Step 1 of 4: Create a Fargate cluster' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Create a Fargate cluster \(done\)/ })).toBeInTheDocument()
  })

  it('opens another lesson from a link in the text, in place', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    const link = screen.getByRole('link', { name: 'Running ECS on EC2' })
    expect(link).not.toHaveAttribute('target')
    fireEvent.click(link)
    expect(await screen.findByRole('heading', { name: /^Step 1 of \d+: Find the ECS-optimized AMI/ })).toBeInTheDocument()
  })

  it('ticks after a clock tick, with no command typed', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    act(() => {
      store.getState().run('aws ecs create-cluster --cluster-name fargate-cluster')
      store.getState().run(`aws ecs register-task-definition --family hello-nginx --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"nginx"}]'`)
      store.getState().run('aws ecs run-task --cluster fargate-cluster --task-definition hello-nginx --launch-type FARGATE --network-configuration file://task-networking.json')
    })
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    const running = 'A hello-nginx task is RUNNING in fargate-cluster'
    notMet(running)
    act(() => {
      store.getState().setSpeed(60)
      store.getState().setPlaying(true)
      store.getState().tick(1000)
    })
    await waitFor(() => met(running))
  })

  it('shows hints one at a time, and the solution on request', async () => {
    await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.queryByLabelText('Hint 1')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show a hint' }))
    expect(screen.getByLabelText('Hint 1')).toHaveTextContent('keep the single quotes')
    expect(screen.queryByLabelText('Hint 2')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show another hint' }))
    expect(screen.getByLabelText('Hint 2')).toHaveTextContent('list-task-definitions')
    expect(screen.queryByRole('button', { name: /Show (a|another) hint/ })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Show solution' }))
    expect(screen.getByLabelText('Solution')).toHaveTextContent('aws ecs register-task-definition --family hello-nginx')
  })

  it('pastes a command block into the console through the store, unrun', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    fireEvent.click(screen.getByRole('button', { name: 'Paste into console: aws ecs create-cluster --cluster-name fargate-cluster' }))
    expect(store.getState().consoleDraft).toEqual({ text: 'aws ecs create-cluster --cluster-name fargate-cluster', id: 1 })
    expect(store.getState().log).toEqual([])
  })

  it('runs the solution visibly in the console, and resets the step to its snapshot', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: 'Start Containers, tasks and clusters' }))
    fireEvent.click(screen.getByRole('button', { name: 'Run solution' }))
    expect(store.getState().log.map((e) => e.input)).toEqual(['aws ecs create-cluster --cluster-name fargate-cluster'])
    await waitFor(() => met('The cluster fargate-cluster is ACTIVE'))
    fireEvent.click(screen.getByRole('button', { name: 'Reset this step' }))
    expect(Object.keys(store.getState().world?.ecs.clusters ?? {})).toEqual([])
    // Completion is kept; the live check shows the world as it is now.
    expect(screen.getByRole('status')).toHaveTextContent('Step complete.')
  })
})

describe('MarkdownView', () => {
  it('shows raw HTML in Markdown as text, never as elements', () => {
    const source = ['# Title', '', '<script>window.pwned = true</script>', '', 'Inline <img src=x onerror="window.pwned = true"> here', '', '[bad](javascript:alert(1))'].join('\n')
    const { container } = render(<MarkdownView source={source} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('a[href^="javascript"]')).toBeNull()
    expect(container).toHaveTextContent('<script>window.pwned = true</script>')
  })

  it('links bare URLs', () => {
    expect(renderMarkdown('See https://example.com')).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">https://example.com</a>')
  })
})
