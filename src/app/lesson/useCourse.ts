import { useEffect, useMemo, useRef, useState } from 'react'
import { addTime, course, lessonProgress, LessonRunner, type CourseProgress, type Lesson, type LessonSummary, type StepStatus } from '../../course/index.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'
import { useApp, useAppStoreApi } from '../state/context.tsx'
import { captureWorld, keepSaved, loadWorlds, planWorld, saveWorlds, startOf, type LessonWorlds, type WorldPlan } from './lessonWorlds.ts'
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
  /** Lessons whose world is the live one (the course map marks them as current). */
  worlds: LessonWorlds
  /** A lesson waiting for the learner to confirm the switch of worlds (the dialog is open). */
  pendingSwitch?: { lesson: Lesson; restoring: boolean }
  confirmSwitch(): void
  cancelSwitch(): void
  /** What the learner did in the open lesson (read when it is complete). */
  summary(): LessonSummary | undefined
  /** Opens a lesson: directly when it plays in the live world, else after asking (pendingSwitch). */
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
 * The lesson panel's state: a thin adapter over the course's LessonRunner (the same runner the headless tests use),
 * running on the app's sandbox. Progress lives in React state (persisted under its own versioned key); every step's
 * goal is evaluated again whenever the store publishes — after any command, file save, undo or clock tick that
 * changed something. Commands are read from the sandbox's input log, so `clear` does not undo a step.
 */
