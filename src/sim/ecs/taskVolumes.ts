import type { World } from '../world.ts'
import { clientException } from './errors.ts'
import { eniDetail } from './attachments.ts'
import type { ContainerDefinition, Task, TaskDefinition } from './state.ts'

/**
 * A task definition's storage, validated as ECS validates it at RegisterTaskDefinition (ECS Developer Guide, "Storage
 * options for Amazon ECS tasks", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html;
 * API Reference, Volume / MountPoint / VolumeFrom / EphemeralStorage). ClientException texts marked [seen] come from
 * users' reports of real ECS answers; the others are worded after them and marked unverified.
 */
export interface TaskVolume {
  name?: string
  host?: { sourcePath?: string }
  dockerVolumeConfiguration?: { scope?: string; autoprovision?: boolean; driver?: string; driverOpts?: Record<string, string>; labels?: Record<string, string> }
  efsVolumeConfiguration?: { fileSystemId?: string; rootDirectory?: string; transitEncryption?: string; authorizationConfig?: { accessPointId?: string; iam?: string } }
  configuredAtLaunch?: boolean
  [member: string]: unknown
}

interface MountPoint {
  sourceVolume?: string
  containerPath?: string
  readOnly?: boolean
}

interface VolumeFrom {
  sourceContainer?: string
  readOnly?: boolean
}

/** Fargate's ephemeral storage: 20 GiB by default; a task may ask for 21 to 200 GiB (ECS Developer Guide, "Fargate task ephemeral storage"). */
export const EPHEMERAL_STORAGE_GIB = { min: 21, max: 200 } as const

export interface TaskStorage {
  /** What the task definition stores and describe-task-definition shows. */
  fields: { volumes: TaskVolume[]; ephemeralStorage?: { sizeInGiB: number } }
  /** Host paths and Docker volume drivers need an EC2 host: such a definition is not Fargate-compatible. */
  fargateCompatible: boolean
}

/**
 * Checks the `volumes`, every container's `mountPoints` and `volumesFrom`, and `ephemeralStorage`. `fargate`: the
 * definition requires FARGATE, where host paths and Docker volume configurations are refused (Fargate offers bind
 * mounts on its ephemeral storage, EFS and, at launch, EBS: "Fargate task storage").
 */
export function taskStorage(
  input: { volumes?: unknown[]; ephemeralStorage?: { sizeInGiB?: number } },
  containers: readonly ContainerDefinition[],
  fargate: boolean,
): TaskStorage {
  const volumes = (input.volumes ?? []) as TaskVolume[]
  const names = new Set<string>()
  for (const volume of volumes) {
    const name = volume.name ?? ''
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name))
      throw clientException(`Invalid volume name '${name}'. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.`) // unverified
    if (names.has(name)) throw clientException(`Duplicate volume name '${name}'.`) // unverified
    names.add(name)
    checkVolume(volume, fargate)
  }
  for (const c of containers) {
    for (const mount of c.mountPoints as MountPoint[]) {
      // [seen] "Unknown volume 'root-RO'." and, with no sourceVolume, "Unknown volume 'null'."
      if (mount.sourceVolume === undefined || !names.has(mount.sourceVolume)) throw clientException(`Unknown volume '${mount.sourceVolume ?? 'null'}'.`)
      if (!mount.containerPath) throw clientException(`Invalid 'mountPoints' setting for container '${c.name}': containerPath should not be null or empty.`) // unverified
    }
    for (const from of c.volumesFrom as VolumeFrom[]) {
      const source = from.sourceContainer ?? 'null'
      if (source === c.name || !containers.some((other) => other.name === source)) throw clientException(`Unknown container '${source}' in volumesFrom of container '${c.name}'.`) // unverified
    }
  }
  const size = input.ephemeralStorage?.sizeInGiB
  if (input.ephemeralStorage !== undefined && (size === undefined || !Number.isInteger(size) || size < EPHEMERAL_STORAGE_GIB.min || size > EPHEMERAL_STORAGE_GIB.max))
    // The bounds are ECS's; the wording follows CloudFormation's "Ephemeral storage size must be between 21GiB and 200GiB" (unverified for the ECS API).
    throw clientException(`Ephemeral storage size must be between ${EPHEMERAL_STORAGE_GIB.min}GiB and ${EPHEMERAL_STORAGE_GIB.max}GiB.`)
  const needsHost = volumes.some((v) => v.host?.sourcePath !== undefined || v.dockerVolumeConfiguration !== undefined)
  return {
    fields: { volumes, ...(size !== undefined ? { ephemeralStorage: { sizeInGiB: size } } : {}) },
    fargateCompatible: !needsHost,
  }
}

