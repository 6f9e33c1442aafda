import { evaluateGoal } from '../goals/evaluate.ts'
import type { CommandRecord, GoalContext, GoalResult, Mark } from '../goals/types.ts'
import type { Lesson } from '../lessons/types.ts'

/**
 * A learner's progress through the course, as plain JSON (persisted by the app under a versioned key).
 * Steps are kept by id, so editing a lesson's text keeps progress. A step is completed the first time its
 * goal is met — in any order: every step's goal is checked after every change, not only the current one's.
 */
export const PROGRESS_VERSION = 1

export interface LessonProgress {
  currentStep: number
  /** Ids of steps whose goal has been met (kept even if the world changes afterwards). */
  completed: string[]
  /** Wall time with the lesson open, ms. */
  timeSpentMs: number
  /** How many hints of each step the learner has opened. */
  hintsShown: Record<string, number>
  /** Where each step was opened: commands and requests after it count for that step. */
  marks: Record<string, Mark>
  /** Where the lesson was started (for steps not opened yet). */
  startMark?: Mark
  /** Virtual time (epoch ms) when the lesson was started, for the completion summary. */
  startedAt?: number
  /**
   * Steps whose goal was already met when the lesson started (by what was done before it, in a world it kept).
   * They do not tick on arrival: only once the learner opens the step and runs a command that succeeds.
   */
  premet?: string[]
}

export interface CourseProgress {
  version: typeof PROGRESS_VERSION
  currentLesson?: string
  lessons: Record<string, LessonProgress>
}

export const emptyProgress = (): CourseProgress => ({ version: PROGRESS_VERSION, lessons: {} })

export const emptyLessonProgress = (): LessonProgress => ({ currentStep: 0, completed: [], timeSpentMs: 0, hintsShown: {}, marks: {} })

export const lessonProgress = (progress: CourseProgress, lessonId: string): LessonProgress => progress.lessons[lessonId] ?? emptyLessonProgress()

const update = (progress: CourseProgress, lessonId: string, change: (p: LessonProgress) => LessonProgress): CourseProgress => ({
  ...progress,
  lessons: { ...progress.lessons, [lessonId]: change(lessonProgress(progress, lessonId)) },
})

/** What is known when a lesson is started for the first time: the goals already met, and the virtual time. */
export interface Arrival {
  premet: string[]
  now: number
}

/** Opens a lesson (at its current step); the first time, `mark` is where it starts (and `arrival` what was found). */
export function openLesson(progress: CourseProgress, lesson: Lesson, mark: Mark, arrival?: Arrival): CourseProgress {
  const next = update(progress, lesson.id, (p) => {
    const step = lesson.steps[Math.min(p.currentStep, lesson.steps.length - 1)]
    const first = !p.startMark && arrival ? { startedAt: arrival.now, ...(arrival.premet.length ? { premet: arrival.premet } : {}) } : {}
    return {
      ...p,
      ...first,
      startMark: p.startMark ?? mark,
      marks: step && !p.marks[step.id] ? { ...p.marks, [step.id]: mark } : p.marks,
    }
  })
  return { ...next, currentLesson: lesson.id }
}

/** Back to the course map. */
export const closeLesson = (progress: CourseProgress): CourseProgress => {
  const { currentLesson: _, ...rest } = progress
  return rest
}

/** Moves to step `index` (clamped) and records where it was opened. */
export function goToStep(progress: CourseProgress, lesson: Lesson, index: number, mark: Mark): CourseProgress {
  const at = Math.max(0, Math.min(index, lesson.steps.length - 1))
  return update(progress, lesson.id, (p) => ({ ...p, currentStep: at, marks: { ...p.marks, [lesson.steps[at].id]: mark } }))
}

export const showNextHint = (progress: CourseProgress, lesson: Lesson, stepId: string): CourseProgress =>
  update(progress, lesson.id, (p) => {
    const step = lesson.steps.find((s) => s.id === stepId)
    const shown = Math.min((p.hintsShown[stepId] ?? 0) + 1, step?.hints.length ?? 0)
    return { ...p, hintsShown: { ...p.hintsShown, [stepId]: shown } }
  })

export const addTime = (progress: CourseProgress, lessonId: string, ms: number): CourseProgress =>
  ms > 0 ? update(progress, lessonId, (p) => ({ ...p, timeSpentMs: p.timeSpentMs + ms })) : progress

