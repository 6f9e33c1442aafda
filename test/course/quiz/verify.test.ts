import { describe, expect, it } from 'vitest'
import { decodeHeader, QuizAttempt, quizzesOrThrow, verifyResult, type Quiz } from '../../../src/course/quiz/index.ts'

const quizzes = quizzesOrThrow()
const check = quizzes.find((q) => q.id === 'fargate-check') as Quiz
const byId = (attempt: QuizAttempt, id: string) => attempt.questions.findIndex((q) => q.id === id)

/** A learner's attempt at the 10-minute check: some right, some wrong, the practical built by typing. */
function takeCheck(learner = 'Ada Lovelace'): { attempt: QuizAttempt; code: string; score: number } {
  const attempt = new QuizAttempt(check, { learner, mode: 'exam' })
  attempt.answer(byId(attempt, 'fargate-network-mode'), { kind: 'choice', picked: [0] })
  attempt.answer(byId(attempt, 'fargate-responsibilities'), { kind: 'choice', picked: [0, 2] })
  attempt.answer(byId(attempt, 'cpu-units'), { kind: 'value', value: '512' })
  attempt.answer(byId(attempt, 'service-word'), { kind: 'value', value: 'Service' })
  attempt.answer(byId(attempt, 'predict-no-awsvpc'), { kind: 'choice', picked: [1] })
  const practical = byId(attempt, 'practical-fargate-service')
  const q = attempt.questions[practical]
  const sandbox = attempt.sandbox(practical)
  sandbox.exec(`aws ecs create-cluster --cluster-name ${q.values.cluster}`)
  sandbox.exec('aws ecs list-clusters')
  sandbox.exec(`aws ecs create-service --cluster ${q.values.cluster} --service-name ${q.values.service} --task-definition web --desired-count ${q.values.count} --launch-type FARGATE --network-configuration file://task-networking.json`)
  sandbox.advance(16)
  sandbox.advance(30_000)
  sandbox.advance(90_000)
  sandbox.exec(`aws ecs describe-services --cluster ${q.values.cluster} --services ${q.values.service}`)
  const { code, score } = attempt.submit()
  return { attempt, code, score }
}

/** Replaces one character of the code's field `index` (1 = quiz id … 7 = checks) with another valid one. */
function changeField(code: string, index: number, at = 0): string {
  const parts = code.split('.')
  const field = parts[index]
  const pos = Math.min(at, field.length - 1)
  const alphabet = index === 4 || index === 2 ? '0123456789' : index === 3 ? '0123456789abcdefghijklmnopqrstuvwxyz' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const replacement = [...alphabet].find((c) => c !== field[pos]) as string
  parts[index] = field.slice(0, pos) + replacement + field.slice(pos + 1)
  return parts.join('.')
}

