import type { FileSystem } from './fileSystems.ts'
import type { MountTarget } from './mountTargets.ts'

/** Amazon EFS slice of the world: file systems and their mount targets, by ID, in the EFS API's shapes. */
export interface EfsState {
  fileSystems: Record<string, FileSystem>
  mountTargets: Record<string, MountTarget>
}

export const emptyEfsState = (): EfsState => ({ fileSystems: {}, mountTargets: {} })
