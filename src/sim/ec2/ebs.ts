/** What other services (ECS-managed volumes) use of EBS: the volume shape, its rules and its lifecycle. */
export { checkVolumeSpec, sendVolume, type Volume, type VolumeAttachment } from './volumes.ts'
export { reportedIops, VOLUME_TYPES } from './volumeTypes.ts'
export { VOLUME_TIMINGS } from './volume.machine.ts'
