import type { SimContext } from '../context.ts'
import type { ImageFacts } from './images.ts'
import type { Instance } from './instance.ts'
import type { Volume } from './volumes.ts'

/**
 * An image's root volume as its block device mapping describes it: 30 GiB for the ECS-optimized AMIs, 8 GiB for plain
 * Amazon Linux 2023, gp3 (the published AMIs' mappings; describe-images shows the same). The snapshot ID is invented
 * from the image's, like the image IDs themselves (images.ts).
 */
export const rootDevice = (image: ImageFacts) => ({ sizeGiB: image.ecsAgent ? 30 : 8, volumeType: 'gp3', snapshotId: `snap-0${image.ImageId.slice(5)}` })

/**
 * The root volume RunInstances creates from the image's mapping: in the instance's zone, attached as its root
 * device, deleted with it (DeleteOnTermination true: EC2 User Guide, "Root volumes for your Amazon EC2 instances").
 * Its ID is derived from the instance's, not drawn from the RNG, so every other ID of a replay stays as it was.
 */
export function createRootVolume(ctx: SimContext, instance: Instance, image: ImageFacts): void {
  const { sizeGiB, volumeType, snapshotId } = rootDevice(image)
  const volumeId = `vol-0${[...instance.InstanceId.slice(3)].reverse().join('')}`
  const zoneId = Object.values(ctx.world.ec2.subnets).find((s) => s.AvailabilityZone === instance.Placement.AvailabilityZone)?.AvailabilityZoneId
  const volume: Volume = {
    VolumeId: volumeId,
    Size: sizeGiB,
    SnapshotId: snapshotId,
    AvailabilityZone: instance.Placement.AvailabilityZone,
    ...(zoneId ? { AvailabilityZoneId: zoneId } : {}),
    State: 'in-use',
    CreateTime: instance.LaunchTime,
    Attachments: [{ DeleteOnTermination: true, VolumeId: volumeId, InstanceId: instance.InstanceId, Device: instance.RootDeviceName, State: 'attached', AttachTime: instance.LaunchTime }],
    Encrypted: false,
    VolumeType: volumeType,
    Iops: 3_000,
    Throughput: 125,
    MultiAttachEnabled: false,
    Tags: [],
  }
  ctx.world.ec2.volumes[volumeId] = volume
}
