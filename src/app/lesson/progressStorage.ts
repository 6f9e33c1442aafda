import { emptyProgress, readProgress, type CourseProgress } from '../../course/index.ts'
import type { SandboxSnapshot } from '../../sandbox/types.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'

/** Lesson progress lives under its own versioned key, beside the sandbox's (../shared/DESIGN.md example 10). */
export const PROGRESS_KEY = 'container-sandbox:lessons:v1'
/** The world as it was when the current step was opened ("Reset this step"). */
export const STEP_SNAPSHOT_KEY = 'container-sandbox:lessons:v1:step-snapshot'

export interface StepSnapshot {
  lessonId: string
  stepId: string
  snapshot: SandboxSnapshot
  /** The input position the snapshot stands at (a restored world keeps counting from there, so marks still compare). */
  position?: number
}

export const defaultStorage = (): KeyValueStorage | undefined => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined
  } catch {
    return undefined
  }
}

export function loadProgress(storage: KeyValueStorage | undefined): CourseProgress {
  try {
    return readProgress(storage?.getItem(PROGRESS_KEY)) ?? emptyProgress()
  } catch {
    return emptyProgress()
  }
}

export function saveProgress(storage: KeyValueStorage | undefined, progress: CourseProgress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress))
  } catch {
    // Storage full or refused: progress still works for this visit.
  }
}

export function loadStepSnapshot(storage: KeyValueStorage | undefined): StepSnapshot | undefined {
  try {
    const raw = storage?.getItem(STEP_SNAPSHOT_KEY)
    const value = raw ? (JSON.parse(raw) as StepSnapshot) : undefined
    return value && typeof value.lessonId === 'string' && typeof value.stepId === 'string' && value.snapshot ? value : undefined
  } catch {
    return undefined
  }
}

export function saveStepSnapshot(storage: KeyValueStorage | undefined, value: StepSnapshot): void {
  try {
    storage?.setItem(STEP_SNAPSHOT_KEY, JSON.stringify(value))
  } catch {
    // Too big for the quota: "Reset this step" then works until the next reload.
  }
}
