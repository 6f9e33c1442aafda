import { setup } from 'xstate'

/**
 * A task's `lastStatus`, declared once (DESIGN example 5). Follows
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html (fidelity §2.2):
 * PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.
 * A task asked to stop before its containers started (a failed pull, stop-task while PENDING) has nothing to
 * deregister or stop, so it goes straight to DEPROVISIONING. The scheduler sends these events at virtual times
 * (`ecs.task.step` timers); what happens on entering each state lives in taskLifecycle.ts.
 */
export type TaskEvent =
  | { type: 'PROVISIONED' } // the ENI is attached
  | { type: 'PULLED' } // images pulled, containers started
  | { type: 'ACTIVATED' } // registered in its target groups
  | { type: 'STOP' } // desiredStatus became STOPPED
  | { type: 'DEREGISTERED' } // deregistration delay over
  | { type: 'CONTAINERS_STOPPED' } // SIGTERM answered (or SIGKILL after stopTimeout)
  | { type: 'DEPROVISIONED' } // the ENI is detached and deleted

export const taskMachine = setup({ types: { events: {} as TaskEvent } }).createMachine({
  id: 'ecsTask',
  initial: 'PROVISIONING',
  states: {
    PROVISIONING: { on: { PROVISIONED: 'PENDING', STOP: 'DEPROVISIONING' } },
    PENDING: { on: { PULLED: 'ACTIVATING', STOP: 'DEPROVISIONING' } },
    ACTIVATING: { on: { ACTIVATED: 'RUNNING', STOP: 'DEACTIVATING' } },
    RUNNING: { on: { STOP: 'DEACTIVATING' } },
    DEACTIVATING: { on: { DEREGISTERED: 'STOPPING' } },
    STOPPING: { on: { CONTAINERS_STOPPED: 'DEPROVISIONING' } },
    DEPROVISIONING: { on: { DEPROVISIONED: 'STOPPED' } },
    STOPPED: { type: 'final' },
  },
})

export type TaskStatus = 'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED'

/** Counted as `pendingCount` / `pendingTasksCount` (the task has not started yet). */
export const PENDING_STATUSES: ReadonlySet<string> = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING'])
