import { describe, expect, it } from 'vitest'
import { quizzesOrThrow, startQuestion, variant, type PracticalQuestion, type PredictQuestion, type Question } from '../../../src/course/quiz/index.ts'
import { gradePractical, readReveal, runItems } from '../../../src/course/quiz/grade.ts'

const quizzes = quizzesOrThrow()
const all: Question[] = quizzes.flatMap((q) => q.questions)
const practical = all.filter((q): q is PracticalQuestion => q.kind === 'practical')
const predict = all.filter((q): q is PredictQuestion => q.kind === 'predict')
const SEEDS = Array.from({ length: 20 }, (_, i) => (i * 2654435761 + 17) >>> 0)

describe('the question bank', () => {
  it('has at least 40 questions, 10 of them practical or predict-then-run, and the two ready quizzes', () => {
    expect(all.length).toBeGreaterThanOrEqual(40)
    expect(practical.length + predict.length).toBeGreaterThanOrEqual(10)
    expect(quizzes.map((q) => q.id).sort()).toEqual(['fargate-check', 'final-assessment'])
  })

  it('covers every topic of the course notes', () => {
    const concepts = new Set(all.flatMap((q) => q.concepts))
    for (const topic of ['fargate-vs-ec2', 'ecs-objects', 'network-modes', 'dynamic-host-ports', 'alb-path-routing', 'copy-on-write', 'bind-mounts-volumes', 'ebs-az', 'container-insights', 'logs-insights'])
      expect(concepts, topic).toContain(topic)
  })
})

describe.each([...practical, ...predict].map((q) => [q.id, q] as const))('sandbox question %s', (_, q) => {
  it('its start scenario runs without an error', () => {
    const v = variant(q, SEEDS[1])
    const w = startQuestion(v)
    const failed = w.sandbox.inputs().filter((i) => i.kind === 'exec' && i.exitCode !== 0)
    expect(failed).toEqual([])
  })
})

describe.each(practical.map((q) => [q.id, q] as const))('practical question %s', (_, q) => {
  it('its reference solution gets full marks in a fresh sandbox for 20 seeds', () => {
    for (const seed of SEEDS) {
      const v = variant(q, seed)
      const w = startQuestion(v)
      runItems(w.sandbox, v.solution)
      const grade = gradePractical(v, w.sandbox, w.since)
      expect(grade.feedback, `seed ${seed}`).toEqual([])
      expect(grade.earned).toBe(q.points)
    }
  })

  it('earns nothing before the learner does anything', () => {
    const v = variant(q, SEEDS[0])
    const w = startQuestion(v)
    expect(gradePractical(v, w.sandbox, w.since).earned).toBeLessThan(q.points)
  })

  it.runIf(q.mistake)('its typical mistake gets the partial marks the author set', () => {
    for (const seed of SEEDS.slice(0, 3)) {
      const v = variant(q, seed)
      const w = startQuestion(v)
      runItems(w.sandbox, v.mistake?.run ?? [])
      expect(gradePractical(v, w.sandbox, w.since).earned, `seed ${seed}`).toBe(q.mistake?.points)
    }
  })
})

describe.each(predict.map((q) => [q.id, q] as const))('predict question %s', (_, q) => {
  it('what the sandbox shows is one of the options to predict from, for 20 seeds', () => {
    for (const seed of SEEDS) {
      const v = variant(q, seed)
      const w = startQuestion(v)
      runItems(w.sandbox, v.run)
      const shown = readReveal(w.sandbox, v.reveal)
      expect(shown, `seed ${seed}`).not.toBe('')
      if (v.options.length) expect(v.options.map((o) => o.toLowerCase()), `seed ${seed}`).toContain(shown.toLowerCase())
    }
  })
})
