import { AwsError, ec2Id, ownEntry, step } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { applyFilters, type Filter } from './filters.ts'
import { tagsFor } from './runInstances.ts'
import type { Tag } from './state.ts'
import { INITIAL_SNAPSHOT_STATE, snapshotDurationMs, snapshotMachine } from './volume.machine.ts'
import { volumeById } from './volumes.ts'

/** An EBS snapshot in the API's `Snapshot` shape (times as epoch ms). `Progress` is read from the clock (below). */
export interface Snapshot {
  SnapshotId: string
  VolumeId: string
  State: string
  StartTime: number
  Progress: string
  OwnerId: string
  Description: string
  VolumeSize: number
  Encrypted: boolean
  StorageTier: string
  Tags: Tag[]
}

type TagSpecs = { ResourceType?: string; Tags?: Tag[] }[]

/** `snap-` and 8 or 17 hex digits (fidelity §3.1). */
const SNAPSHOT_ID = /^snap-(?:[0-9a-f]{8}|[0-9a-f]{17})$/

export function snapshotById(ctx: SimContext, id: string): Snapshot {
  if (!SNAPSHOT_ID.test(id)) throw new AwsError('InvalidParameterValue', `Value (${id}) for parameter snapshotId is invalid. Expected: 'snap-...'.`)
  const snapshot = ownEntry(ctx.world.ec2.snapshots, id)
  if (!snapshot) throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`)
  return snapshot
}

/**
 * A snapshot's Progress while `pending`: the share of its time elapsed, in whole percent ("" at the start, as
 * CreateSnapshot answers; fidelity §3.3), and "100%" once `completed`.
 */
function progressOf(snapshot: Snapshot, now: number): string {
  if (snapshot.State === 'completed') return '100%'
  const share = Math.floor(((now - snapshot.StartTime) / snapshotDurationMs(snapshot.VolumeSize)) * 100)
  return share <= 0 ? '' : `${Math.min(99, share)}%`
}

function newSnapshot(ctx: SimContext, from: { VolumeId: string; VolumeSize: number; Encrypted: boolean }, description: string, tags: Tag[]): Snapshot {
  const snapshot: Snapshot = {
    SnapshotId: ec2Id(ctx.rng, 'snap'),
    VolumeId: from.VolumeId,
    State: INITIAL_SNAPSHOT_STATE,
    StartTime: ctx.now(),
    Progress: '',
    OwnerId: ctx.world.accountId,
    Description: description,
    VolumeSize: from.VolumeSize,
    Encrypted: from.Encrypted,
    StorageTier: 'standard',
    Tags: tags,
  }
  ctx.world.ec2.snapshots[snapshot.SnapshotId] = snapshot
  ctx.scheduler.schedule(ctx.now() + snapshotDurationMs(from.VolumeSize), 'ec2.snapshot.step', { snapshotId: snapshot.SnapshotId, event: 'COMPLETED' })
  return snapshot
}

/**
 * CreateSnapshot: a point-in-time copy of the volume, kept in the Region (not in a zone): `pending` with a growing
 * Progress, then `completed` (EBS User Guide, "Create Amazon EBS snapshots"). An attached volume can be snapshotted.
 */
export const createSnapshot = handler((ctx, input: { VolumeId: string; Description?: string; TagSpecifications?: TagSpecs }) => {
  const volume = volumeById(ctx, input.VolumeId)
  if (volume.State !== 'available' && volume.State !== 'in-use') throw new AwsError('IncorrectState', `The volume '${volume.VolumeId}' is '${volume.State}'.`)
  const snapshot = newSnapshot(ctx, { VolumeId: volume.VolumeId, VolumeSize: volume.Size, Encrypted: volume.Encrypted }, input.Description ?? '', tagsFor(input.TagSpecifications, 'snapshot'))
  ctx.log(snapshot.SnapshotId, { kind: 'resource.created', type: 'AWS::EC2::Snapshot', detail: `of ${volume.VolumeId} (${volume.Size} GiB, ${volume.AvailabilityZone})` })
  return { ...snapshot, StorageTier: undefined }
})

/**
 * CopySnapshot within the Region (the sandbox has one): a new `pending` snapshot of the same data; the source must be
 * `completed`. The copy's VolumeId is AWS's placeholder `vol-ffffffff` (EBS User Guide, "Copy an Amazon EBS snapshot":
 * copies are not tied to a volume).
 */
export const copySnapshot = handler((ctx, input: { SourceSnapshotId: string; SourceRegion: string; Description?: string; Encrypted?: boolean; TagSpecifications?: TagSpecs }) => {
  if (input.SourceRegion !== ctx.world.region)
    throw new AwsError('InvalidParameterValue', `Value (${input.SourceRegion}) for parameter sourceRegion is invalid. The sandbox has only the Region ${ctx.world.region}.`)
  const source = snapshotById(ctx, input.SourceSnapshotId)
  if (source.State !== 'completed') throw new AwsError('IncorrectState', `Snapshot '${source.SnapshotId}' is not 'completed'.`)
  const description = input.Description ?? `[Copied ${source.SnapshotId} from ${input.SourceRegion}]`
  const copy = newSnapshot(ctx, { VolumeId: 'vol-ffffffff', VolumeSize: source.VolumeSize, Encrypted: input.Encrypted ?? source.Encrypted }, description, tagsFor(input.TagSpecifications, 'snapshot'))
  ctx.log(copy.SnapshotId, { kind: 'resource.created', type: 'AWS::EC2::Snapshot', detail: `copy of ${source.SnapshotId}` })
  return { SnapshotId: copy.SnapshotId, Tags: copy.Tags.length ? copy.Tags : undefined }
})

const SNAPSHOT_FILTERS = {
  'snapshot-id': (s: Snapshot) => s.SnapshotId,
  'volume-id': (s: Snapshot) => s.VolumeId,
  status: (s: Snapshot) => s.State,
  'owner-id': (s: Snapshot) => s.OwnerId,
  description: (s: Snapshot) => s.Description,
  'volume-size': (s: Snapshot) => s.VolumeSize,
  encrypted: (s: Snapshot) => s.Encrypted,
  progress: (s: Snapshot) => s.Progress,
  'storage-tier': (s: Snapshot) => s.StorageTier,
}

/**
 * DescribeSnapshots over the account's own snapshots (`--owner-ids self` or the account ID; public snapshots of other
 * accounts are not simulated). Progress is worked out from the clock at the time of the call.
 */
export const describeSnapshots = handler((ctx, input: { SnapshotIds?: string[]; OwnerIds?: string[]; Filters?: Filter[] }) => {
  const picked = input.SnapshotIds?.length ? [...new Set(input.SnapshotIds)].map((id) => snapshotById(ctx, id)) : Object.values(ctx.world.ec2.snapshots)
  const owners = input.OwnerIds ?? []
  const mine = owners.length === 0 || owners.some((o) => o === 'self' || o === ctx.world.accountId)
  const now = ctx.now()
  const shown = (mine ? picked : []).map((s) => ({ ...s, Progress: progressOf(s, now) }))
  return { Snapshots: applyFilters(shown, input.Filters, SNAPSHOT_FILTERS) }
})

/** DeleteSnapshot: gone at once. (AWS refuses one an AMI is registered from; the account registers no AMIs here.) */
export const deleteSnapshot = handler((ctx, input: { SnapshotId: string }) => {
  const snapshot = snapshotById(ctx, input.SnapshotId)
  delete ctx.world.ec2.snapshots[snapshot.SnapshotId]
  ctx.log(snapshot.SnapshotId, { kind: 'resource.deleted', type: 'AWS::EC2::Snapshot' })
  return {}
})

/** Timer: a snapshot completes. */
export const snapshotStep: TimerHandler = (ctx, payload) => {
  const snapshot = ctx.world.ec2.snapshots[String(payload.snapshotId)]
  if (!snapshot) return
  const next = step(snapshotMachine, snapshot.State, { type: String(payload.event) })
  if (next === undefined) return
  ctx.log(snapshot.SnapshotId, { kind: 'resource.status', type: 'AWS::EC2::Snapshot', attribute: 'State', from: snapshot.State, to: next })
  snapshot.State = next
  snapshot.Progress = '100%'
}
