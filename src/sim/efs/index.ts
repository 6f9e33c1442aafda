import type { ServiceSim } from '../context.ts'
import { createFileSystem, deleteFileSystem, describeFileSystems, fileSystemStep } from './fileSystems.ts'
import { createMountTarget, deleteMountTarget, describeMountTargets, mountTargetStep } from './mountTargets.ts'

export type { EfsState } from './state.ts'
export { emptyEfsState } from './state.ts'
export type { FileSystem } from './fileSystems.ts'
export type { MountTarget } from './mountTargets.ts'

/** Amazon EFS as far as the course needs it: file systems and one mount target per Availability Zone. */
export const efs: ServiceSim = {
  operations: {
    CreateFileSystem: createFileSystem,
    DescribeFileSystems: describeFileSystems,
    DeleteFileSystem: deleteFileSystem,
    CreateMountTarget: createMountTarget,
    DescribeMountTargets: describeMountTargets,
    DeleteMountTarget: deleteMountTarget,
  },
  notes: {
    CreateFileSystem: 'no data is stored: the file system has no files, and SizeInBytes stays at an empty file system\'s 6 KiB.',
  },
  timers: { 'efs.fileSystem.step': fileSystemStep, 'efs.mountTarget.step': mountTargetStep },
}