export function useCourse(storage: KeyValueStorage | undefined = defaultStorage()): CourseState {
  const store = useAppStoreApi()
  const revision = useApp((s) => s.revision)
  const world = useApp((s) => s.world)
  const status = useApp((s) => s.status)
  const { lessons } = course()
  const [progress, setProgress] = useState<CourseProgress>(() => loadProgress(storage))
  const [message, setMessage] = useState<string>()
  const stepSnapshot = useRef(loadStepSnapshot(storage))
  const [worlds, setWorlds] = useState<LessonWorlds>(() => loadWorlds(storage))
  const [pending, setPending] = useState<{ lesson: Lesson; plan: WorldPlan }>()
  const lesson = lessons.find((l) => l.id === progress.currentLesson)
  /** The course's lesson runner on the app's sandbox, from progress `p` (cheap: it holds no copy of anything). */
  const runnerOf = (l: Lesson, p: CourseProgress) => new LessonRunner(l, () => store.getState().sandbox, p)

  /** Runs `change` on a runner from the current progress, and keeps the progress it leaves. */
  const act = (change: (r: LessonRunner) => void, l: Lesson | undefined = lesson) => {
    if (!l) return
    setProgress((p) => {
      const r = runnerOf(l, p)
      change(r)
      return r.progress
    })
  }

  const statuses = useMemo(() => {
    if (!lesson || !world) return []
    // `revision` moves with every publication (file saves and undo included); the runner reads the sandbox itself.
    void revision
    return new LessonRunner(lesson, () => store.getState().sandbox, progress).statuses()
  }, [lesson, world, revision, progress, store])

  // Latch newly met steps while rendering (React's "adjust state when inputs change"); the runner keeps the same
  // progress object when nothing is new, so this settles after one extra render.
  if (lesson && statuses.length) {
    const latched = runnerOf(lesson, progress).latch(statuses)
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

  const keepSnapshot = (l: Lesson, index: number) => {
    const sandbox = store.getState().sandbox
    const step = l.steps[index]
    if (!sandbox || !step) return
    stepSnapshot.current = { lessonId: l.id, stepId: step.id, snapshot: sandbox.snapshot(), position: sandbox.position() }
    saveStepSnapshot(storage, stepSnapshot.current)
  }

  const runLines = (lines: string[]) => {
    for (const line of lines) store.getState().run(line)
  }

  /** Changes which lessons own which world, and stores it right away (a slot must not be lost to a closed tab). */
  const changeWorlds = (change: (w: LessonWorlds) => LessonWorlds) => {
    const next = change(worlds)
    setWorlds(next)
    return saveWorlds(storage, next)
  }

  /** Opens `l` after putting the right world in place (the plan was confirmed when it replaces the live world). */
  const enter = (l: Lesson, plan: WorldPlan) => {
    const state = store.getState()
    let freshStart = false
    let stored = true
    if (plan.kind === 'restore' || plan.kind === 'fresh') {
      const kept = state.sandbox && (plan.kind === 'restore' || plan.keep) ? captureWorld(state.sandbox, worlds.current) : undefined
      if (plan.kind === 'restore') {
        const { saved } = plan
        let snapshot
        try {
          snapshot = JSON.parse(saved.checkpoint)
        } catch {
          snapshot = undefined
        }
        if (!snapshot || !state.restoreSnapshot(snapshot, `Back to ${l.title}`, { inputs: saved.inputs, inputOffset: saved.inputOffset })) {
          setMessage(`The saved world of ${l.title} could not be resumed.`)
          return
        }
        stored = changeWorlds((w) => ({ ...w, current: { lessons: saved.lessons, start: saved.start }, saved: keepSaved(w, kept, saved) }))
      } else {
        // A start state of its own: the default world, then the lesson's files and setup, typed visibly.
        state.resetWorld()
        for (const [path, text] of Object.entries(l.start.files)) store.getState().saveFile(path, text)
        runLines(l.start.setup)
        freshStart = true
        stored = changeWorlds((w) => ({ ...w, current: { lessons: [l.id], start: startOf(l) }, saved: keepSaved(w, kept) }))
      }
    } else if (plan.join) {
      stored = changeWorlds((w) => ({ ...w, current: { ...w.current, lessons: [...w.current.lessons, l.id] } }))
    }
    setMessage(stored ? undefined : 'The browser’s storage is full: saved lesson worlds last until this page is closed.')
    // A lesson started in a fresh world starts over: completions from another world would not be true in this one.
    act((r) => {
      if (freshStart) r.restart()
      r.open()
    }, l)
    keepSnapshot(l, freshStart ? 0 : lessonProgress(progress, l.id).currentStep)
  }

  // A share link or an imported session asks for its lesson and step: the world it brought belongs to that lesson.
  // Handled from a store subscription (an event, not an effect of rendering), through a ref to this render's helpers.
  const openRequested = (request: { lessonId: string; step: number }) => {
    const l = lessons.find((x) => x.id === request.lessonId)
    if (!l) {
      store.getState().setOpenError(`The lesson "${request.lessonId}" is not in this version of the course; the world is open without it.`)
      return
    }
    const step = Math.max(0, Math.min(request.step, l.steps.length - 1))
    changeWorlds((w) => ({ ...w, current: { lessons: [l.id], start: startOf(l) }, saved: w.saved.filter((x) => !x.lessons.includes(l.id)) }))
    act((r) => {
      r.open()
      r.goTo(step)
    }, l)
    keepSnapshot(l, step)
  }
  const onRequest = useRef(openRequested)
  useEffect(() => {
    onRequest.current = openRequested
  })
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.lessonRequest && s.lessonRequest !== prev.lessonRequest) onRequest.current(s.lessonRequest)
        if (s.progressImport && s.progressImport !== prev.progressImport) setProgress(s.progressImport.progress)
      }),
    [store],
  )

  const open = (lessonId: string) => {
    const l = lessons.find((x) => x.id === lessonId)
    const sandbox = store.getState().sandbox
    if (!l || !sandbox) return
    const plan = planWorld(worlds, l, sandbox.history().inputs.length > 0)
    // Replacing the live world asks first (as "Reset world" does); nothing to keep, nothing to ask.
    if (plan.kind === 'restore' || (plan.kind === 'fresh' && plan.keep)) setPending({ lesson: l, plan })
    else enter(l, plan)
  }

  const goTo = (index: number) => {
    if (!lesson) return
    setMessage(undefined)
    act((r) => r.goTo(index))
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
      if (!lesson || !state.sandbox) return
      const outcome = runnerOf(lesson, progress).edit(item)
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
    if (store.getState().restoreSnapshot(saved.snapshot, 'Reset this step', saved.position === undefined ? undefined : { inputOffset: saved.position })) {
      setMessage(undefined)
      act((r) => r.goTo(r.currentStep()))
    }
  }

  return {
    lessons,
    progress,
    lesson,
    statuses,
    ready: status === 'ready',
    message,
    worlds,
    ...(pending ? { pendingSwitch: { lesson: pending.lesson, restoring: pending.plan.kind === 'restore' } } : {}),
    confirmSwitch: () => {
      if (!pending) return
      setPending(undefined)
      enter(pending.lesson, pending.plan)
    },
    cancelSwitch: () => setPending(undefined),
    summary: () => (lesson ? runnerOf(lesson, progress).summary() : undefined),
    open,
    close: () => act((r) => r.close()),
    goTo,
    nextHint: (stepId) => act((r) => r.nextHint(stepId)),
    paste: (text) => {
      store.getState().pasteIntoConsole(text)
      void navigator.clipboard?.writeText(text).catch(() => undefined)
    },
    runSolution,
    resetStep,
    restartLesson: () => {
      // Started again, a lesson with a start state of its own gets a fresh one (it no longer owns the live world).
      if (lesson && startOf(lesson) !== 'default') changeWorlds((w) => ({ ...w, current: { ...w.current, lessons: w.current.lessons.filter((id) => id !== lesson.id) } }))
      act((r) => r.restart())
    },
  }
}