describe('a result code', () => {
  const { attempt, code, score } = takeCheck()

  it('verifies: the replay gives the score the learner was shown, per question and per concept', () => {
    const v = verifyResult(code, quizzes)
    expect(v.problems).toEqual([])
    expect(v.verified).toBe(true)
    expect(v.learner).toBe('Ada Lovelace')
    expect(v.result?.score).toBe(score)
    expect(v.result?.grades.map((g) => g.earned)).toEqual(attempt.questions.map((_, i) => attempt.grade(i).earned))
    expect(v.result?.byConcept.find((c) => c.concept === 'network-modes')).toBeDefined()
    expect(score).toBeGreaterThan(0)
    expect(score).toBeLessThan(v.result?.points ?? 0)
  })

  it('is short text', () => {
    expect(code).toMatch(/^CSQ1\.fargate-check\.1\.[0-9a-z]+\.\d+\.[\w-]+\.[\w-]+\.[0-9a-z]{26}$/)
    expect(code.length).toBeLessThan(600)
  })

  it('with a changed score fails, saying the score was changed', () => {
    for (const at of [0, 1, 5]) {
      const v = verifyResult(changeField(code, 4, at), quizzes)
      expect(v.verified).toBe(false)
      expect(v.problems.map((p) => p.part)).toContain('score')
      expect(v.problems.map((p) => p.message).join(' ')).toMatch(/score was changed/)
    }
  })

  it('with any byte of the log changed fails, saying the answers and log were changed', () => {
    const body = code.split('.')[6]
    for (let at = 0; at < body.length; at += Math.max(1, Math.floor(body.length / 25))) {
      const v = verifyResult(changeField(code, 6, at), quizzes)
      expect(v.verified, `byte ${at}`).toBe(false)
      expect(v.problems.map((p) => p.part), `byte ${at}`).toContain('answers and log')
    }
  })

  it('with a changed seed fails, saying the seed was changed', () => {
    const v = verifyResult(changeField(code, 3, 0), quizzes)
    expect(v.verified).toBe(false)
    expect(v.problems.map((p) => p.part)).toContain('seed')
  })

  it('with a changed quiz version fails, naming the version', () => {
    const v = verifyResult(changeField(code, 2, 0), quizzes)
    expect(v.verified).toBe(false)
    expect(v.problems.map((p) => p.message).join(' ')).toMatch(/version/)
    const newer = quizzes.map((q) => (q.id === 'fargate-check' ? { ...q, version: 2 } : q))
    const stale = verifyResult(code, newer)
    expect(stale.verified).toBe(false)
    expect(stale.problems[0].message).toMatch(/version 1 .*this app has version 2/)
  })

  it('forged with consistent checks still fails: the replay, not the code, decides the score', async () => {
    const { encodeResult } = await import('../../../src/course/quiz/code.ts')
    const { dictionaryFor } = await import('../../../src/course/quiz/dictionary.ts')
    const { decodeBody } = await import('../../../src/course/quiz/code.ts')
    const h = decodeHeader(code)
    const body = decodeBody(h.body, dictionaryFor(check, h.seed))
    const forge = (over: Partial<Parameters<typeof encodeResult>[0]>) =>
      encodeResult({ quizId: h.quizId, version: h.version, seed: h.seed, learner: h.learner, score: h.score, answers: body.answers, logs: body.logs, digest: h.digest, ...over }, dictionaryFor(check, over.seed ?? h.seed))

    const inflated = verifyResult(forge({ score: 99 }), quizzes)
    expect(inflated.verified).toBe(false)
    expect(inflated.problems.find((p) => p.part === 'score')?.message).toMatch(/claims 99 points; replaying the attempt gives/)

    const otherSeed = verifyResult(forge({ seed: h.seed ^ 1 }), quizzes)
    expect(otherSeed.verified).toBe(false)
    expect(otherSeed.problems.map((p) => p.message).join(' ')).toMatch(/seed or the log was changed/)

    const practical = Object.keys(body.logs)[0]
    const shorter = { ...body.logs, [practical]: body.logs[Number(practical)].slice(0, 2) }
    const cut = verifyResult(forge({ logs: shorter }), quizzes)
    expect(cut.verified).toBe(false)
    expect(cut.problems.map((p) => p.part)).toContain('replay')
  })

  it('that is not one, or cut off, says so', () => {
    expect(verifyResult('hello', quizzes).problems[0].message).toMatch(/not a result code/)
    expect(verifyResult(code.slice(0, code.length - 40), quizzes).verified).toBe(false)
  })
})

describe('variants', () => {
  it('are the same for the same learner and attempt, and differ across learners and attempts', () => {
    const a = new QuizAttempt(check, { learner: 'Grace', mode: 'exam' })
    const b = new QuizAttempt(check, { learner: 'Grace', mode: 'exam' })
    expect(b.questions.map((q) => q.values)).toEqual(a.questions.map((q) => q.values))
    expect(b.order).toEqual(a.order)
    const drawn = (learner: string, attempt = 1) => JSON.stringify(new QuizAttempt(check, { learner, mode: 'exam', attempt }).questions.map((q) => q.values))
    const others = new Set(['Grace', 'Linus', 'Margaret', 'Barbara', 'Edsger'].map((n) => drawn(n)))
    expect(others.size).toBeGreaterThan(3)
    expect(drawn('Grace', 2)).not.toBe(drawn('Grace', 1))
  })

  it('shuffle questions and options per seed in exam mode only', () => {
    const exam = Array.from({ length: 6 }, (_, i) => new QuizAttempt(check, { learner: `L${i}`, mode: 'exam' }).order.join())
    expect(new Set(exam).size).toBeGreaterThan(1)
    expect(new QuizAttempt(check, { learner: 'L1', mode: 'practice' }).order).toEqual(check.questions.map((_, i) => i))
  })

  it('exam mode allows one attempt per question; practice mode allows retries', () => {
    const exam = new QuizAttempt(check, { learner: 'Kay', mode: 'exam' })
    const i = byId(exam, 'fargate-network-mode')
    exam.answer(i, { kind: 'choice', picked: [1] })
    expect(() => exam.answer(i, { kind: 'choice', picked: [0] })).toThrow(/no attempts left/)
    const practice = new QuizAttempt(check, { learner: 'Kay', mode: 'practice' })
    expect(practice.answer(i, { kind: 'choice', picked: [1] }).correct).toBe(false)
    expect(practice.answer(i, { kind: 'choice', picked: [0] }).correct).toBe(true)
  })
})
