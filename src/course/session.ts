import type { Sandbox, SandboxOptions } from '../sandbox/index.ts'
import { createSandbox } from '../sandbox/index.ts'
import type { CommandRecord, GoalResult } from './goals/types.ts'
import { applyEdit } from './lessons/solution.ts'
import type { Lesson, Step } from './lessons/types.ts'
import {
  emptyProgress, evaluateLesson, goToStep, lessonProgress, markNow, openLesson, recordCompletion, type CourseProgress, type StepStatus,
} from './progress/progress.ts'

/**
 * A lesson played headlessly on a sandbox: the start scenario, commands recorded the way the console records
 * them, and progress updated after every change. Tests replay solutions with it (lessons/README.md,
 * "Testing a lesson"); it uses only the sandbox's public API.
 */
export class LessonSession {
  readonly lesson: Lesson
  readonly sandbox: Sandbox
  readonly commands: CommandRecord[] = []
  progress: CourseProgress = emptyProgress()
  private seq = 0

  constructor(lesson: Lesson, options: SandboxOptions = {}) {
    this.lesson = lesson
    this.sandbox = createSandbox(options)
    const problems = applyStartScenario(this.sandbox, lesson)
    if (problems.length) throw new Error(`${lesson.file}: the start scenario failed:\n${problems.join('\n')}`)
    this.progress = openLesson(this.progress, lesson, this.mark())
  }

  /** Runs a line as the learner would and records it; returns what it printed. */
  exec(line: string): CommandRecord {
    const result = this.sandbox.exec(line)
    const record = { seq: ++this.seq, line, ...result }
    this.commands.push(record)
    this.update()
    return record
  }

  advance(ms: number): void {
    this.sandbox.advance(ms)
    this.update()
  }

  /** Opens step `index` (as Next / Previous do). */
  goTo(index: number): void {
    this.progress = goToStep(this.progress, this.lesson, index, this.mark())
    this.update()
  }

  /** Runs one step's solution, in order; throws when an edit cannot be applied. Returns the commands' records. */
  runSolution(step: Step): CommandRecord[] {
    const records: CommandRecord[] = []
    for (const item of step.solution) {
      if (item.kind === 'command') records.push(this.exec(item.line))
      else {
        const outcome = applyEdit(item, this.sandbox.files.read(item.path), this.sandbox.snapshot().shell.vars)
        if (!outcome.ok) throw new Error(`${this.lesson.file}:${item.sourceLine}: ${outcome.message}`)
        this.sandbox.files.write(outcome.path, outcome.text)
        this.update()
      }
    }
    return records
  }

  statuses(): StepStatus[] {
    return evaluateLesson(this.lesson, lessonProgress(this.progress, this.lesson.id), this.observation())
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

  private observation() {
    return { world: this.sandbox.world(), files: this.sandbox.files, commands: this.commands }
  }

  private mark() {
    return markNow(this.commands, this.sandbox.world().log.nextId)
  }

  private update(): void {
    this.progress = recordCompletion(this.progress, this.lesson, this.statuses())
  }
}

/** Writes the lesson's starter files and runs its setup commands; returns the failures (empty when all ran). */
export function applyStartScenario(sandbox: Sandbox, lesson: Lesson): string[] {
  const problems: string[] = []
  for (const [path, text] of Object.entries(lesson.start.files)) sandbox.files.write(path, text)
  for (const line of lesson.start.setup) {
    const result = sandbox.exec(line)
    if (result.exitCode !== 0) problems.push(`$ ${line}\n${result.stderr.trim() || `exit code ${result.exitCode}`}`)
  }
  return problems
}

/** A goal result's unmet leaves, as "label: detail" lines (for test failure messages). */
export function unmetText(result: GoalResult, indent = ''): string {
  if (result.met) return ''
  if (result.children?.length) return result.children.map((c) => unmetText(c, indent)).filter(Boolean).join('\n')
  return `${indent}✗ ${result.label}${result.detail ? ` — ${result.detail}` : ''}`
}