/** Forgets one lesson's progress (start over). */
export const resetLesson = (progress: CourseProgress, lessonId: string): CourseProgress => {
  const { [lessonId]: _, ...lessons } = progress.lessons
  return { ...progress, lessons }
}

export interface StepStatus {
  stepId: string
  /** The goal checked against the world as it is now. */
  result: GoalResult
  /** Completed before (completion is kept), or met now by something done in this lesson. */
  completed: boolean
  /** Met now, but only by what was done before the lesson started: it does not count (yet). */
  metBeforeLesson?: boolean
}

/** What goals see of the sandbox; `since` is filled per step. */
export type Observation = Omit<GoalContext, 'since'>

/** Evaluates every step's goal, each from its own mark (opened steps) or the lesson's start. */
export function evaluateLesson(lesson: Lesson, progress: LessonProgress, observed: Observation): StepStatus[] {
  return lesson.steps.map((step) => {
    const since = progress.marks[step.id] ?? progress.startMark
    const result = evaluateGoal(step.goal, since ? { ...observed, since } : observed)
    const own = progress.marks[step.id]
    // A goal met on arrival counts once the learner has opened the step and done something that worked.
    const stale = result.met && (progress.premet ?? []).includes(step.id) && !(own && observed.commands.some((c) => c.seq > own.command && c.exitCode === 0 && c.line.trim()))
    const latched = progress.completed.includes(step.id)
    return { stepId: step.id, result, completed: latched || (result.met && !stale), ...(stale ? { metBeforeLesson: true } : {}) }
  })
}

/** Latches steps whose goal is met now. Returns the same object when nothing new was completed. */
export function recordCompletion(progress: CourseProgress, lesson: Lesson, statuses: StepStatus[]): CourseProgress {
  const p = lessonProgress(progress, lesson.id)
  const fresh = statuses.filter((s) => s.result.met && !s.metBeforeLesson && !p.completed.includes(s.stepId)).map((s) => s.stepId)
  if (fresh.length === 0) return progress
  // Kept in lesson order, so the course map can count them and a reader sees them in order.
  const done = new Set([...p.completed, ...fresh])
  return update(progress, lesson.id, (q) => ({ ...q, completed: lesson.steps.map((s) => s.id).filter((id) => done.has(id)) }))
}

export const isLessonComplete = (lesson: Lesson, p: LessonProgress): boolean => lesson.steps.every((s) => p.completed.includes(s.id))

/** Where a step starts now: after the newest recorded command and the newest log entry. */
export const markNow = (commands: readonly CommandRecord[], logNextId: number): Mark => ({ command: commands.at(-1)?.seq ?? 0, log: logNextId })

/**
 * Reads stored progress (any version this code knows), or undefined when it cannot; never throws.
 * To change the shape: bump PROGRESS_VERSION and add a step here that upgrades the older document.
 */
export function readProgress(raw: string | null | undefined): CourseProgress | undefined {
  if (!raw) return undefined
  let doc: unknown
  try {
    doc = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!doc || typeof doc !== 'object' || (doc as { version?: unknown }).version !== PROGRESS_VERSION) return undefined
  const d = doc as Partial<CourseProgress>
  const lessons: Record<string, LessonProgress> = {}
  for (const [id, value] of Object.entries(d.lessons ?? {})) {
    if (!value || typeof value !== 'object') continue
    const v = value as Partial<LessonProgress>
    lessons[id] = {
      currentStep: Number.isInteger(v.currentStep) ? (v.currentStep as number) : 0,
      completed: Array.isArray(v.completed) ? v.completed.filter((s): s is string => typeof s === 'string') : [],
      timeSpentMs: typeof v.timeSpentMs === 'number' && v.timeSpentMs >= 0 ? v.timeSpentMs : 0,
      hintsShown: v.hintsShown && typeof v.hintsShown === 'object' ? v.hintsShown : {},
      marks: v.marks && typeof v.marks === 'object' ? v.marks : {},
      ...(v.startMark ? { startMark: v.startMark } : {}),
      ...(typeof v.startedAt === 'number' ? { startedAt: v.startedAt } : {}),
      ...(Array.isArray(v.premet) ? { premet: v.premet.filter((x): x is string => typeof x === 'string') } : {}),
    }
  }
  return { version: PROGRESS_VERSION, lessons, ...(typeof d.currentLesson === 'string' ? { currentLesson: d.currentLesson } : {}) }
}
