// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { LessonPanel } from '../../../src/app/lesson/index.ts'
import { WORLDS_KEY } from '../../../src/app/lesson/lessonWorlds.ts'
import { AppStoreProvider } from '../../../src/app/state/context.tsx'
import { createAppStore, type AppStore } from '../../../src/app/state/store.ts'
import { memoryStorage, realEngine } from '../support/harness.tsx'

afterEach(cleanup)

const L1 = 'Containers, tasks and clusters'
const L2 = 'The Fargate walkthrough, end to end'
const L3 = 'Microservices behind one load balancer'

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

const run = (store: AppStore, line: string) => act(() => void store.getState().run(line))
const clusters = (store: AppStore) => Object.values(store.getState().world?.ecs.clusters ?? {}).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterName).sort()
const goal = (sentence: string) => within(screen.getByRole('list', { name: 'Goals' })).getByText(sentence).closest('li') as HTMLElement
const allLessons = () => fireEvent.click(screen.getByRole('button', { name: '← All lessons' }))

describe('starting a lesson that needs another world', () => {
  it('asks first, and Cancel leaves the world as it was', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L1}` }))
    run(store, 'aws ecs create-cluster --cluster-name fargate-cluster')
    allLessons()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L3}` }))
    const dialog = screen.getByRole('dialog', { name: `Start ${L3}?` })
    expect(dialog).toHaveTextContent('Your current world will be kept as a saved slot')
    expect(within(dialog).getByRole('button', { name: 'Start' })).toHaveFocus()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(clusters(store)).toEqual(['fargate-cluster'])
    expect(screen.getByRole('navigation', { name: 'Course map' })).toBeInTheDocument()
  })

  it('Escape cancels the dialog too', async () => {
    const { store } = await renderPanel()
    run(store, 'aws ecs create-cluster --cluster-name mine')
    fireEvent.click(screen.getByRole('button', { name: `Start ${L3}` }))
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(clusters(store)).toEqual(['mine'])
  })

  it('keeps the current world as a slot, and switching back restores it exactly (files included)', async () => {
    const { store, storage } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L1}` }))
    run(store, 'aws ecs create-cluster --cluster-name fargate-cluster')
    act(() => void store.getState().saveFile('mine.txt', 'my notes'))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step complete.'))
    const before = JSON.stringify(store.getState().sandbox?.snapshot())
    allLessons()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L3}` }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Start' }))
    expect(clusters(store)).toEqual(['microservices'])
    expect(store.getState().readFile('mine.txt')).toBeUndefined()
    expect(JSON.parse(storage.data.get(WORLDS_KEY) ?? '{}').saved[0].lessons).toEqual(['containers-tasks-clusters'])
    allLessons()
    expect(screen.getByLabelText(`Progress of ${L1}`)).toHaveTextContent('its world is saved')
    fireEvent.click(screen.getByRole('button', { name: `Continue ${L1}` }))
    const dialog = screen.getByRole('dialog', { name: `Start ${L1}?` })
    expect(dialog).toHaveTextContent('comes back as you left it')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start' }))
    expect(JSON.stringify(store.getState().sandbox?.snapshot())).toBe(before)
    expect(store.getState().readFile('mine.txt')).toBe('my notes')
    await waitFor(() => expect(goal('The cluster fargate-cluster is ACTIVE')).toHaveAttribute('data-state', 'met'))
    // And lesson 3's world is kept in turn.
    allLessons()
    fireEvent.click(screen.getByRole('button', { name: `Continue ${L3}` }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Start' }))
    expect(clusters(store)).toEqual(['microservices'])
  })
})

describe('goals are checked against the world as it is', () => {
  it('a goal whose resource was deleted shows as no longer met; the step stays completed', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L1}` }))
    run(store, 'aws ecs create-cluster --cluster-name fargate-cluster')
    await waitFor(() => expect(goal('The cluster fargate-cluster is ACTIVE')).toHaveAttribute('data-state', 'met'))
    run(store, 'aws ecs delete-cluster --cluster fargate-cluster')
    await waitFor(() => expect(goal('The cluster fargate-cluster is ACTIVE')).toHaveAttribute('data-state', 'no longer met'))
    expect(goal('The cluster fargate-cluster is ACTIVE')).toHaveTextContent('no longer met')
    expect(screen.getByText(/You completed this step earlier/)).toBeInTheDocument()
  })

  it('a lesson that keeps the world does not tick a step met only by what was done before it', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L1}` }))
    run(store, 'aws ecs create-cluster --cluster-name fargate-cluster')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step complete.'))
    allLessons()
    // Same start state (the default world): no question, the world is kept.
    fireEvent.click(screen.getByRole('button', { name: `Start ${L2}` }))
    expect(screen.queryByRole('dialog')).toBeNull()
    const clusterStep = screen.getByRole('button', { name: /^Create the cluster/ })
    expect(clusterStep).not.toHaveAccessibleName(/\(done\)/)
    fireEvent.click(clusterStep)
    expect(goal('The cluster fargate-cluster is ACTIVE')).not.toHaveAttribute('data-state', 'met')
    expect(screen.getByRole('status')).toHaveTextContent('Not done yet.')
    run(store, 'aws ecs create-cluster --cluster-name fargate-cluster')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step complete.'))
  })
})

describe('finishing a lesson', () => {
  it('sums up what the learner did and offers the next lesson; the course map shows the progress', async () => {
    const { store } = await renderPanel()
    fireEvent.click(screen.getByRole('button', { name: `Start ${L1}` }))
    for (let i = 0; i < 4; i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Run solution' }))
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Step complete.'))
      if (i < 3) fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    }
    const done = screen.getByRole('region', { name: `Lesson complete: ${L1}` })
    const did = within(done).getByRole('list', { name: 'What you did' })
    expect(did).toHaveTextContent(/\d+ commands run/)
    const [commands, created, clock] = within(did).getAllByRole('listitem').map((li) => li.textContent ?? '')
    expect(commands).toMatch(/^\d+ commands run/)
    expect(created).toMatch(/^Resources created: .*\b1 cluster\b/)
    expect(created).toMatch(/\b1 task definition\b/)
    expect(created).toMatch(/\b1 task(,|$)/)
    expect(clock).toMatch(/on the virtual clock$/)
    expect(within(done).getByRole('button', { name: `Next lesson: ${L2}` })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Next lesson' })).toBeEnabled()
    allLessons()
    const map = screen.getByRole('navigation', { name: 'Course map' })
    expect(within(map).getByLabelText(`Progress of ${L1}`)).toHaveTextContent(/^Completed · current lesson/)
    expect(within(map).getByLabelText(`Progress of ${L2}`)).toHaveTextContent('0 of')
    void store
  })
})
