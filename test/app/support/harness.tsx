import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect } from 'vitest'
import type { ComponentType } from 'react'
import { App } from '../../../src/app/App.tsx'
import type { DiagramProps, InspectorProps, Panels } from '../../../src/app/layout/Workspace.tsx'
import { createAppStore, type AppDeps, type AppStore } from '../../../src/app/state/store.ts'
import type { KeyValueStorage } from '../../../src/app/state/persist/storage.ts'
import type { EngineModule } from '../../../src/app/state/types.ts'

/** The real engine, loaded the way the app loads it. */
export const realEngine = (): Promise<EngineModule> => import('../../../src/sandbox/index.ts')

/** localStorage stand-in that the test can read back. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  }
}

function FakeDiagram({ world, onSelect }: DiagramProps) {
  return (
    <button type="button" onClick={() => onSelect(Object.keys(world.ec2.vpcs)[0])}>
      Select the VPC
    </button>
  )
}
function FakeInspector({ selectedId }: InspectorProps) {
  return <p>Inspecting {selectedId ?? 'nothing'}</p>
}
function FakeLesson() {
  return <p>Welcome to the sandbox</p>
}

export const fakePanels: Panels = { Diagram: FakeDiagram, Inspector: FakeInspector, Lesson: FakeLesson }

export interface Rendered {
  store: AppStore
  storage: ReturnType<typeof memoryStorage>
}

/** Renders the whole page with stand-in panels and waits until the simulated account is ready. */
export async function renderApp(
  options: Partial<AppDeps> & { storage?: ReturnType<typeof memoryStorage>; panels?: Partial<Panels>; waitReady?: boolean } = {},
): Promise<Rendered> {
  const storage = options.storage ?? memoryStorage()
  const store = createAppStore({ loadEngine: options.loadEngine ?? realEngine, storage, seed: options.seed, persistDelayMs: 5 })
  render(<App store={store} panels={{ ...fakePanels, ...options.panels }} />)
  if (options.waitReady !== false) await waitFor(() => expect(store.getState().status).toBe('ready'), { timeout: 10_000 })
  return { store, storage }
}

export const consoleBox = () => screen.getByRole('textbox', { name: 'Console' })
export const outputLog = () => screen.getByRole('log', { name: 'Console output' })

/** Types a line into the console and presses Enter, as a learner does (user-event's `[` and `{` escaped). */
export async function runInConsole(line: string): Promise<void> {
  const user = userEvent.setup()
  await user.click(consoleBox())
  await user.keyboard(line.replace(/[{[]/g, '$&$&'))
  await user.keyboard('{Enter}')
}

export type { ComponentType }

// jsdom lays nothing out, so every element is 0 px tall and the virtualised log would show no rows.
// Give the log's scroll box a height (rows measure 1 px each through test/domStubs.ts).
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('console-log') ? 600 : 0
    },
  })
}
