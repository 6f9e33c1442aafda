import type { World } from '../world.ts'
import { attachmentsOf, isRootDevice } from './volumeLookup.ts'

/** One block device of an instance, as `lsblk` would list it on the instance, with the EBS volume behind it. */
export interface BlockDeviceView {
  /** The name the kernel shows (Amazon Linux links `/dev/sdf` to `xvdf`): `xvda`, `xvdf`. */
  name: string
  /** The device name given to EC2 (`/dev/xvda`, `/dev/sdf`). */
  deviceName: string
  sizeGiB: number
  volumeId: string
  volumeType: string
  /** The attachment's state: `attaching`, `attached`, `detaching`. */
  state: string
  root: boolean
  /** Where it is mounted: `/` for the root volume; a new data volume has no file system and is not mounted. */
  mountPoint?: string
}

/** The kernel's name for an EC2 device name: `/dev/sdf` → `xvdf` (EC2 User Guide, "Device names on Linux instances"). */
const kernelName = (device: string) => device.replace(/^\/dev\//, '').replace(/^sd/, 'xvd').replace(/^xvda1$/, 'xvda')

/** An instance's block devices, root first (the inspector's lsblk-like table); empty for an unknown instance. */
export function blockDevices(world: World, instanceId: string): BlockDeviceView[] {
  const instance = world.ec2.instances[instanceId]
  if (!instance) return []
  return attachmentsOf(world, instanceId).map((a) => {
    const volume = world.ec2.volumes[a.VolumeId]
    const root = isRootDevice(instance, a.Device)
    return {
      name: kernelName(a.Device),
      deviceName: a.Device,
      sizeGiB: volume.Size,
      volumeId: a.VolumeId,
      volumeType: volume.VolumeType,
      state: a.State,
      root,
      ...(root ? { mountPoint: '/' } : {}),
    }
  })
}

/** A volume as the diagram draws it: in its Availability Zone, with an edge per attachment. */
export interface VolumeView {
  volumeId: string
  name?: string
  availabilityZone: string
  state: string
  sizeGiB: number
  volumeType: string
  snapshotId?: string
  /** An instance's attachment, or (ECS-managed volumes) the task's: `taskArn`. */
  attachments: { instanceId?: string; taskArn?: string; device: string; state: string }[]
}

/** Every volume still listed (not `deleted`), by ID order. */
export function volumesView(world: World): VolumeView[] {
  return Object.values(world.ec2.volumes)
    .filter((v) => v.State !== 'deleted')
    .sort((a, b) => a.VolumeId.localeCompare(b.VolumeId))
    .map((v) => {
      const name = v.Tags.find((t) => t.Key === 'Name')?.Value
      return {
        volumeId: v.VolumeId,
        ...(name !== undefined ? { name } : {}),
        availabilityZone: v.AvailabilityZone,
        state: v.State,
        sizeGiB: v.Size,
        volumeType: v.VolumeType,
        ...(v.SnapshotId ? { snapshotId: v.SnapshotId } : {}),
        attachments: v.Attachments.map((a) => ({ ...(a.InstanceId ? { instanceId: a.InstanceId } : {}), ...(a.AssociatedResource ? { taskArn: a.AssociatedResource } : {}), device: a.Device, state: a.State })),
      }
    })
}

/** A snapshot as the diagram draws it: a regional object (no zone), with the volume it was taken from. */
export interface SnapshotView {
  snapshotId: string
  volumeId: string
  state: string
  sizeGiB: number
  description: string
}

export function snapshotsView(world: World): SnapshotView[] {
  return Object.values(world.ec2.snapshots)
    .sort((a, b) => a.SnapshotId.localeCompare(b.SnapshotId))
    .map((s) => ({ snapshotId: s.SnapshotId, volumeId: s.VolumeId, state: s.State, sizeGiB: s.VolumeSize, description: s.Description }))
}
