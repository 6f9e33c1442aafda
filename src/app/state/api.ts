import type { StoreApi } from 'zustand/vanilla'
import type { ExecResult, InputRecord, Sandbox, SandboxSnapshot } from '../../sandbox/types.ts'
import type { SharedSession } from '../share/shareLink.ts'
import type { CourseProgress } from '../../course/index.ts'
import type { PersistedState } from './persist/migrations.ts'
import type { World } from '../../sandbox/index.ts'
import type { SizeKey } from '../layout/layoutModel.ts'
import type { KeyValueStorage } from './persist/storage.ts'
import type {
  BottomTab, Branch, Scrub, ClockState, ClockSpeed, Completion, ConsoleDraft, ConsoleEntry, EngineModule, EngineStatus, Layout, Recovery, RegionId, StorageFull, UndoStep,
} from './types.ts'

/**
 * The store's surface: its limits, what it depends on, the state panels select from and the actions they call.
 * The implementation is store.ts.
 */
/** The `clear` built-in prints this; the console wipes everything above it. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J'
export const LOG_LIMIT = 3000
export const HISTORY_LIMIT = 500
export const UNDO_LIMIT = 50
/** One clock step never covers more than this much wall time, so a background tab does not jump hours. */
export const MAX_WALL_STEP_MS = 1000

export interface AppDeps {
  /** Loads `src/sandbox/index.ts` (one dynamic import in production, see boot.ts). */
  loadEngine: () => Promise<EngineModule>
  /** Where the whole state is kept across reloads; undefined keeps nothing. */
  storage?: KeyValueStorage
  /** Seed of a fresh world (first start and "Reset world"). */
  seed?: number
  /** Delay of the localStorage write after a change (at most one write per delay, even while the clock plays). */
  persistDelayMs?: number
}

export interface AppState {
  status: EngineStatus
  engineError?: string
  /** The live engine. Read it through actions; the UI renders `world`, `now` and `files`. */
  sandbox?: Sandbox
  /**
   * An immutable copy of the sandbox's world, republished after every command, file save and every clock step that
   * changed something (the event log grew). Unchanged parts keep their objects from the previous publication and
   * changed ones (with their parents) are new (projection.ts), so memoised readers compare by identity.
   */
  world?: Readonly<World>
  /** Virtual time (epoch ms) of the sandbox's clock, updated on every step. */
  now: number
  /** `sandbox.files.list()` as of the last publication. */
  files: string[]
  /** Increases with every publication of `world`/`files` (file editors use it to reread contents). */
  revision: number
  log: ConsoleEntry[]
  history: string[]
  selectedId?: string
  /** The task the Metrics tab charts instead of the cluster's services ("Open its metrics" in the inspector). */
  metricsTask?: string
  layout: Layout
  clock: ClockState
  undoStack: UndoStep[]
  recovery?: Recovery
  /** Set when the browser's storage is full and the last save failed (cleared when a save succeeds again). */
  storageFull?: StorageFull
  /** Text a panel asked to put on the command line (lesson "Paste into console"); `id` grows with each request. */
  consoleDraft?: ConsoleDraft
  /** A lesson and step to open, asked for by a share link or an imported session (the lesson panel acts on it); `id` grows. */
  lessonRequest?: { lessonId: string; step: number; id: number }
  /** Set while the timeline shows an earlier moment (the views show that world; typing there starts a branch). */
  scrub?: Scrub
  /** The lines of history (empty until the first "what if"); `activeBranch` is the one shown. */
  branches: Branch[]
  activeBranch: number
  /** Course progress brought in by an imported file (the lesson panel takes it over); `id` grows. */
  progressImport?: { progress: CourseProgress; id: number }
  /** Why a share link or an imported file could not be opened (shown until dismissed). */
  openError?: string
}

export interface AppActions {
  /** Restores the stored state, loads the engine and runs commands typed meanwhile. Call once. */
  start(): Promise<void>
  /** Runs one shell input (undoable) and appends it to the log. Before the engine is ready, queues it. */
  run(line: string): ExecResult | undefined
  /** Ctrl+C: the line is shown with `^C` and never runs. */
  interrupt(line: string): void
  clearLog(): void
  complete(line: string): Completion
  select(id: string | undefined): void
  readFile(path: string): string | undefined
  /** Writes into the working folder (undoable). Returns false when the engine is not ready. */
  saveFile(path: string, text: string): boolean
  removeFile(path: string): boolean
  undo(): void
  resetWorld(): void
  setPlaying(playing: boolean): void
  setSpeed(speed: ClockSpeed): void
  /** Called by the animation-frame loop with the wall time since the last frame. */
  tick(wallDeltaMs: number): void
  /** Moves the virtual clock exactly to the next scheduled event (pauses the clock); false when nothing is scheduled. */
  stepToNextEvent(): boolean
  /** Steps event by event until the selected resource changes (or an hour of simulated time passes); notes the outcome. */
  runUntilSelectedChanges(): void
  setSize(key: SizeKey, value: number): void
  setCollapsed(region: RegionId, collapsed: boolean): void
  setBottomTab(tab: BottomTab): void
  /** Opens the Metrics tab on one task's CPU and memory; undefined goes back to the cluster's services. */
  openTaskMetrics(taskArn: string | undefined): void
  /** Recovery banner: start over on a fresh world and save over the unreadable value (the copy stays). */
  resetFromRecovery(): void
  dismissRecovery(): void
  /** Writes the pending state to storage now (also on page hide). */
  flushPersist(): void
  /** The whole state as the text storage keeps (for "Export" when storage is full); undefined before the engine is ready. */
  exportState(): string | undefined
  dismissStorageFull(): void
  /** Stops timers and listeners (tests). */
  dispose(): void
  /** Asks the console to show `text` on its command line, unrun (and switches to the Console tab). */
  pasteIntoConsole(text: string): void
  /**
   * Replaces the world with a snapshot (undoable), e.g. the lesson's "Reset this step". False if it cannot be resumed.
   * `resume`: the inputs since the snapshot to replay, and the input position the snapshot stands at (lesson marks
   * compare to positions, so a restored world keeps counting from where it was).
   */
  restoreSnapshot(snapshot: SandboxSnapshot, label: string, resume?: { inputs?: readonly InputRecord[]; inputOffset?: number }): boolean
  /**
   * The live world as a share link's session: the seed and every input when it started fresh, else its first
   * checkpoint and the inputs since. Undefined before the engine is ready.
   */
  sharedSession(lesson?: SharedSession['lesson']): SharedSession | undefined
  /** Replaces the world with a shared session's (undoable), shows its commands in the console, asks for its lesson. */
  openSession(session: SharedSession, label: string): boolean
  /** Shows (or with undefined, clears) why a link or file could not be opened. */
  setOpenError(message: string | undefined): void
  /** Replaces the world, console and its history with an exported session's (undoable); false if it cannot be resumed. */
  importSession(state: PersistedState, label: string): boolean
  /** Hands imported course progress to the lesson panel. */
  importProgress(progress: CourseProgress): void
  /** Shows the world as it was after input `position` (views only); at or past the newest input, returns to now. */
  scrubTo(position: number): void
  /** The sandbox of the line of history shown (the live one, also while the timeline shows an earlier moment). */
  liveSandbox(): Sandbox | undefined
  /** Leaves the timeline's earlier moment: the views show the live world again. */
  returnToNow(): void
  /** Shows another line of history (the main line or a "what if"), at its newest moment. */
  switchBranch(id: number): void
  /** Asks the lesson panel to open a lesson at a step. */
  requestLesson(lessonId: string, step: number): void
}

export type AppStore = StoreApi<AppState & AppActions>
