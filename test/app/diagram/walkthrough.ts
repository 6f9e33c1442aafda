import { course } from '../../../src/course/index.ts'
import { LessonSession } from '../../../src/course/session.ts'
import type { World } from '../../../src/sim/world.ts'

/** A session that played the Fargate walkthrough's solution, step by step, as a learner would (no clock advance). */
export function fargateWalkthrough(options: { upToStep?: string } = {}): LessonSession {
  const lesson = course().lessons.find((l) => l.id === 'fargate-walkthrough')
  if (!lesson) throw new Error('no fargate-walkthrough lesson')
  const session = new LessonSession(lesson)
  for (const [index, step] of lesson.steps.entries()) {
    session.goTo(index)
    session.runSolution(step)
    if (step.id === options.upToStep) break
  }
  return session
}

/** The walkthrough's world once it has finished: two healthy tasks behind the ALB, after one curl. */
export const walkthroughWorld = (): World => structuredClone(fargateWalkthrough().sandbox.world())
