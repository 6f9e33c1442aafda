import { useEffect, useMemo, useRef, useState } from 'react'
import {
  addTime, applyEdit, closeLesson, course, evaluateLesson, goToStep, lessonProgress, markNow, openLesson, recordCompletion, resetLesson,
  showNextHint, type CourseProgress, type Lesson, type StepStatus,
} from '../../course/index.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'
import { useApp, useAppStoreApi } from '../state/context.tsx'
import { commandRecords } from './commands.ts'
import { defaultStorage, loadProgress, loadStepSnapshot, saveProgress, saveStepSnapshot } from './progressStorage.ts'

/** How often time spent is added (wall time; only while the page is visible and a lesson is open). */
export const TIME_TICK_MS = 5000

export interface CourseState {
  lessons: Lesson[]
  progress: CourseProgress
  lesson?: Lesson
  statuses: StepStatus[]
  ready: boolean
  message?: string
  open(lessonId: string): void
  close(): void
  goTo(index: number): void
  nextHint(stepId: string): void
  paste(text: string): void
  runSolution(stepId: string): void
  resetStep(): void
  restartLesson(): void
}

/**
 * The lesson panel's state: the course, the learner's progress (persisted under its own versioned key), and
 * every step's goal evaluated again whenever the store publishes a new world or console entry — after any
 * command, file save or clock tick that changed something.
 */
export function useCourse(storage: KeyValueStorage | undefined = defaultStorage()): CourseState {
  const store = useAppStoreApi()
  const world = useApp((s) => s.world)
  const log = useApp((s) => s.log)
  const revision = useApp((s) => s.revision)
  const status = useApp((s) => s.status)
  const { lessons } = course()
  const [progress, setProgress] = useState<CourseProgress>(() => loadProgress(storage))
  const [message, setMessage] = useState<string>()
  const stepSnapshot = useRef(loadStepSnapshot(storage))
  const lesson = lessons.find((l) => l.id === progress.currentLesson)
  const commands = useMemo(() => commandRecords(log), [log])

  const statuses = useMemo(() => {
    if (!lesson || !world) return []
    // `revision` changes with every file save too; files are read through the store.
    void revision
    const files = { read: (path: string) => store.getState().readFile(path) }
    return evaluateLesson(lesson, lessonProgress(progress, lesson.id), { world, files, commands })
  }, [lesson, world, revision, commands, progress, store])

  // Latch newly met steps while rendering (React's "adjust state when inputs change"); recordCompletion returns
  // the same object when nothing is new, so this settles after one extra render.
  if (lesson && statuses.length) {
    const latched = recordCompletion(progress, lesson, statuses)
    if (latched !== progress) setProgress(latched)
  }

  useEffect(() => saveProgress(storage, progress), [storage, progress])

  useEffect(() => {
    if (!lesson) return
    const timer = setInterval(() => {
      if (typeof document === 'undefined' || document.visibilityState !== 'hidden') setProgress((p) => addTime(p, lesson.id, TIME_TICK_MS))
    }, TIME_TICK_MS)
    return () => clearInterval(timer)
  }, [lesson])

  const mark = () => {
    const s = store.getState()
    return markNow(commandRecords(s.log), s.sandbox?.world().log.nextId ?? 0)
  }

  const keepSnapshot = (l: Lesson, index: number) => {
    const sandbox = store.getState().sandbox
    const step = l.steps[index]
    if (!sandbox || !step) return
    stepSnapshot.current = { lessonId: l.id, stepId: step.id, snapshot: sandbox.snapshot() }
    saveStepSnapshot(storage, stepSnapshot.current)
  }

  const runLines = (lines: string[]) => {
    for (const line of lines) store.getState().run(line)
  }

  const open = (lessonId: string) => {
    const l = lessons.find((x) => x.id === lessonId)
    if (!l) return
    const fresh = !progress.lessons[l.id]
    // A prepared account: start from the default world, then the lesson's files and setup, typed visibly.
    if (fresh && (l.start.setup.length || Object.keys(l.start.files).length)) {
      store.getState().resetWorld()
      for (const [path, text] of Object.entries(l.start.files)) store.getState().saveFile(path, text)
      runLines(l.start.setup)
    }
    setMessage(undefined)
    setProgress((p) => openLesson(p, l, mark()))
    keepSnapshot(l, lessonProgress(progress, l.id).currentStep)
  }

  const goTo = (index: number) => {
    if (!lesson) return
    setMessage(undefined)
    setProgress((p) => goToStep(p, lesson, index, mark()))
    keepSnapshot(lesson, Math.max(0, Math.min(index, lesson.steps.length - 1)))
  }

  const runSolution = (stepId: string) => {
    const step = lesson?.steps.find((s) => s.id === stepId)
    if (!step) return
    setMessage(undefined)
    for (const item of step.solution) {
      const state = store.getState()
      if (item.kind === 'command') {
        state.run(item.line)
        continue
      }
      const vars = state.sandbox?.snapshot().shell.vars ?? {}
      const outcome = applyEdit(item, state.readFile(item.path), vars)
      if (!outcome.ok) {
        setMessage(`Could not edit ${item.path}: ${outcome.message}.`)
        return
      }
      state.saveFile(outcome.path, outcome.text)
    }
  }

  const resetStep = () => {
    const saved = stepSnapshot.current
    const step = lesson?.steps[lessonProgress(progress, lesson.id).currentStep]
    if (!lesson || !step || !saved || saved.lessonId !== lesson.id || saved.stepId !== step.id) {
      setMessage('There is no snapshot of this step to go back to: open the step again to take one.')
      return
    }
    if (store.getState().restoreSnapshot(saved.snapshot, 'Reset this step')) {
      setMessage(undefined)
      setProgress((p) => goToStep(p, lesson, lessonProgress(p, lesson.id).currentStep, mark()))
    }
  }

  return {
    lessons,
    progress,
    lesson,
    statuses,
    ready: status === 'ready',
    message,
    open,
    close: () => setProgress((p) => closeLesson(p)),
    goTo,
    nextHint: (stepId) => lesson && setProgress((p) => showNextHint(p, lesson, stepId)),
    paste: (text) => {
      store.getState().pasteIntoConsole(text)
      void navigator.clipboard?.writeText(text).catch(() => undefined)
    },
    runSolution,
    resetStep,
    restartLesson: () => {
      if (!lesson) return
      const id = lesson.id
      setProgress((p) => closeLesson(resetLesson(p, id)))
    },
  }
}
