import type { Sandbox, SandboxOptions } from '../../sandbox/types.ts'

/** What the app needs from `src/sandbox/index.ts`; loaded with one dynamic import (see boot.ts). */
export interface EngineModule {
  createSandbox(options?: SandboxOptions): Sandbox
  /** Loads the documentation `aws … help` shows (optional so test engines can leave it out). */
  loadHelpPages?: () => Promise<void>
}

/** `sandbox.complete()`: candidates for the word before the cursor (`from` = where that word starts). */
export interface Completion {
  from: number
  items: string[]
}

/** One line of the console transcript: what was typed and what the shell answered. */
export interface ConsoleEntry {
  id: number
  /** The command as typed; absent for output that outlived a `clear` (the screen was wiped above it). */
  input?: string
  stdout: string
  stderr: string
  exitCode: number
  /** Ctrl+C abandoned the line: shown as `$ line^C`, never run. */
  interrupted?: boolean
  /** Typed before the engine finished loading; runs as soon as it is ready. */
  pending?: boolean
  /** A note from the app itself (undo, reset), not shell output. */
  note?: boolean
  /** How far the virtual clock moved while the command ran (a waiter, a curl timeout); absent when it did not. */
  clockAdvancedMs?: number
}

export type RegionId = 'lesson' | 'diagram' | 'inspector' | 'console'
export type BottomTab = 'console' | 'files' | 'metrics' | 'logs'

export interface Layout {
  /** Pixel sizes of the resizable regions. */
  lessonWidth: number
  inspectorWidth: number
  diagramHeight: number
  collapsed: Record<RegionId, boolean>
  bottomTab: BottomTab
}

/** Slow motion (0.1×–0.5×) for showing a transition as it happens, up to 60× for waiting out a deployment. */
export const CLOCK_SPEEDS = [0.1, 0.25, 0.5, 1, 10, 60] as const
export type ClockSpeed = (typeof CLOCK_SPEEDS)[number]

export interface ClockState {
  playing: boolean
  speed: ClockSpeed
}

/** Shown when the stored state could not be restored; the app runs on a fresh world meanwhile. */
export interface Recovery {
  reason: string
  /** The stored text exactly as found, for "Export the unreadable state". */
  raw: string
  /** Where a copy of `raw` was kept (undefined if storage refused the copy). */
  backupKey?: string
}

/** What "Undo" takes back: `sandbox` rewinds to `position` in its input log (the sandbox a reset replaced, or the current one). */
export interface UndoStep {
  label: string
  sandbox: Sandbox
  position: number
}

/** Storage refused the last save for lack of space: the app says so and offers the state as a file. */
export interface StorageFull {
  /** Size of the document that did not fit, in characters. */
  bytes: number
}

/** Text waiting to be put on the console's command line (see AppActions.pasteIntoConsole). */
export interface ConsoleDraft {
  text: string
  id: number
}

export type EngineStatus = 'loading' | 'ready' | 'failed'

/** A line of the world's history the instructor can switch to: the main line, or a "what if" typed while scrubbed back. */
export interface Branch {
  id: number
  label: string
  sandbox: Sandbox
}

/** Where the timeline shows the world while scrubbed back: the state after input `position`, of `end` so far. */
export interface Scrub {
  position: number
  start: number
  end: number
}
