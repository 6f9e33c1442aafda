/** The headless API everything drives: the UI, lessons, quizzes and tests (../shared/DESIGN.md). */
export { createSandbox, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_SEED, replay } from './createSandbox.ts'
export { DEFAULT_CHECKPOINT_POLICY } from './inputLog.ts'
export { HOME_DIR } from '../cli/index.ts'
export {
  SNAPSHOT_SCHEMA, type Checkpoint, type CheckpointPolicy, type ExecResult, type InputRecord, type Sandbox, type SandboxHistory, type SandboxOptions,
  type SandboxSnapshot, type WorkingFiles,
} from './types.ts'
export type { LogEntry, LogEvent, LogEventKind, World } from '../sim/index.ts'
/** The Docker engine's read models (the inspector's layer microscope): `containerStorage(sandbox.world(), sandbox.files, 'web')`. */
export { containerStorage, pathOrigin, type ContainerStorageView, type LayerView, type LayerFile, type MountView } from '../sim/docker/index.ts'
/** Loads the models' documentation for `aws … help` (lazily loaded chunks); without it help pages say it is loading. */
export { loadAllServiceDocs as loadHelpPages } from '../models/index.ts'
