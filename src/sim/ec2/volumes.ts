import { AwsError, ec2Id, ownEntry, step } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { applyFilters, type Filter } from './filters.ts'
import { tagsFor } from './runInstances.ts'
import type { Tag } from './state.ts'
import { INITIAL_VOLUME_STATE, VOLUME_TIMINGS, volumeMachine } from './volume.machine.ts'
import { DEFAULT_VOLUME_TYPE, reportedIops, VOLUME_TYPES } from './volumeTypes.ts'

/** A volume's attachment to an instance, in the API's `VolumeAttachment` shape (times as epoch ms). */
export interface VolumeAttachment {
  DeleteOnTermination: boolean
  /** An ECS-managed volume's task (its ARN), and the service that owns the instance it is attached to (`ecs`). */
  AssociatedResource?: string
  InstanceOwningService?: string
  VolumeId: string
  /** Absent for a volume attached to a Fargate task (no instance of the account's). */
  InstanceId?: string
  Device: string
  State: string
  AttachTime: number
}

/** An EBS volume in the API's `Volume` shape; describe-volumes returns it as it is. */
export interface Volume {
  VolumeId: string
  Size: number
  SnapshotId: string
  AvailabilityZone: string
  AvailabilityZoneId?: string
  State: string
  CreateTime: number
  Attachments: VolumeAttachment[]
  Encrypted: boolean
  VolumeType: string
  Iops?: number
  Throughput?: number
  MultiAttachEnabled: boolean
  Tags: Tag[]
}

interface CreateVolumeRequest {
  AvailabilityZone?: string
  AvailabilityZoneId?: string
  Encrypted?: boolean
  Iops?: number
  Size?: number
  SnapshotId?: string
  VolumeType?: string
  TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[]
  MultiAttachEnabled?: boolean
  Throughput?: number
}

/** `vol-` and 8 or 17 hex digits (fidelity §3.1). */
const VOLUME_ID = /^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/

/** Every ID must be well formed and known (EC2 API Reference, "Error codes": InvalidParameterValue / InvalidVolume.NotFound). */
export function volumeById(ctx: SimContext, id: string): Volume {
  if (!VOLUME_ID.test(id)) throw new AwsError('InvalidParameterValue', `Invalid id: "${id}" (expecting "vol-...")`)
  const volume = ownEntry(ctx.world.ec2.volumes, id)
  if (!volume) throw new AwsError('InvalidVolume.NotFound', `The volume '${id}' does not exist.`)
  return volume
}

/** The Availability Zones of the Region: those the account's subnets are in (describe.ts answers the same). */
function zoneOf(ctx: SimContext, input: CreateVolumeRequest): { name: string; id: string } {
  const zones = new Map(Object.values(ctx.world.ec2.subnets).map((s) => [s.AvailabilityZone, s.AvailabilityZoneId]))
  if (input.AvailabilityZone === undefined && input.AvailabilityZoneId === undefined)
    // Seen in SDK and Terraform reports of CreateVolume without a zone.
    throw new AwsError('MissingParameter', 'The request must contain the parameter zone')
  if (input.AvailabilityZoneId !== undefined) {
    const name = [...zones].find(([, id]) => id === input.AvailabilityZoneId)?.[0]
    if (name === undefined) throw new AwsError('InvalidZone.NotFound', `The zone '${input.AvailabilityZoneId}' does not exist.`)
    return { name, id: input.AvailabilityZoneId }
  }
  const name = input.AvailabilityZone ?? ''
  const id = zones.get(name)
  if (id === undefined) throw new AwsError('InvalidZone.NotFound', `The zone '${name}' does not exist.`)
  return { name, id }
}

/**
 * The checks CreateVolume and ModifyVolume share: the size within the type's range, IOPS only where the type takes
 * them (and required for io1/io2), within range and per-GiB ratio, throughput on gp3 only, within range and per-IOPS
 * ratio. Messages as EC2 returns them (seen in SDK, Terraform and Kubernetes reports; the ratio printed `%f`).
 */
