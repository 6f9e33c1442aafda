import { createSandbox } from '../../src/sandbox/index.ts'
import type { Lesson } from '../../src/course/index.ts'

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
