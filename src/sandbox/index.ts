/** The headless API everything drives: the UI, lessons, quizzes and tests (../shared/DESIGN.md). */
export { createSandbox, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_SEED } from './createSandbox.ts'
export { HOME_DIR } from '../cli/index.ts'
export { SNAPSHOT_SCHEMA, type ExecResult, type Sandbox, type SandboxOptions, type SandboxSnapshot, type WorkingFiles } from './types.ts'
export type { LogEntry, LogEvent, LogEventKind, World } from '../sim/index.ts'
/** Loads the models' documentation for `aws … help` (lazily loaded chunks); without it help pages say it is loading. */
export { loadAllServiceDocs as loadHelpPages } from '../models/index.ts'
