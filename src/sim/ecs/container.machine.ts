import { setup } from 'xstate'
import { runEffects, transitionOf } from '../core/index.ts'
import type { Container } from './state.ts'

/**
 * A container's `lastStatus` inside its task, following
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html (fidelity §2.3): PENDING until
 * its image is pulled and it starts, RUNNING, then STOPPED — by itself (its process exited: EXITED) or because its
 * task stopped (STOP). A container that ran keeps the exit code it stopped with; one that never started has none.
 */
export const CONTAINER_STATUSES = ['PENDING', 'RUNNING', 'STOPPED'] as const
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number]

export type ContainerEvent =
  | { type: 'STARTED'; container: Container }
  | { type: 'EXITED' | 'STOP'; container: Container; exitCode?: number }

export const containerMachine = setup({
  types: { events: {} as ContainerEvent },
  actions: {
    recordExitCode: ({ event }) => {
      if (event.type !== 'STARTED' && event.exitCode !== undefined) event.container.exitCode = event.exitCode
    },
  },
}).createMachine({
  id: 'ecsContainer',
  initial: 'PENDING',
  states: {
    PENDING: { on: { STARTED: 'RUNNING', STOP: 'STOPPED' } },
    RUNNING: { on: { EXITED: { target: 'STOPPED', actions: 'recordExitCode' }, STOP: { target: 'STOPPED', actions: 'recordExitCode' } } },
    STOPPED: { type: 'final' },
  },
})

/** Sends `event` to the container's machine: its new `lastStatus` and the machine's effects; false when not accepted. */
export function sendContainer(event: ContainerEvent): boolean {
  const { container } = event
  const t = transitionOf(containerMachine, container.lastStatus, event.type)
  if (!t) return false
  container.lastStatus = t.value as ContainerStatus
  runEffects(containerMachine, t, event)
  return true
}