export function checkVolumeSpec(type: string, size: number, iops: number | undefined, throughput: number | undefined, multiAttach: boolean | undefined): void {
  const facts = VOLUME_TYPES[type]
  if (!facts) throw new AwsError('InvalidParameterValue', `Value (${type}) for parameter volumeType is invalid.`)
  if (size > facts.maxGiB) throw new AwsError('InvalidParameterValue', `Volume of ${size}GiB is too large for volume type ${type}; maximum is ${facts.maxGiB}GiB`)
  if (size < facts.minGiB) throw new AwsError('InvalidParameterValue', `Volume of ${size}GiB is too small for volume type ${type}; minimum is ${facts.minGiB}GiB`)
  if (iops !== undefined && !facts.iops) throw new AwsError('InvalidParameterCombination', `The parameter iops is not supported for ${type} volumes.`)
  if (facts.iops) {
    if (iops === undefined && facts.iops.required) throw new AwsError('InvalidParameterCombination', `The parameter iops must be specified for ${type} volumes.`)
    const value = iops ?? facts.iops.default ?? 0
    if (value < facts.iops.min) throw new AwsError('InvalidParameterValue', `Volume iops of ${value} is too low; minimum is ${facts.iops.min}.`)
    if (value > facts.iops.max) throw new AwsError('InvalidParameterValue', `Volume iops of ${value} is too high; maximum is ${facts.iops.max}.`)
    if (iops !== undefined && iops / size > facts.iops.perGiB)
      throw new AwsError('InvalidParameterValue', `Iops to volume size ratio of ${(iops / size).toFixed(6)} is too high; maximum is ${facts.iops.perGiB}`)
  }
  if (throughput !== undefined) {
    if (!facts.throughput) throw new AwsError('InvalidParameterCombination', 'throughput can only be specified for volumeType gp3.')
    if (throughput < facts.throughput.min || throughput > facts.throughput.max)
      throw new AwsError('InvalidParameterValue', `Volume throughput of ${throughput} is invalid; it must be between ${facts.throughput.min} and ${facts.throughput.max} MiB/s.`)
    const ratio = throughput / (iops ?? facts.iops?.default ?? 1)
    if (ratio > facts.throughput.perIops)
      throw new AwsError('InvalidParameterValue', `Throughput (MiBps) to iops ratio of ${ratio.toFixed(6)} is too high; maximum is ${facts.throughput.perIops.toFixed(6)} MiBps per iops`)
  }
  if (multiAttach && !facts.multiAttach) throw new AwsError('InvalidParameterCombination', `The parameter multiAttachEnabled is not supported for ${type} volumes.`)
}

/**
 * CreateVolume: a volume in one Availability Zone, `creating` then `available` on the clock. From a snapshot (which
 * must be `completed`) it takes the snapshot's size unless a larger one is asked, and may be in any zone of the
 * Region: that is how data crosses zones (EBS User Guide, "Create a volume from a snapshot").
 */
export const createVolume = handler((ctx, input: CreateVolumeRequest) => {
  const zone = zoneOf(ctx, input)
  const snapshot = input.SnapshotId === undefined ? undefined : ownEntry(ctx.world.ec2.snapshots, input.SnapshotId)
  if (input.SnapshotId !== undefined && !snapshot) throw new AwsError('InvalidSnapshot.NotFound', `The snapshot '${input.SnapshotId}' does not exist.`)
  if (snapshot && snapshot.State !== 'completed') throw new AwsError('IncorrectState', `Snapshot '${snapshot.SnapshotId}' is not 'completed'.`)
  // Unverified wording: one of Size or SnapshotId is required (EC2 API Reference, CreateVolume Size).
  if (input.Size === undefined && !snapshot) throw new AwsError('MissingParameter', 'The request must contain the parameter size or snapshotId')
  const size = input.Size ?? snapshot?.VolumeSize ?? 0
  if (snapshot && size < snapshot.VolumeSize)
    throw new AwsError('InvalidParameterValue', `Volume of ${size}GiB is too small; minimum is ${snapshot.VolumeSize}GiB.`)
  const type = input.VolumeType ?? DEFAULT_VOLUME_TYPE
  checkVolumeSpec(type, size, input.Iops, input.Throughput, input.MultiAttachEnabled)

  const volumeId = ec2Id(ctx.rng, 'vol')
  const iops = reportedIops(type, size, input.Iops)
  const throughput = VOLUME_TYPES[type].throughput ? (input.Throughput ?? VOLUME_TYPES[type].throughput?.default) : undefined
  const volume: Volume = {
    VolumeId: volumeId,
    Size: size,
    SnapshotId: snapshot?.SnapshotId ?? '',
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    State: INITIAL_VOLUME_STATE,
    CreateTime: ctx.now(),
    Attachments: [],
    Encrypted: input.Encrypted ?? snapshot?.Encrypted ?? false,
    VolumeType: type,
    ...(iops !== undefined ? { Iops: iops } : {}),
    ...(throughput !== undefined ? { Throughput: throughput } : {}),
    MultiAttachEnabled: input.MultiAttachEnabled ?? false,
    Tags: tagsFor(input.TagSpecifications, 'volume'),
  }
  ctx.world.ec2.volumes[volumeId] = volume
  ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.creatingMs, 'ec2.volume.step', { volumeId, event: 'CREATED' })
  ctx.log(volumeId, { kind: 'resource.created', type: 'AWS::EC2::Volume', detail: `${size} GiB ${type} in ${zone.name}${snapshot ? ` from ${snapshot.SnapshotId}` : ''}` })
  return { ...volume, Attachments: undefined }
})

