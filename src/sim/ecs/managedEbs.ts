import { ec2Id, isAwsError, ownEntry, unproxied } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { checkVolumeSpec, reportedIops, sendVolume, VOLUME_TIMINGS, VOLUME_TYPES, type Volume } from '../ec2/ebs.ts'
import type { World } from '../world.ts'
import { invalidParameter } from './errors.ts'
import type { Task, TaskDefinition } from './state.ts'
import type { TaskVolume } from './taskVolumes.ts'

/**
 * ECS-managed EBS volumes (ECS Developer Guide, "Use Amazon EBS volumes with Amazon ECS",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html): a task definition volume marked
 * `configuredAtLaunch` gets its EBS volume from `volumeConfigurations` on run-task. ECS creates the volume in the
 * task's Availability Zone (so a replacement task in another zone gets a new volume, from the snapshot if one is
 * given), attaches it, and deletes it when the task stops unless `terminationPolicy.deleteOnTermination` is false.
 * Error texts here are unverified (worded after ECS's InvalidParameterException messages).
 */
export interface TaskVolumeConfiguration {
  name: string
  managedEBSVolume?: {
    encrypted?: boolean
    volumeType?: string
    sizeInGiB?: number
    snapshotId?: string
    iops?: number
    throughput?: number
    tagSpecifications?: { resourceType?: string; tags?: { key?: string; value?: string }[] }[]
    roleArn: string
    terminationPolicy?: { deleteOnTermination: boolean }
    filesystemType?: string
  }
}

/** Everything checked before any task starts: names, the infrastructure role, the snapshot, EBS's own size/IOPS rules. */
export function checkVolumeConfigurations(world: Readonly<World>, td: TaskDefinition, configs: TaskVolumeConfiguration[] | undefined): void {
  const atLaunch = (td.volumes as TaskVolume[]).filter((v) => v.configuredAtLaunch).map((v) => v.name)
  for (const config of configs ?? []) {
    if (!atLaunch.includes(config.name)) throw invalidParameter(`The volume '${config.name}' is not configured at launch in the task definition ${td.family}:${td.revision}.`)
    const ebs = config.managedEBSVolume
    if (!ebs) throw invalidParameter(`The volume configuration '${config.name}' must specify managedEBSVolume.`)
    const roleName = ebs.roleArn.slice(ebs.roleArn.lastIndexOf('/') + 1)
    if (!ownEntry(world.iam.roles, roleName)) throw invalidParameter(`The infrastructure role ${ebs.roleArn} does not exist or cannot be assumed by ECS.`)
    const snapshot = ebs.snapshotId === undefined ? undefined : ownEntry(world.ec2.snapshots, ebs.snapshotId)
    if (ebs.snapshotId !== undefined && snapshot?.State !== 'completed') throw invalidParameter(`The snapshot '${ebs.snapshotId}' does not exist or is not completed.`)
    const size = ebs.sizeInGiB ?? snapshot?.VolumeSize
    if (size === undefined) throw invalidParameter(`The volume configuration '${config.name}' must specify sizeInGiB or snapshotId.`)
    try {
      checkVolumeSpec(ebs.volumeType ?? 'gp3', size, ebs.iops, ebs.throughput, false)
    } catch (e) {
      if (isAwsError(e)) throw invalidParameter(e.message)
      throw e
    }
  }
}

/** Creates and attaches each configured volume in the task's zone (at once: ECS waits for it before the task starts). */
export function provisionManagedVolumes(ctx: SimContext, task: Task, configs: TaskVolumeConfiguration[] | undefined): void {
  const zone = task.availabilityZone
  if (!zone) return
  for (const config of configs ?? []) {
    const ebs = config.managedEBSVolume
    if (!ebs) continue
    const snapshot = ebs.snapshotId === undefined ? undefined : ctx.world.ec2.snapshots[ebs.snapshotId]
    const type = ebs.volumeType ?? 'gp3'
    const size = ebs.sizeInGiB ?? snapshot?.VolumeSize ?? 1
    const volumeId = ec2Id(ctx.rng, 'vol')
    const iops = reportedIops(type, size, ebs.iops)
    const throughput = VOLUME_TYPES[type]?.throughput ? (ebs.throughput ?? VOLUME_TYPES[type].throughput?.default) : undefined
    const tags = (ebs.tagSpecifications ?? []).flatMap((s) => s.tags ?? []).map((t) => ({ Key: t.key ?? '', Value: t.value ?? '' }))
    const volume: Volume = {
      VolumeId: volumeId,
      Size: size,
      SnapshotId: snapshot?.SnapshotId ?? '',
      AvailabilityZone: zone,
      State: 'in-use',
      CreateTime: ctx.now(),
      Attachments: [{
        DeleteOnTermination: ebs.terminationPolicy?.deleteOnTermination ?? true,
        AssociatedResource: task.taskArn,
        InstanceOwningService: 'ecs',
        VolumeId: volumeId,
        // The device ECS picks is not documented; this name is the sandbox's.
        Device: '/dev/xvdbb',
        State: 'attached',
        AttachTime: ctx.now(),
      }],
      Encrypted: ebs.encrypted ?? snapshot?.Encrypted ?? false,
      VolumeType: type,
      ...(iops !== undefined ? { Iops: iops } : {}),
      ...(throughput !== undefined ? { Throughput: throughput } : {}),
      MultiAttachEnabled: false,
      // ECS tags what it creates (ECS Developer Guide, "Tag Amazon EBS volumes").
      Tags: [{ Key: 'AmazonECSCreated', Value: 'true' }, { Key: 'AmazonECSManaged', Value: 'true' }, ...tags],
    }
    ctx.world.ec2.volumes[volumeId] = volume
    ctx.log(volumeId, { kind: 'resource.created', type: 'AWS::EC2::Volume', detail: `${size} GiB ${type} in ${zone} for task ${task.taskArn} (volume ${config.name})${snapshot ? ` from ${snapshot.SnapshotId}` : ''}` })
  }
}

/** When the task stops: its managed volumes are detached, and deleted unless told to keep them. */
export function releaseManagedVolumes(ctx: SimContext, task: Task): void {
  // Only a task whose definition has a volume configured at launch can have one: every path that provisions them
  // (run-task, create-service, update-service) first checks the configurations against those volumes
  // (checkVolumeConfigurations), and registered revisions never change. Other tasks skip the search of every volume
  // in the account (an hour of 1,000 tasks on 120 instances spent ~80 ms in it).
  const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
  if (td && !(td.volumes as TaskVolume[]).some((v) => v.configuredAtLaunch)) return
  // The search reads the plain world (through the journal's view each volume read is a proxy; an hour of 1,000 tasks
  // on 120 instances spent 0.2 s here), the changes go through `ctx.world`.
  const plain = unproxied(ctx.world).ec2.volumes
  for (const volumeId in plain) {
    if (!plain[volumeId].Attachments.some((a) => a.AssociatedResource === task.taskArn)) continue
    const volume = ctx.world.ec2.volumes[volumeId]
    const attachment = volume.Attachments.find((a) => a.AssociatedResource === task.taskArn)
    if (!attachment) continue
    volume.Attachments = volume.Attachments.filter((a) => a !== attachment)
    sendVolume(ctx, volume, 'DETACHED', `task ${task.taskArn} stopped`)
    if (attachment.DeleteOnTermination && sendVolume(ctx, volume, 'DELETE', 'deleteOnTermination'))
      ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.deletingMs, 'ec2.volume.step', { volumeId: volume.VolumeId, event: 'DELETED' })
  }
}
