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
 * refused (the app offers a reset). 2: typed log entries and per-slice versions; 3: EC2 instances, launch
 * templates, key pairs, IAM instance profiles, the Docker engine's slice,
 * and CloudWatch Logs (`world.logs`); 4: the slices added since (migrations.ts, toSchema4).
 */
export const SNAPSHOT_SCHEMA = 4

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

/**
 * One input, as plain data (the input log, see README.md "The input log"). Replaying a log from the same start
 * reproduces every output and the snapshot byte for byte.
 */
export type InputRecord =
  /** A shell line and what it answered (kept so goals and verifiers can read it; a replay recomputes it). */
  | ({ kind: 'exec'; line: string } & ExecResult)
  /** The clock moved by each of these amounts in turn (consecutive moves share one record). */
  | { kind: 'advance'; ms: number[] }
  | { kind: 'write'; path: string; text: string }
  | { kind: 'remove'; path: string }

/** The whole state after the first `position` inputs, as the JSON text of a SandboxSnapshot (compact, immutable). */
export interface Checkpoint {
  position: number
  snapshot: string
}

/** The input log as it stands: `inputs[i]` is input number `offset + i`; `checkpoints[0]` is where the log starts. */
export interface SandboxHistory {
  offset: number
  inputs: readonly InputRecord[]
  checkpoints: readonly Checkpoint[]
}

/** When checkpoints are taken and how many are kept (defaults in inputLog.ts, with the figures behind them). */
export interface CheckpointPolicy {
  /** Work (about one command's replay each) after which a checkpoint is taken; 0 takes none by itself. */
  work?: number
  /** How many checkpoints are kept besides the first. */
  keep?: number
  /** How many log entries and scheduled timers count as one unit of work. */
  workPerChange?: number
  /** Work per MB of the newest checkpoint before the next is due (a larger world's checkpoints cost more). */
  workPerMegabyte?: number
}

export interface SandboxOptions {
  seed?: number
  region?: string
  accountId?: string
  snapshot?: SandboxSnapshot
  /** Replayed after the start (fresh from `seed`, or `snapshot`), recorded as if typed. */
  inputs?: readonly InputRecord[]
  /** Position of the first input (a session resumed from a checkpoint keeps counting from there). */
  inputOffset?: number
  checkpoints?: CheckpointPolicy
}

export interface Sandbox {
  /** Runs one shell input (may hold several commands, `&&`, `$(...)`); never throws; atomic. */
  exec(line: string): ExecResult
  /** Moves the virtual clock forward; every due lifecycle step runs, in order. */
  advance(ms: number): void
  /** Virtual time in epoch ms. */
  now(): number
  /** When the next scheduled event is due (epoch ms), or undefined when nothing is scheduled. */
  nextEventAt(): number | undefined
  /**
   * Moves the clock exactly to the next scheduled event and runs it (and any due at the same millisecond), recorded
   * as an ordinary clock move; false (and nothing recorded) when nothing is scheduled.
   */
  advanceToNextEvent(): boolean
  readonly files: WorkingFiles
  snapshot(): SandboxSnapshot
  /** The input log (every exec, advance, file write and remove, in order) and its checkpoints. Read-only. */
  history(): SandboxHistory
  /** Shorthand for `history().inputs`. */
  inputs(): readonly InputRecord[]
  /** Position after the newest input (`history().offset + inputs().length`). */
  position(): number
  /**
   * Puts the sandbox back to the state after input `position` (from the newest checkpoint at or before it, replaying
   * the inputs between) and forgets the inputs after it: undo, reset-to-step and a timeline's scrubbing.
   */
  rewind(position: number): void
  /**
   * Runs recorded inputs again, each kept as one record of its own exactly as `createSandbox({ inputs })` does (so
   * positions match the log they came from): a timeline moving forward over a log it already holds.
   */
  replayInputs(inputs: readonly InputRecord[]): void
  /** Keeps the current state as a checkpoint now (e.g. when the app is idle), so a later rewind replays less. */
  checkpoint(): void
  /** Called after every change (exec, advance, file write, rewind). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** Read-only view of the live world for selectors (no copy; do not mutate). */
  world(): Readonly<World>
  /** Completion candidates for the text before the cursor; `from` is where the word being completed starts. */
  complete(line: string): { from: number; items: string[] }
  /** What the AWS CLI would reject in a line being typed (unknown service, operation, option), for squiggles. */
  diagnose(line: string): { from: number; to: number; message: string }[]
}
