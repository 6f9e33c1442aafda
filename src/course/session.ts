import type { Sandbox, SandboxOptions } from '../sandbox/index.ts'
import { createSandbox } from '../sandbox/index.ts'
import type { CommandRecord, GoalResult } from './goals/types.ts'
import type { Lesson, Step } from './lessons/types.ts'
import { LessonRunner } from './runner.ts'

/**
 * A lesson played headlessly on a sandbox of its own: the start scenario, then commands as the learner would type
 * them, with progress updated after every change. Tests replay solutions with it (lessons/README.md, "Testing a
 * lesson"). Everything about goals and progress is the LessonRunner's, which the app's lesson panel uses too.
 */
export class LessonSession extends LessonRunner {
  constructor(lesson: Lesson, options: SandboxOptions = {}) {
    const sandbox = createSandbox(options)
    super(lesson, sandbox)
    const problems = applyStartScenario(sandbox, lesson)
    if (problems.length) throw new Error(`${lesson.file}: the start scenario failed:\n${problems.join('\n')}`)
    this.open()
  }

  /** Runs a line as the learner would; returns its record in the input log. */
  exec(line: string): CommandRecord {
    this.sandbox.exec(line)
    this.update()
    return this.commands().at(-1) as CommandRecord
  }

  advance(ms: number): void {
    this.sandbox.advance(ms)
    this.update()
  }

  /** Runs one step's solution, in order; throws when an edit cannot be applied. Returns the commands' records. */
  runSolution(step: Step): CommandRecord[] {
    const records: CommandRecord[] = []
    for (const item of step.solution) {
      if (item.kind === 'command') records.push(this.exec(item.line))
      else {
        const outcome = this.edit(item)
        if (!outcome.ok) throw new Error(`${this.lesson.file}:${item.sourceLine}: ${outcome.message}`)
        this.sandbox.files.write(outcome.path, outcome.text)
        this.update()
      }
    }
    return records
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
