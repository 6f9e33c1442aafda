import type { Sandbox } from '../sandbox/types.ts'
import type { CommandRecord, GoalResult, Mark } from './goals/types.ts'
import { applyEdit, type EditOutcome } from './lessons/solution.ts'
import type { Lesson, SolutionItem } from './lessons/types.ts'
import { summarize, type LessonSummary } from './progress/summary.ts'
import {
  type Arrival,
  closeLesson, emptyProgress, evaluateLesson, goToStep, lessonProgress, openLesson, recordCompletion, resetLesson, showNextHint, type CourseProgress,
  type StepStatus,
} from './progress/progress.ts'

/** The sandbox a lesson runs on, or a way to find it now (the app's sandbox is replaced by "Reset world"). */
export type SandboxSource = Sandbox | (() => Sandbox | undefined)

/**
 * One lesson over a sandbox: where each step starts, every step's goal, and the learner's progress. The app's lesson
 * panel and the headless LessonSession (tests, solution replays) both run lessons through it, so a goal means the
 * same thing everywhere. Commands are read from the sandbox's input log (every `exec`, in order, with what it
 * answered), not from a console transcript: `clear` wipes the screen, not what was run.
 */
export class LessonRunner {
  readonly lesson: Lesson
  progress: CourseProgress
  private readonly source: () => Sandbox | undefined
  private cache?: { sandbox: Sandbox; position: number; last: unknown; commands: CommandRecord[] }

  constructor(lesson: Lesson, sandbox: SandboxSource, progress: CourseProgress = emptyProgress()) {
    this.lesson = lesson
    this.source = typeof sandbox === 'function' ? sandbox : () => sandbox
    this.progress = progress
  }

  get sandbox(): Sandbox {
    const sandbox = this.source()
    if (!sandbox) throw new Error(`${this.lesson.id}: there is no sandbox to run the lesson on yet`)
    return sandbox
  }

  /** The commands run so far, oldest first; `seq` is the input's position in the log (1-based), so marks compare to it. */
  commands(): CommandRecord[] {
    const sandbox = this.source()
    if (!sandbox) return []
    const { offset, inputs } = sandbox.history()
    const c = this.cache
    if (c && c.sandbox === sandbox && c.position === sandbox.position() && c.last === inputs.at(-1)) return c.commands
    const commands: CommandRecord[] = []
    inputs.forEach((input, i) => {
      if (input.kind === 'exec') commands.push({ seq: offset + i + 1, line: input.line, stdout: input.stdout, stderr: input.stderr, exitCode: input.exitCode })
    })
    this.cache = { sandbox, position: sandbox.position(), last: inputs.at(-1), commands }
    return commands
  }

  /** Where a step opened now starts: after every input so far and every event-log entry so far. */
  mark(): Mark {
    const sandbox = this.source()
    return sandbox ? { command: sandbox.position(), log: sandbox.world().log.nextId } : { command: 0, log: 0 }
  }

  /**
   * Opens the lesson at its current step. The first time, here is where it starts: goals already met now (by what
   * was done before, in a world the lesson kept) are noted, so they do not tick on arrival.
   */
  open(): void {
    const first = !lessonProgress(this.progress, this.lesson.id).startMark
    const mark = this.mark()
    const sandbox = this.source()
    let arrival: Arrival | undefined
    if (first && sandbox) {
      const p = { ...lessonProgress(this.progress, this.lesson.id), startMark: mark, completed: [], premet: [] }
      const observed = { world: sandbox.world(), files: sandbox.files, commands: this.commands() }
      arrival = { premet: evaluateLesson(this.lesson, p, observed).filter((s) => s.result.met).map((s) => s.stepId), now: sandbox.now() }
    }
    this.progress = openLesson(this.progress, this.lesson, mark, arrival)
  }

  /** What the learner did in this lesson, for the completion summary. */
  summary(): LessonSummary {
    const sandbox = this.source()
    const p = lessonProgress(this.progress, this.lesson.id)
    if (!sandbox) return { commands: 0, failedCommands: 0, created: [], virtualMs: 0 }
    return summarize(p, this.commands(), sandbox.world(), sandbox.now())
  }

  /** Opens step `index` (as Next / Previous do). */
  goTo(index: number): void {
    this.progress = goToStep(this.progress, this.lesson, index, this.mark())
    this.update()
  }

  /** Every step's goal as the sandbox stands now, each from its own mark. */
  statuses(): StepStatus[] {
    const sandbox = this.source()
    if (!sandbox) return []
    const observed = { world: sandbox.world(), files: sandbox.files, commands: this.commands() }
    return evaluateLesson(this.lesson, lessonProgress(this.progress, this.lesson.id), observed)
  }

  /** Latches the steps whose goal is met now (a completed step stays completed); returns the statuses it read. */
  update(): StepStatus[] {
    const statuses = this.statuses()
    this.latch(statuses)
    return statuses
  }

  /** Latches the met steps of statuses already read; the progress object stays the same when nothing is new. */
  latch(statuses: StepStatus[]): CourseProgress {
    this.progress = recordCompletion(this.progress, this.lesson, statuses)
    return this.progress
  }

  /** The step's goal as it stands now (from the step's own mark). */
  goal(stepId: string): GoalResult {
    const status = this.statuses().find((s) => s.stepId === stepId)
    if (!status) throw new Error(`no step ${stepId} in ${this.lesson.id}`)
    return status.result
  }

  completed(): string[] {
    return lessonProgress(this.progress, this.lesson.id).completed
  }

  currentStep(): number {
    return lessonProgress(this.progress, this.lesson.id).currentStep
  }

  nextHint(stepId: string): void {
    this.progress = showNextHint(this.progress, this.lesson, stepId)
  }

  /** Back to the course map. */
  close(): void {
    this.progress = closeLesson(this.progress)
  }

  /** Forgets this lesson's progress and goes back to the course map. */
  restart(): void {
    this.progress = closeLesson(resetLesson(this.progress, this.lesson.id))
  }

  /** What a solution's file edit makes of the file as it is now, with the shell's variables expanded. */
  edit(item: Extract<SolutionItem, { kind: 'edit' }>): EditOutcome {
    const sandbox = this.sandbox
    return applyEdit(item, sandbox.files.read(item.path), sandbox.snapshot().shell.vars)
  }
}
