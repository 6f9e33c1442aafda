import type { World } from '../world.ts'
import type { Instance } from './instance.ts'
import type { VolumeAttachment } from './volumes.ts'

/**
 * Reading an instance's attachments, apart from the operations that change them (volumeAttachments.ts), so the read
 * model (volumeViews.ts) does not bring the volume machines into the app's first screen.
 */

/** Every attachment to an instance, its root volume first, then by device name. */
export function attachmentsOf(world: World, instanceId: string): VolumeAttachment[] {
  const instance = world.ec2.instances[instanceId] as Instance | undefined
  const found = Object.values(world.ec2.volumes).flatMap((v) => v.Attachments.filter((a) => a.InstanceId === instanceId))
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
