// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { course } from '../../../src/course/index.ts'
import { LessonPanel } from '../../../src/app/lesson/index.ts'
import { AppStoreProvider } from '../../../src/app/state/context.tsx'
import { createAppStore } from '../../../src/app/state/store.ts'
import { memoryStorage, realEngine } from '../support/harness.tsx'

afterEach(cleanup)

test('a shared session opens its lesson at its step, in the world it brought', async () => {
  const store = createAppStore({ loadEngine: realEngine, persistDelayMs: 5 })
  render(
    <AppStoreProvider store={store}>
      <LessonPanel storage={memoryStorage()} />
    </AppStoreProvider>,
  )
  await act(() => store.getState().start())
  const lesson = course().lessons[0]
  act(() => void store.getState().openSession({ seed: 3, inputs: [{ kind: 'exec', line: 'aws ecs create-cluster --cluster-name fargate-cluster', stdout: '', stderr: '', exitCode: 0 }], lesson: { id: lesson.id, step: 1 } }, 'Opened a share link'))
  expect(await screen.findByRole('heading', { name: new RegExp(`^Step 2 of ${lesson.steps.length}: `) })).toBeInTheDocument()
  expect(store.getState().sandbox?.world().ecs.clusters).not.toEqual({})
})
