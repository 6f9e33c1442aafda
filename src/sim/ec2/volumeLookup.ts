import { unproxied } from '../core/index.ts'
import type { World } from '../world.ts'
import type { Instance } from './instance.ts'
import type { VolumeAttachment } from './volumes.ts'

/**
 * Reading an instance's attachments, apart from the operations that change them (volumeAttachments.ts), so the read
 * model (volumeViews.ts) does not bring the volume machines into the app's first screen.
 */

/**
 * Every attachment to an instance, its root volume first, then by device name. Read-only answers: every volume is
 * looked at on the plain world, as a command's view of it makes each read a proxy's (RunInstances describes the new
 * instance with its volumes, and an Auto Scaling group launches its instances one by one).
 */
export function attachmentsOf(world: World, instanceId: string): readonly VolumeAttachment[] {
  const { ec2 } = unproxied(world)
  const instance = ec2.instances[instanceId] as Instance | undefined
  const found: VolumeAttachment[] = []
  for (const volume of Object.values(ec2.volumes)) for (const a of volume.Attachments) if (a.InstanceId === instanceId) found.push(a)
  const rank = (a: VolumeAttachment) => (instance && isRootDevice(instance, a.Device) ? '' : a.Device)
  return found.sort((a, b) => rank(a).localeCompare(rank(b)))
}

/** The instance's `BlockDeviceMappings` as DescribeInstances shows them, read from the volumes' attachments. */
export const blockDeviceMappings = (world: World, instanceId: string) =>
  attachmentsOf(world, instanceId).map((a) => ({
    DeviceName: a.Device,
    Ebs: { AttachTime: a.AttachTime, DeleteOnTermination: a.DeleteOnTermination, Status: a.State, VolumeId: a.VolumeId },
  }))

const withDev = (device: string) => (device.startsWith('/dev/') ? device : `/dev/${device}`)
export const sameDevice = (a: string, b: string) => withDev(a) === withDev(b)
export const isRootDevice = (instance: Instance, device: string) => sameDevice(instance.RootDeviceName, device)
