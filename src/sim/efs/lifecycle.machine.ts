import { setup } from 'xstate'
import { initialState } from '../core/index.ts'

/**
 * EFS's `LifeCycleState` for file systems and mount targets alike (EFS API Reference, FileSystemDescription and
 * MountTargetDescription: creating | available | updating | deleting | deleted | error): created, then available;
 * a deletion passes through deleting, after which the resource is gone from describe calls.
 */
export const efsLifecycle = setup({ types: { events: {} as { type: 'AVAILABLE' | 'DELETE' | 'DELETED' } } }).createMachine({
  id: 'efsResource',
  initial: 'creating',
  states: {
    creating: { on: { AVAILABLE: 'available' } },
    available: { on: { DELETE: 'deleting' } },
    deleting: { on: { DELETED: 'deleted' } },
    deleted: { type: 'final' },
  },
})

export const INITIAL_EFS_STATE = initialState(efsLifecycle)

/**
 * How long each step takes. AWS publishes no figures: a file system is available within seconds, a mount target
 * (an ENI in the subnet) in about a minute and a half. Source: observation, not documentation.
 */
export const EFS_TIMINGS = {
  fileSystemCreatingMs: 5_000,
  fileSystemDeletingMs: 5_000,
  mountTargetCreatingMs: 90_000,
  mountTargetDeletingMs: 30_000,
} as const
