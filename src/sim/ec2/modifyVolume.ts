import { AwsError } from '../core/index.ts'
import { handler, type TimerHandler } from '../context.ts'
import { applyFilters, type Filter } from './filters.ts'
import { VOLUME_TIMINGS } from './volume.machine.ts'
import { reportedIops, VOLUME_TYPES } from './volumeTypes.ts'
import { checkVolumeSpec, volumeById } from './volumes.ts'

/** A volume's latest modification in the API's `VolumeModification` shape (times as epoch ms). */
export interface VolumeModification {
  VolumeId: string
  ModificationState: string
  TargetSize: number
  TargetIops?: number
  TargetVolumeType: string
  TargetThroughput?: number
  TargetMultiAttachEnabled: boolean
  OriginalSize: number
  OriginalIops?: number
  OriginalVolumeType: string
  OriginalThroughput?: number
  OriginalMultiAttachEnabled: boolean
  Progress: number
  StartTime: number
  EndTime?: number
}

/**
 * ModifyVolume (Elastic Volumes, EBS User Guide "Modify a volume using Amazon EBS Elastic Volumes"): size only grows,
 * the type/IOPS/throughput follow the same rules as CreateVolume, and a volume takes one modification every six hours
 * (VolumeModificationRateExceeded, seen). The modification is `modifying`, then `optimizing` (the new size and
 * performance apply from here), then `completed`.
 */
export const modifyVolume = handler((ctx, input: { VolumeId: string; Size?: number; VolumeType?: string; Iops?: number; Throughput?: number; MultiAttachEnabled?: boolean }) => {
  const volume = volumeById(ctx, input.VolumeId)
  const previous = ctx.world.ec2.volumeModifications[volume.VolumeId]
  if (previous && ctx.now() - previous.StartTime < VOLUME_TIMINGS.modificationCooldownMs)
    throw new AwsError('VolumeModificationRateExceeded', "You've reached the maximum modification rate per volume limit. Wait at least 6 hours between modifications per EBS volume.")
  if (input.Size !== undefined && input.Size < volume.Size) throw new AwsError('InvalidParameterValue', 'New size cannot be smaller than existing size.') // unverified wording
  const type = input.VolumeType ?? volume.VolumeType
  const size = input.Size ?? volume.Size
  const keepsIops = type === volume.VolumeType && VOLUME_TYPES[type]?.iops
  const iops = input.Iops ?? (keepsIops ? volume.Iops : undefined)
  const throughput = input.Throughput ?? (type === volume.VolumeType ? volume.Throughput : undefined)
  checkVolumeSpec(type, size, VOLUME_TYPES[type]?.iops ? iops : input.Iops, VOLUME_TYPES[type]?.throughput ? throughput : input.Throughput, input.MultiAttachEnabled)
  const modification: VolumeModification = {
    VolumeId: volume.VolumeId,
    ModificationState: 'modifying',
    TargetSize: size,
    ...(reportedIops(type, size, iops) !== undefined ? { TargetIops: reportedIops(type, size, iops) } : {}),
    TargetVolumeType: type,
    ...(VOLUME_TYPES[type]?.throughput ? { TargetThroughput: throughput ?? VOLUME_TYPES[type].throughput?.default } : {}),
    TargetMultiAttachEnabled: input.MultiAttachEnabled ?? volume.MultiAttachEnabled,
    OriginalSize: volume.Size,
    ...(volume.Iops !== undefined ? { OriginalIops: volume.Iops } : {}),
    OriginalVolumeType: volume.VolumeType,
    ...(volume.Throughput !== undefined ? { OriginalThroughput: volume.Throughput } : {}),
    OriginalMultiAttachEnabled: volume.MultiAttachEnabled,
    Progress: 0,
    StartTime: ctx.now(),
  }
  ctx.world.ec2.volumeModifications[volume.VolumeId] = modification
  ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.modifyingMs, 'ec2.volume.modification', { volumeId: volume.VolumeId, startTime: modification.StartTime })
  ctx.log(volume.VolumeId, { kind: 'resource.modified', type: 'AWS::EC2::Volume', detail: `modifying to ${size} GiB ${type}` })
  return { VolumeModification: modification }
})

export const describeVolumesModifications = handler((ctx, input: { VolumeIds?: string[]; Filters?: Filter[] }) => {
  const all = Object.values(ctx.world.ec2.volumeModifications)
  if (input.VolumeIds?.length) for (const id of input.VolumeIds) volumeById(ctx, id)
  const picked = input.VolumeIds?.length ? all.filter((m) => input.VolumeIds?.includes(m.VolumeId)) : all
  return {
    VolumesModifications: applyFilters(picked, input.Filters, {
      'volume-id': (m) => m.VolumeId,
      'modification-state': (m) => m.ModificationState,
      'target-size': (m) => m.TargetSize,
      'target-volume-type': (m) => m.TargetVolumeType,
      'original-size': (m) => m.OriginalSize,
    }),
  }
})

/** Timer: modifying → optimizing (the volume takes its new size and performance) → completed. */
export const modificationStep: TimerHandler = (ctx, payload) => {
  const modification = ctx.world.ec2.volumeModifications[String(payload.volumeId)]
  const volume = ctx.world.ec2.volumes[String(payload.volumeId)]
  if (!modification || !volume || modification.StartTime !== payload.startTime) return
  if (modification.ModificationState === 'modifying') {
    modification.ModificationState = 'optimizing'
    modification.Progress = 50
    volume.Size = modification.TargetSize
    volume.VolumeType = modification.TargetVolumeType
    volume.MultiAttachEnabled = modification.TargetMultiAttachEnabled
    if (modification.TargetIops !== undefined) volume.Iops = modification.TargetIops
    else delete volume.Iops
    if (modification.TargetThroughput !== undefined) volume.Throughput = modification.TargetThroughput
    else delete volume.Throughput
    ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.optimizingMs, 'ec2.volume.modification', { volumeId: volume.VolumeId, startTime: modification.StartTime })
  } else if (modification.ModificationState === 'optimizing') {
    modification.ModificationState = 'completed'
    modification.Progress = 100
    modification.EndTime = ctx.now()
  } else return
  ctx.log(volume.VolumeId, { kind: 'resource.modified', type: 'AWS::EC2::Volume', detail: `modification ${modification.ModificationState}` })
}
