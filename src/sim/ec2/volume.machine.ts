import { setup } from 'xstate'
import { initialState } from '../core/index.ts'

/**
 * The lifecycles of EBS volumes, their attachments and snapshots, as the EBS User Guide describes them
 * ("Amazon EBS volume lifecycle", https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-lifecycle.html; "Amazon
 * EBS snapshot lifecycle"): a volume is `creating`, then `available`; attached it is `in-use`, while its attachment goes
 * `attaching → attached`, and on detach `detaching → detached` (the attachment then leaves the list and the volume is
 * `available` again); a deletion passes through `deleting`. A snapshot is `pending` until `completed`.
 * State names are the API's (Volume.State, VolumeAttachment.State, Snapshot.State).
 */
export const volumeMachine = setup({ types: { events: {} as { type: 'CREATED' | 'ATTACH' | 'DETACHED' | 'DELETE' | 'DELETED' } } }).createMachine({
  id: 'ebsVolume',
  initial: 'creating',
  states: {
    creating: { on: { CREATED: 'available' } },
    available: { on: { ATTACH: 'in-use', DELETE: 'deleting' } },
    'in-use': { on: { ATTACH: 'in-use', DETACHED: 'available' } },
    deleting: { on: { DELETED: 'deleted' } },
    deleted: { type: 'final' },
  },
})

export const attachmentMachine = setup({ types: { events: {} as { type: 'ATTACHED' | 'DETACH' | 'DETACHED' } } }).createMachine({
  id: 'ebsAttachment',
  initial: 'attaching',
  states: {
    attaching: { on: { ATTACHED: 'attached', DETACH: 'detaching' } },
    attached: { on: { DETACH: 'detaching' } },
    detaching: { on: { DETACHED: 'detached' } },
    detached: { type: 'final' },
  },
})

export const snapshotMachine = setup({ types: { events: {} as { type: 'COMPLETED' } } }).createMachine({
  id: 'ebsSnapshot',
  initial: 'pending',
  states: { pending: { on: { COMPLETED: 'completed' } }, completed: {} },
})

export const INITIAL_VOLUME_STATE = initialState(volumeMachine)
export const INITIAL_ATTACHMENT_STATE = initialState(attachmentMachine)
export const INITIAL_SNAPSHOT_STATE = initialState(snapshotMachine)

/**
 * How long each step takes in the sandbox. AWS publishes no figures: a new empty volume is usually `available` within
 * seconds, attaching and detaching take a few seconds, a deleted volume stays listed as `deleting`/`deleted` briefly.
 * A first snapshot copies every written block to S3: minutes, growing with the volume's size (EBS User Guide,
 * "Create Amazon EBS snapshots": "snapshots occur asynchronously"). Source: observation, not documentation.
 */
export const VOLUME_TIMINGS = {
  creatingMs: 5_000,
  /** A volume from a snapshot is created lazily (blocks load on first read), so it is `available` as quickly. */
  attachingMs: 5_000,
  detachingMs: 5_000,
  /** `--force` skips the file-system flush, but the attachment still goes through `detaching`. */
  forceDetachingMs: 2_000,
  deletingMs: 3_000,
  /** A `deleted` volume is listed for a moment before it drops out of describe calls. */
  deletedVisibleMs: 60_000,
  /** Elastic Volumes: `modifying` for moments, `optimizing` longer; one modification per volume every six hours (EBS User Guide). */
  modifyingMs: 10_000,
  optimizingMs: 60_000,
  modificationCooldownMs: 6 * 60 * 60_000,
  snapshotMinMs: 30_000,
  snapshotMsPerGiB: 2_000,
} as const

/** How long a snapshot of a `sizeGiB` volume stays `pending`. */
export const snapshotDurationMs = (sizeGiB: number) => Math.max(VOLUME_TIMINGS.snapshotMinMs, sizeGiB * VOLUME_TIMINGS.snapshotMsPerGiB)
