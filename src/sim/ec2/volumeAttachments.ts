import { AwsError, step, unproxied } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { instancesById } from './describeInstances.ts'
import { attachmentsOf, isRootDevice, sameDevice } from './volumeLookup.ts'
import type { Instance } from './instance.ts'
import { attachmentMachine, INITIAL_ATTACHMENT_STATE, VOLUME_TIMINGS } from './volume.machine.ts'
import { sendVolume, volumeById, type Volume, type VolumeAttachment } from './volumes.ts'

/**
 * Device names EC2 accepts for EBS volumes on Linux instances (EC2 User Guide, "Device names for volumes on Amazon EC2
 * instances"): `/dev/sd[a-z]`, `/dev/xvd[a-z]`, `/dev/xvd[b-c][a-z]`, and `/dev/sda1` for a root volume; the `/dev/`
 * may be left out. Partition-style names (`/dev/sdk1`) and `/dev/sdba` are refused (seen in SDK reports).
 */
const DEVICE_NAME = /^(?:\/dev\/)?(?:sd[a-z]|xvd[a-z]|xvd[b-c][a-z]|sda1)$/

/** Multi-Attach: at most 16 Nitro instances in one Availability Zone (EBS User Guide, "Amazon EBS Multi-Attach"). */
const MULTI_ATTACH_MAX = 16

/** Instances a volume can be attached to: running or stopped (a pending or terminated one cannot take it). */
const ATTACHABLE: readonly string[] = ['running', 'stopped']

/**
 * AttachVolume: the volume must be `available` (or Multi-Attach enabled and attached in the same zone), in the
 * instance's Availability Zone, under a device name the instance does not use. The attachment is `attaching`, then
 * `attached` on the clock; the volume is `in-use` at once. Errors are EC2's (fidelity §3.3 and §7b).
 */
export const attachVolume = handler((ctx, input: { Device: string; InstanceId: string; VolumeId: string }) => {
  const volume = volumeById(ctx, input.VolumeId)
  const [instance] = instancesById(ctx, [input.InstanceId])
  if (volume.State !== 'available' && volume.State !== 'in-use') throw new AwsError('IncorrectState', `${volume.VolumeId} is not 'available'.`)
  if (volume.Attachments.some((a) => a.InstanceId === instance.InstanceId) || (volume.Attachments.length && !volume.MultiAttachEnabled))
    throw new AwsError('VolumeInUse', `${volume.VolumeId} is already attached to an instance`)
  if (volume.Attachments.length >= MULTI_ATTACH_MAX) throw new AwsError('VolumeInUse', `${volume.VolumeId} is already attached to ${MULTI_ATTACH_MAX} instances`)
  if (volume.AvailabilityZone !== instance.Placement.AvailabilityZone)
    throw new AwsError('InvalidVolume.ZoneMismatch', `The volume '${volume.VolumeId}' is not in the same availability zone as instance '${instance.InstanceId}'`)
  if (!ATTACHABLE.includes(instance.State.Name))
    throw new AwsError('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in a valid state for this operation.`)
  const device = input.Device
  if (!DEVICE_NAME.test(device)) throw new AwsError('InvalidParameterValue', `Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`)
  if (attachmentsOf(ctx.world, instance.InstanceId).some((a) => sameDevice(a.Device, device)))
    throw new AwsError('InvalidParameterValue', `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`)

  const attachment: VolumeAttachment = {
    DeleteOnTermination: false,
    VolumeId: volume.VolumeId,
    InstanceId: instance.InstanceId,
    Device: device,
    State: INITIAL_ATTACHMENT_STATE,
    AttachTime: ctx.now(),
  }
  volume.Attachments.push(attachment)
  sendVolume(ctx, volume, 'ATTACH', `attaching to ${instance.InstanceId} as ${device}`)
  ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.attachingMs, 'ec2.volume.attachment', { volumeId: volume.VolumeId, instanceId: instance.InstanceId, event: 'ATTACHED' })
  return { ...attachment }
})

/**
 * DetachVolume: the attachment goes `detaching`, then leaves the list; the volume is `available` again once no
 * attachment is left. A volume with no attachment: IncorrectState (seen: "Volume 'vol-…' is in the 'available' state.").
 * A running instance's root volume cannot be detached (EC2 User Guide, "Detach an Amazon EBS volume").
 */
