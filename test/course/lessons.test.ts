import { describe, expect, it } from 'vitest'
import { course, lessonsOrThrow } from '../../src/course/index.ts'
import { LessonSession, unmetText } from '../../src/course/session.ts'
import { missingFromSimulator } from './support.ts'

// Every lesson proves itself (../shared/DESIGN.md example 8): its solution, replayed step by step in a fresh
// sandbox, meets each step's goal in order, and no goal is met before its step's solution runs.

describe('the lesson files', () => {
  it('all parse and validate (a broken lesson is reported as file:line)', () => {
    expect(() => lessonsOrThrow()).not.toThrow()
    expect(course().lessons.map((l) => l.id)).toEqual(['containers-tasks-clusters', 'fargate-walkthrough', 'microservices-path-routing', 'copy-on-write', 'bind-mounts-volumes', 'ebs-availability-zones', 'ecs-on-ec2', 'network-modes', 'dynamic-host-ports', 'container-insights'])
  })
})

for (const lesson of course().lessons) {
  const missing = missingFromSimulator(lesson)
  const waiting = missing.length ? ` (skipped until the simulator has: ${missing.join('; ')})` : ''

  describe(`lesson ${lesson.file}`, () => {
    it.skipIf(missing.length > 0)(`its solution meets every step's goal, in order${waiting}`, () => {
      const session = new LessonSession(lesson)
      lesson.steps.forEach((step, index) => {
        session.goTo(index)
        expect(session.goal(step.id).met, `${lesson.file}:${step.line}: "${step.title}" is met before its solution ran`).toBe(false)
        const records = session.runSolution(step)
        const result = session.goal(step.id)
        const transcript = records.map((r) => `$ ${r.line}\n${r.stdout.slice(0, 400)}${r.stderr}(exit ${r.exitCode})`).join('\n')
        expect(result.met, `${lesson.file}:${step.line}: "${step.title}" is not met after its solution:\n${unmetText(result)}\n${transcript}`).toBe(true)
      })
      expect(session.completed()).toEqual(lesson.steps.map((s) => s.id))
    })
  })
}