function checkVolume(volume: TaskVolume, fargate: boolean): void {
  const kinds = (['host', 'dockerVolumeConfiguration', 'efsVolumeConfiguration'] as const).filter((k) => volume[k] !== undefined)
  if (kinds.length > 1) throw clientException(`Volume '${String(volume.name)}' may specify only one of host, dockerVolumeConfiguration and efsVolumeConfiguration.`) // unverified
  if (volume.host !== undefined) {
    // [seen] a blank path ("host.sourcePath should not be blank."), and on Fargate any path.
    if (volume.host.sourcePath === '') throw clientException('host.sourcePath should not be blank.')
    if (fargate && volume.host.sourcePath !== undefined) throw clientException('Fargate compatible task definitions do not support sourcePath')
  }
  const docker = volume.dockerVolumeConfiguration
  if (docker !== undefined) {
    if (fargate) throw clientException('Fargate compatible task definitions do not support dockerVolumeConfiguration') // worded after the sourcePath one
    if (docker.scope !== undefined && docker.scope !== 'task' && docker.scope !== 'shared')
      throw clientException(`Invalid scope '${docker.scope}' for dockerVolumeConfiguration. Valid values: task, shared.`) // unverified
    // API Reference, DockerVolumeConfiguration.autoprovision: "This field is only used if the scope is shared."
    if (docker.autoprovision && docker.scope !== 'shared')
      throw clientException('autoprovision can only be true when the scope of dockerVolumeConfiguration is shared.') // unverified
  }
  const efs = volume.efsVolumeConfiguration
  if (efs !== undefined) {
    if (!efs.fileSystemId) throw clientException('efsVolumeConfiguration.fileSystemId should not be null or empty.') // unverified
    // API Reference, EFSVolumeConfiguration: IAM authorization and access points need transit encryption.
    if ((efs.authorizationConfig?.iam === 'ENABLED' || efs.authorizationConfig?.accessPointId) && efs.transitEncryption !== 'ENABLED')
      throw clientException('Transit encryption must be enabled when using IAM authorization or an access point.') // unverified
  }
  if (volume.configuredAtLaunch && kinds.length) throw clientException(`Volume '${String(volume.name)}' is configured at launch and cannot specify ${kinds[0]}.`) // unverified
}

/**
 * Why a task's EFS volumes cannot be mounted when it starts: the file system must exist and have an `available` mount
 * target in the task's Availability Zone (EFS is reached through the zone's mount target: EFS User Guide, "Mounting
 * EFS file systems"). The reason is the agent's (seen in ECS users' reports, shortened after "mount target for this
 * file system ID."). Undefined when every EFS volume mounts, or when the task's zone is not known from an ENI.
 */
export function efsMountFailure(world: Readonly<World>, task: Task): { image: string; reason: string } | undefined {
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn] as TaskDefinition | undefined
  const subnetId = eniDetail(task, 'subnetId')
  const zone = subnetId ? world.ec2.subnets[subnetId]?.AvailabilityZone : undefined
  for (const volume of (td?.volumes ?? []) as TaskVolume[]) {
    const id = volume.efsVolumeConfiguration?.fileSystemId
    if (id === undefined) continue
    const reachable = Object.values(world.efs?.mountTargets ?? {}).some((m) => m.FileSystemId === id && m.LifeCycleState === 'available' && (zone === undefined || m.AvailabilityZoneName === zone))
    if (Object.hasOwn(world.efs?.fileSystems ?? {}, id) && reachable) continue
    return {
      image: task.containers[0]?.image ?? '',
      reason: `ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "${id}.efs.${world.region}.amazonaws.com" - check that your file system ID is correct, and ensure that the VPC has an EFS mount target for this file system ID.`,
    }
  }
  return undefined
}
