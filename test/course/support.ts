import { createSandbox } from '../../src/sandbox/index.ts'
import { course, type Lesson } from '../../src/course/index.ts'
import { LessonSession } from '../../src/course/session.ts'

/** What the simulator cannot do yet for a lesson (stderr lines of its commands), found by running its whole solution once. */
export function missingFromSimulator(lesson: Lesson): string[] {
  const sandbox = createSandbox()
  const missing = new Set<string>()
  const notice = (line: string, stderr: string) => {
    if (/not simulated yet|does not simulate/.test(stderr)) missing.add(stderr.split('\n').find((l) => /simulat/.test(l))?.trim() ?? line)
    const notFound = /bash: (\S+): command not found/.exec(stderr)
    if (notFound && ['curl', 'docker', 'aws'].includes(notFound[1])) missing.add(`${notFound[1]}: command not found`)
  }
  for (const [path, text] of Object.entries(lesson.start.files)) sandbox.files.write(path, text)
  for (const line of lesson.start.setup) notice(line, sandbox.exec(line).stderr)
  for (const step of lesson.steps) {
    for (const item of step.solution) if (item.kind === 'command') notice(item.line, sandbox.exec(item.line).stderr)
  }
  return [...missing]
}

/** A lesson of the course by id. */
export const lesson = (id: string): Lesson => {
  const found = course().lessons.find((l) => l.id === id)
  if (!found) throw new Error(`no lesson ${id}`)
  return found
}

/** Where a step is in its lesson. */
export const stepIndex = (l: Lesson, stepId: string) => l.steps.findIndex((s) => s.id === stepId)

/** Plays the lesson's solutions up to (not including) `stepId`, then opens that step. */
export function upTo(l: Lesson, stepId: string): LessonSession {
  const session = new LessonSession(l)
  for (const step of l.steps.slice(0, stepIndex(l, stepId))) session.runSolution(step)
  session.goTo(stepIndex(l, stepId))
  return session
}
