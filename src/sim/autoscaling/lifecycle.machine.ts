import { setup } from 'xstate'
import { step } from '../core/index.ts'

/**
 * An instance's `LifecycleState` inside its group, following the Amazon EC2 Auto Scaling User Guide "Amazon EC2 Auto
 * Scaling instance lifecycle" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-lifecycle.html):
 * Pending until the instance runs, InService, then Terminating until EC2 has terminated it, then Terminated (and it
 * leaves the group). Lifecycle hooks (Pending:Wait, Terminating:Wait), standby and detaching are not simulated.
 */
export const LIFECYCLE_STATES = ['Pending', 'InService', 'Terminating', 'Terminated'] as const
export type LifecycleState = (typeof LIFECYCLE_STATES)[number]

export const lifecycleMachine = setup({ types: { events: {} as { type: 'RUNNING' | 'TERMINATE' | 'TERMINATED' } } }).createMachine({
  id: 'autoScalingInstance',
  initial: 'Pending',
  states: {
    Pending: { on: { RUNNING: 'InService', TERMINATE: 'Terminating' } },
    InService: { on: { TERMINATE: 'Terminating' } },
    Terminating: { on: { TERMINATED: 'Terminated' } },
    Terminated: { type: 'final' },
  },
})

/** The next lifecycle state, or undefined when the event does not apply in `state`. */
export const nextLifecycle = (state: LifecycleState, event: 'RUNNING' | 'TERMINATE' | 'TERMINATED'): LifecycleState | undefined =>
  step(lifecycleMachine, state, { type: event }) as LifecycleState | undefined

/** Members that count toward the group's capacity: launched and not on their way out. */
export const counts = (state: LifecycleState) => state === 'Pending' || state === 'InService'
