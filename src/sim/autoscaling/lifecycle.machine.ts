import { setup } from 'xstate'
import { step } from '../core/index.ts'

/**
 * An instance's `LifecycleState` inside its group, following the Amazon EC2 Auto Scaling User Guide "Amazon EC2 Auto
 * Scaling instance lifecycle" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-lifecycle.html):
 * Pending until the instance runs, InService, then Terminating until EC2 has terminated it, then Terminated (and it
 * leaves the group). A lifecycle hook holds the instance in Pending:Wait or Terminating:Wait until its action is
 * completed or times out, then Pending:Proceed or Terminating:Proceed (lifecycleHooks.ts). Standby, detaching and
 * warm pools are not simulated.
 */
export const LIFECYCLE_STATES = ['Pending', 'Pending:Wait', 'Pending:Proceed', 'InService', 'Terminating', 'Terminating:Wait', 'Terminating:Proceed', 'Terminated'] as const
export type LifecycleState = (typeof LIFECYCLE_STATES)[number]

type LifecycleEvent = 'RUNNING' | 'HOLD' | 'PROCEED' | 'TERMINATE' | 'TERMINATED'

export const lifecycleMachine = setup({ types: { events: {} as { type: LifecycleEvent } } }).createMachine({
  id: 'autoScalingInstance',
  initial: 'Pending',
  states: {
    Pending: { on: { RUNNING: 'InService', HOLD: 'Pending:Wait', TERMINATE: 'Terminating' } },
    'Pending:Wait': { on: { PROCEED: 'Pending:Proceed', TERMINATE: 'Terminating' } },
    'Pending:Proceed': { on: { RUNNING: 'InService', TERMINATE: 'Terminating' } },
    InService: { on: { TERMINATE: 'Terminating' } },
    Terminating: { on: { HOLD: 'Terminating:Wait', TERMINATED: 'Terminated' } },
    'Terminating:Wait': { on: { PROCEED: 'Terminating:Proceed' } },
    'Terminating:Proceed': { on: { TERMINATED: 'Terminated' } },
    Terminated: { type: 'final' },
  },
})

/** The next lifecycle state, or undefined when the event does not apply in `state`. */
export const nextLifecycle = (state: LifecycleState, event: LifecycleEvent): LifecycleState | undefined =>
  step(lifecycleMachine, state, { type: event }) as LifecycleState | undefined

/**
 * Members that count toward the group's capacity: launched and not on their way out. An instance in Terminating:Wait
 * no longer does, so the group launches its replacement while a hook holds it (User Guide, "How lifecycle hooks work").
 */
export const counts = (state: LifecycleState) => state === 'Pending' || state === 'Pending:Wait' || state === 'Pending:Proceed' || state === 'InService'

/** A member on its way out that leaves the group once EC2 has terminated its instance. */
export const endsWhenTerminated = (state: LifecycleState) => state === 'Terminating' || state === 'Terminating:Proceed'

/** A member leaving the group, in any of its terminating states. */
export const leaving = (state: LifecycleState) => state === 'Terminating' || state === 'Terminating:Wait' || state === 'Terminating:Proceed'
