import { AwsError, arn, ec2Id, step } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { EFS_TIMINGS, INITIAL_EFS_STATE, efsLifecycle } from './lifecycle.machine.ts'

interface Tag {
  Key: string
  Value: string
}

/** A file system in the API's `FileSystemDescription` shape (times as epoch ms). */
export interface FileSystem {
  OwnerId: string
  CreationToken: string
  FileSystemId: string
  FileSystemArn: string
  CreationTime: number
  LifeCycleState: string
  Name?: string
  NumberOfMountTargets: number
  SizeInBytes: { Value: number }
  PerformanceMode: string
  Encrypted: boolean
  ThroughputMode: string
  AvailabilityZoneName?: string
  AvailabilityZoneId?: string
  Tags: Tag[]
  FileSystemProtection: { ReplicationOverwriteProtection: string }
}

/** "File system 'fs-…' does not exist." (EFS API Reference, FileSystemNotFound, 404). */
export function fileSystemById(ctx: SimContext, id: string): FileSystem {
  const fs = Object.hasOwn(ctx.world.efs.fileSystems, id) ? ctx.world.efs.fileSystems[id] : undefined
  if (!fs) throw new AwsError('FileSystemNotFound', `File system '${id}' does not exist.`)
  return fs
}

interface CreateFileSystemRequest {
  CreationToken?: string
  PerformanceMode?: string
  Encrypted?: boolean
  ThroughputMode?: string
  AvailabilityZoneName?: string
  Tags?: Tag[]
}

/**
 * CreateFileSystem: Regional (its data in every zone of the Region, reached from each through that zone's mount
 * target) unless AvailabilityZoneName makes it One Zone. `creating`, then `available`. A second call with the same
 * CreationToken is FileSystemAlreadyExists (EFS API Reference, CreateFileSystem). An empty file system meters 6 KiB.
 */
export const createFileSystem = handler((ctx, input: CreateFileSystemRequest) => {
  const token = input.CreationToken ?? `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(12)}`
  const existing = Object.values(ctx.world.efs.fileSystems).find((f) => f.CreationToken === token)
  if (existing) throw new AwsError('FileSystemAlreadyExists', `File system '${existing.FileSystemId}' already exists with creation token '${token}'`)
  const zone = input.AvailabilityZoneName
  const zoneId = zone === undefined ? undefined : Object.values(ctx.world.ec2.subnets).find((s) => s.AvailabilityZone === zone)?.AvailabilityZoneId
  if (zone !== undefined && zoneId === undefined) throw new AwsError('BadRequest', `Availability Zone '${zone}' is not valid.`) // unverified wording
  const id = ec2Id(ctx.rng, 'fs')
  const tags = input.Tags ?? []
  const name = tags.find((t) => t.Key === 'Name')?.Value
  const fs: FileSystem = {
    OwnerId: ctx.world.accountId,
    CreationToken: token,
    FileSystemId: id,
    FileSystemArn: arn({ service: 'elasticfilesystem', region: ctx.world.region, accountId: ctx.world.accountId, resource: `file-system/${id}` }),
    CreationTime: ctx.now(),
    LifeCycleState: INITIAL_EFS_STATE,
    ...(name !== undefined ? { Name: name } : {}),
    NumberOfMountTargets: 0,
    SizeInBytes: { Value: 6144 },
    PerformanceMode: input.PerformanceMode ?? 'generalPurpose',
    Encrypted: input.Encrypted ?? false,
    ThroughputMode: input.ThroughputMode ?? 'bursting',
    ...(zone !== undefined && zoneId !== undefined ? { AvailabilityZoneName: zone, AvailabilityZoneId: zoneId } : {}),
    Tags: tags,
    FileSystemProtection: { ReplicationOverwriteProtection: 'ENABLED' },
  }
  ctx.world.efs.fileSystems[id] = fs
  ctx.scheduler.schedule(ctx.now() + EFS_TIMINGS.fileSystemCreatingMs, 'efs.fileSystem.step', { fileSystemId: id, event: 'AVAILABLE' })
  ctx.log(id, { kind: 'resource.created', type: 'AWS::EFS::FileSystem', detail: zone ? `One Zone, in ${zone}` : 'Regional' })
  return fs
})

export const describeFileSystems = handler((ctx, input: { FileSystemId?: string; CreationToken?: string }) => {
  if (input.FileSystemId !== undefined) return { FileSystems: [fileSystemById(ctx, input.FileSystemId)] }
  const all = Object.values(ctx.world.efs.fileSystems)
  return { FileSystems: input.CreationToken === undefined ? all : all.filter((f) => f.CreationToken === input.CreationToken) }
})

/** DeleteFileSystem: refused while it has mount targets (seen: FileSystemInUse, 409). */
export const deleteFileSystem = handler((ctx, input: { FileSystemId: string }) => {
  const fs = fileSystemById(ctx, input.FileSystemId)
  if (Object.values(ctx.world.efs.mountTargets).some((m) => m.FileSystemId === fs.FileSystemId))
    throw new AwsError('FileSystemInUse', `The file system '${fs.FileSystemId}' cannot be deleted because it has mount targets. You must delete the mount targets, and then try again.`)
  if (!sendFileSystem(ctx, fs, 'DELETE')) throw new AwsError('IncorrectFileSystemLifeCycleState', `File system '${fs.FileSystemId}' is '${fs.LifeCycleState}'.`) // unverified wording
  ctx.scheduler.schedule(ctx.now() + EFS_TIMINGS.fileSystemDeletingMs, 'efs.fileSystem.step', { fileSystemId: fs.FileSystemId, event: 'DELETED' })
  return {}
})

function sendFileSystem(ctx: SimContext, fs: FileSystem, event: 'AVAILABLE' | 'DELETE' | 'DELETED'): boolean {
  const next = step(efsLifecycle, fs.LifeCycleState, { type: event })
  if (next === undefined) return false
  ctx.log(fs.FileSystemId, { kind: 'resource.status', type: 'AWS::EFS::FileSystem', attribute: 'State', from: fs.LifeCycleState, to: next })
  fs.LifeCycleState = next
  return true
}

/** Timer: a file system becomes available, or, deleted, leaves the account. */
export const fileSystemStep: TimerHandler = (ctx, payload) => {
  const fs = ctx.world.efs.fileSystems[String(payload.fileSystemId)]
  if (!fs || !sendFileSystem(ctx, fs, String(payload.event) as 'AVAILABLE')) return
  if (fs.LifeCycleState === 'deleted') delete ctx.world.efs.fileSystems[fs.FileSystemId]
}
