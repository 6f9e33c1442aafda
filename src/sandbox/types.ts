import type { RngState, SchedulerState } from '../sim/core/index.ts'
import type { World } from '../sim/world.ts'
import type { ShellState } from '../cli/index.ts'

/** What one shell input printed and how it ended, as a terminal would report it. */
export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
}

/** The learner's working folder: `file://` and `cat` read from here; the Files tab edits it. */
export interface WorkingFiles {
  read(path: string): string | undefined
  write(path: string, text: string): void
  list(): string[]
  remove(path: string): boolean
}

/**
 * Bumped whenever the snapshot's shape changes; older snapshots are upgraded on resume (migrations.ts), unknown ones
 * refused (the app offers a reset). 2: typed log entries and per-slice versions.
 */
export const SNAPSHOT_SCHEMA = 2

/**
 * Everything the sandbox is, as plain JSON: resuming from it and giving the same further inputs yields
 * byte-identical outputs, even when it was taken in the middle of a timed transition (timers are data
 * in `scheduler`, not closures).
 */
export interface SandboxSnapshot {
  schema: typeof SNAPSHOT_SCHEMA
  seed: number
  /** Virtual time, epoch ms. */
  now: number
  rng: RngState
  scheduler: SchedulerState
  world: World
  files: Record<string, string>
  shell: ShellState
}

export interface SandboxOptions {
  seed?: number
  region?: string
  accountId?: string
  snapshot?: SandboxSnapshot
}

export interface Sandbox {
  /** Runs one shell input (may hold several commands, `&&`, `$(...)`); never throws; atomic. */
  exec(line: string): ExecResult
  /** Moves the virtual clock forward; every due lifecycle step runs, in order. */
  advance(ms: number): void
  /** Virtual time in epoch ms. */
  now(): number
  readonly files: WorkingFiles
  snapshot(): SandboxSnapshot
  /** Called after every change (exec, advance, file write). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Read-only view of the live world for selectors (no copy; do not mutate). */
  world(): Readonly<World>
  /** Completion candidates for the text before the cursor; `from` is where the word being completed starts. */
  complete(line: string): { from: number; items: string[] }
  /** What the AWS CLI would reject in a line being typed (unknown service, operation, option), for squiggles. */
  diagnose(line: string): { from: number; to: number; message: string }[]
}