/** Filter names from the EC2 API Reference, DescribeVolumes. */
const VOLUME_FILTERS = {
  'volume-id': (v: Volume) => v.VolumeId,
  'availability-zone': (v: Volume) => v.AvailabilityZone,
  'availability-zone-id': (v: Volume) => v.AvailabilityZoneId,
  status: (v: Volume) => v.State,
  size: (v: Volume) => v.Size,
  'snapshot-id': (v: Volume) => v.SnapshotId,
  'volume-type': (v: Volume) => v.VolumeType,
  encrypted: (v: Volume) => v.Encrypted,
  'multi-attach-enabled': (v: Volume) => v.MultiAttachEnabled,
  'attachment.instance-id': (v: Volume) => v.Attachments.flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
  'attachment.device': (v: Volume) => v.Attachments.map((a) => a.Device),
  'attachment.status': (v: Volume) => v.Attachments.map((a) => a.State),
  'attachment.delete-on-termination': (v: Volume) => v.Attachments.map((a) => String(a.DeleteOnTermination)),
}

/** DescribeVolumes: every ID must exist (InvalidVolume.NotFound names the first missing one). */
export const describeVolumes = handler((ctx, input: { VolumeIds?: string[]; Filters?: Filter[] }) => {
  const volumes = input.VolumeIds?.length ? [...new Set(input.VolumeIds)].map((id) => volumeById(ctx, id)) : Object.values(ctx.world.ec2.volumes)
  return { Volumes: applyFilters(volumes, input.Filters, VOLUME_FILTERS) }
})

/**
 * DeleteVolume: only an `available` volume; an attached one is refused with VolumeInUse (EC2 API Reference, "Error
 * codes": "The specified EBS volume is attached to an instance"; message as seen in Terraform reports).
 */
export const deleteVolume = handler((ctx, input: { VolumeId: string }) => {
  const volume = volumeById(ctx, input.VolumeId)
  const attached = volume.Attachments[0]
  if (attached) throw new AwsError('VolumeInUse', `Volume ${volume.VolumeId} is currently attached to ${attached.InstanceId ?? attached.AssociatedResource ?? ''}`)
  if (volume.State !== 'available') throw new AwsError('IncorrectState', `The volume '${volume.VolumeId}' is '${volume.State}'.`)
  sendVolume(ctx, volume, 'DELETE')
  ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.deletingMs, 'ec2.volume.step', { volumeId: volume.VolumeId, event: 'DELETED' })
  return {}
})

/** Moves a volume's State through its machine and logs the change; false when the machine refuses the event. */
export function sendVolume(ctx: SimContext, volume: Volume, event: 'CREATED' | 'ATTACH' | 'DETACHED' | 'DELETE' | 'DELETED', reason?: string): boolean {
  const next = step(volumeMachine, volume.State, { type: event })
  if (next === undefined) return false
  if (next !== volume.State) {
    ctx.log(volume.VolumeId, { kind: 'resource.status', type: 'AWS::EC2::Volume', attribute: 'State', from: volume.State, to: next, ...(reason ? { reason } : {}) })
    volume.State = next
  }
  return true
}

/** Timer: a volume's scheduled step (created, deleted), and its leaving the describe results after `deleted`. */
export const volumeStep: TimerHandler = (ctx, payload) => {
  const volume = ctx.world.ec2.volumes[String(payload.volumeId)]
  if (!volume) return
  if (payload.event === 'FORGET') {
    if (volume.State === 'deleted') delete ctx.world.ec2.volumes[volume.VolumeId]
    return
  }
  if (!sendVolume(ctx, volume, String(payload.event) as 'CREATED')) return
  if (volume.State === 'deleted') ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.deletedVisibleMs, 'ec2.volume.step', { volumeId: volume.VolumeId, event: 'FORGET' })
}
