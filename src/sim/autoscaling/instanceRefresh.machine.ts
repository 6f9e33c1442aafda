import { setup } from 'xstate'
import { step } from '../core/index.ts'

/**
 * An instance refresh's `Status` (Amazon EC2 Auto Scaling API Reference, InstanceRefresh; User Guide "Use an instance
 * refresh to update instances in an Auto Scaling group"): Pending until the group's next pass picks it up, InProgress
 * while it replaces instances in batches, Successful when none is left; a cancellation goes through Cancelling (the
 * instances in flight finish) to Cancelled. Rollback, checkpoints and bake time are not simulated.
 */
export const INSTANCE_REFRESH_STATUSES = ['Pending', 'InProgress', 'Successful', 'Failed', 'Cancelling', 'Cancelled'] as const
export type InstanceRefreshStatus = (typeof INSTANCE_REFRESH_STATUSES)[number]

type RefreshEvent = 'START' | 'DONE' | 'FAIL' | 'CANCEL' | 'CANCELLED'

export const instanceRefreshMachine = setup({ types: { events: {} as { type: RefreshEvent } } }).createMachine({
  id: 'instanceRefresh',
  initial: 'Pending',
  states: {
    Pending: { on: { START: 'InProgress', CANCEL: 'Cancelling' } },
    InProgress: { on: { DONE: 'Successful', FAIL: 'Failed', CANCEL: 'Cancelling' } },
    Cancelling: { on: { CANCELLED: 'Cancelled' } },
    Successful: { type: 'final' },
    Failed: { type: 'final' },
    Cancelled: { type: 'final' },
  },
})

export const nextRefreshStatus = (status: InstanceRefreshStatus, event: RefreshEvent): InstanceRefreshStatus | undefined =>
  step(instanceRefreshMachine, status, { type: event }) as InstanceRefreshStatus | undefined

/** A refresh that still blocks another one (StartInstanceRefresh's InstanceRefreshInProgress). */
export const isActive = (status: InstanceRefreshStatus) => status === 'Pending' || status === 'InProgress' || status === 'Cancelling'