export const detachVolume = handler((ctx, input: { VolumeId: string; InstanceId?: string; Device?: string; Force?: boolean }) => {
  const volume = volumeById(ctx, input.VolumeId)
  if (!volume.Attachments.length) throw new AwsError('IncorrectState', `Volume '${volume.VolumeId}' is in the '${volume.State}' state.`)
  const attachment = input.InstanceId === undefined ? volume.Attachments[0] : volume.Attachments.find((a) => a.InstanceId === input.InstanceId)
  if (!attachment) throw new AwsError('IncorrectState', `Volume '${volume.VolumeId}' is not attached to instance '${String(input.InstanceId)}'.`)
  const instance = attachment.InstanceId === undefined ? undefined : (ctx.world.ec2.instances[attachment.InstanceId] as Instance | undefined)
  // Unverified wording; the rule is the EC2 User Guide's.
  if (instance && isRootDevice(instance, attachment.Device) && instance.State.Name !== 'stopped')
    throw new AwsError('IncorrectState', `Unable to detach root volume '${volume.VolumeId}' from instance '${instance.InstanceId}'`)
  const next = step(attachmentMachine, attachment.State, { type: 'DETACH' })
  if (next === undefined) throw new AwsError('IncorrectState', `Volume '${volume.VolumeId}' is in the '${attachment.State}' state.`)
  attachment.State = next
  ctx.log(volume.VolumeId, { kind: 'resource.modified', type: 'AWS::EC2::Volume', detail: `detaching from ${attachment.InstanceId} (${attachment.Device})${input.Force ? ', forced' : ''}` })
  const ms = input.Force ? VOLUME_TIMINGS.forceDetachingMs : VOLUME_TIMINGS.detachingMs
  ctx.scheduler.schedule(ctx.now() + ms, 'ec2.volume.attachment', { volumeId: volume.VolumeId, instanceId: attachment.InstanceId, event: 'DETACHED' })
  return { ...attachment }
})

/** Timer: an attachment becomes `attached`, or, detached, leaves the volume (which is `available` once none is left). */
export const attachmentStep: TimerHandler = (ctx, payload) => {
  const volume = ctx.world.ec2.volumes[String(payload.volumeId)]
  const attachment = volume?.Attachments.find((a) => a.InstanceId === payload.instanceId)
  if (!volume || !attachment) return
  const next = step(attachmentMachine, attachment.State, { type: String(payload.event) })
  if (next === undefined) return
  if (next === 'detached') removeAttachment(ctx, volume, attachment, `detached from ${attachment.InstanceId}`)
  else {
    attachment.State = next
    ctx.log(volume.VolumeId, { kind: 'resource.modified', type: 'AWS::EC2::Volume', detail: `${next} to ${attachment.InstanceId} as ${attachment.Device}` })
  }
}

function removeAttachment(ctx: SimContext, volume: Volume, attachment: VolumeAttachment, reason: string): void {
  volume.Attachments = volume.Attachments.filter((a) => a !== attachment)
  if (!volume.Attachments.length) sendVolume(ctx, volume, 'DETACHED', reason)
}

/**
 * When an instance terminates its volumes are detached, and those marked DeleteOnTermination (the root volume, by
 * default) are deleted (EC2 User Guide, "Preserve data when an instance is terminated").
 */
export function releaseInstanceVolumes(ctx: SimContext, instanceId: string): void {
  // Which volumes are attached is read on the plain world (a terminating instance would otherwise read every volume
  // through the command's view); each one found is then changed through the view, so that a rollback takes it back.
  const attached = Object.entries(unproxied(ctx.world).ec2.volumes).filter(([, v]) => v.Attachments.some((a) => a.InstanceId === instanceId))
  for (const [volumeId] of attached) {
    const volume = ctx.world.ec2.volumes[volumeId]
    const attachment = volume.Attachments.find((a) => a.InstanceId === instanceId)
    if (!attachment) continue
    removeAttachment(ctx, volume, attachment, `${instanceId} terminated`)
    if (attachment.DeleteOnTermination && sendVolume(ctx, volume, 'DELETE', `DeleteOnTermination with ${instanceId}`))
      ctx.scheduler.schedule(ctx.now() + VOLUME_TIMINGS.deletingMs, 'ec2.volume.step', { volumeId: volume.VolumeId, event: 'DELETED' })
  }
}
