/**
 * EBS volume types as data: sizes, IOPS and throughput each type accepts, and what a volume gets when the request
 * leaves them out. Source: Amazon EBS User Guide, "Amazon EBS volume types"
 * (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html), with gp3's limits as raised in September 2025
 * (64 TiB, 80,000 IOPS, 2,000 MiB/s: "Amazon EBS increases the size and provisioned performance of gp3 volumes") and
 * io2 Block Express's 1,000 IOPS per GiB. The API's default type is gp2 (EC2 API Reference, CreateVolume VolumeType).
 */
export interface VolumeTypeFacts {
  minGiB: number
  maxGiB: number
  /** Provisioned IOPS: the request may (gp3) or must (io1, io2) give them; absent for types where IOPS are not set. */
  iops?: { min: number; max: number; perGiB: number; default?: number; required: boolean }
  /** gp3 only: MiB/s, at most `perIops` MiB/s per provisioned IOPS. */
  throughput?: { min: number; max: number; default: number; perIops: number }
  /** io1 and io2 can be attached to several Nitro instances in one AZ (EBS User Guide, "Amazon EBS Multi-Attach"). */
  multiAttach: boolean
}

export const VOLUME_TYPES: Readonly<Record<string, VolumeTypeFacts>> = {
  gp2: { minGiB: 1, maxGiB: 16_384, multiAttach: false },
  gp3: { minGiB: 1, maxGiB: 65_536, iops: { min: 3_000, max: 80_000, perGiB: 500, default: 3_000, required: false }, throughput: { min: 125, max: 2_000, default: 125, perIops: 0.25 }, multiAttach: false },
  io1: { minGiB: 4, maxGiB: 16_384, iops: { min: 100, max: 64_000, perGiB: 50, required: true }, multiAttach: true },
  io2: { minGiB: 4, maxGiB: 65_536, iops: { min: 100, max: 256_000, perGiB: 1_000, required: true }, multiAttach: true },
  st1: { minGiB: 125, maxGiB: 16_384, multiAttach: false },
  sc1: { minGiB: 125, maxGiB: 16_384, multiAttach: false },
  standard: { minGiB: 1, maxGiB: 1_024, multiAttach: false },
}

export const DEFAULT_VOLUME_TYPE = 'gp2'

/** gp2's baseline: 3 IOPS per GiB, at least 100 and at most 16,000 (EBS User Guide, "General Purpose SSD volumes"). */
export const gp2Iops = (sizeGiB: number) => Math.min(16_000, Math.max(100, 3 * sizeGiB))

/** The IOPS a volume reports: gp2's baseline, the provisioned figure, or none (st1, sc1, standard report none). */
export function reportedIops(type: string, sizeGiB: number, iops: number | undefined): number | undefined {
  if (type === 'gp2') return gp2Iops(sizeGiB)
  return VOLUME_TYPES[type]?.iops ? (iops ?? VOLUME_TYPES[type].iops?.default) : undefined
}
