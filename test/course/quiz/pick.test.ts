import { describe, expect, it } from 'vitest'
import { parseQuiz, pickTargets, QuizAttempt, quizzesOrThrow, variant, verifyResult, type PickQuestion, type Quiz } from '../../../src/course/quiz/index.ts'
import { startQuestion } from '../../../src/course/quiz/start.ts'
import { serviceNamed, clusterNamed, tasksOfService, taskNetworkInterfaceId, taskSubnetId } from '../../../src/sandbox/views.ts'

const quizzes = quizzesOrThrow()
const final = quizzes.find((q) => q.id === 'final-assessment') as Quiz
const picks = final.questions.filter((q): q is PickQuestion => q.kind === 'pick')
const SEEDS = [1, 7, 42, 99, 2024]

describe('"click the part" questions', () => {
  it('the bank has at least two, each with exactly the resources its rule names as right, for several seeds', () => {
    expect(picks.length).toBeGreaterThanOrEqual(2)
    for (const q of picks)
      for (const seed of SEEDS) {
        const v = variant(q, seed)
        const { sandbox } = startQuestion(v)
        expect(pickTargets(sandbox.world(), v.answer), `${q.id} seed ${seed}`).toHaveLength(1)
      }
  })

  it('selecting the ENI of the named service’s task earns the point; its subnet or the other service’s ENI does not', () => {
    const q = picks.find((p) => p.id === 'pick-eni') as PickQuestion
    const attempt = new QuizAttempt(final, { learner: 'Ada', mode: 'practice', seed: 7 })
    const index = final.questions.indexOf(q)
    const v = attempt.questions[index] as PickQuestion & { values: Record<string, string> }
    const world = attempt.sandbox(index).world()
    const cluster = clusterNamed(world, 'shop')!
    const taskOf = (name: string) => tasksOfService(world, serviceNamed(world, cluster, name)!.serviceArn)[0]
    const own = taskOf(v.values.a)
    const other = taskOf(v.values.b)
    expect(attempt.answer(index, { kind: 'value', value: taskSubnetId(own)! }).earned).toBe(0)
    expect(attempt.answer(index, { kind: 'value', value: taskNetworkInterfaceId(other)! })).toMatchObject({ earned: 0, feedback: [`You selected ${taskNetworkInterfaceId(other)}.`] })
    const right = attempt.answer(index, { kind: 'value', value: taskNetworkInterfaceId(own)! })
    expect(right).toMatchObject({ earned: 1, correct: true, revealed: taskNetworkInterfaceId(own) })
  })

  it('the unhealthy target is the task whose target group checks a port nobody listens on; the healthy one earns nothing', () => {
    const q = picks.find((p) => p.id === 'pick-unhealthy-target') as PickQuestion
    const index = final.questions.indexOf(q)
    const attempt = new QuizAttempt(final, { learner: 'Grace', mode: 'exam', seed: 42 })
    const v = attempt.questions[index] as PickQuestion & { values: Record<string, string> }
    const world = attempt.sandbox(index).world()
    const cluster = clusterNamed(world, 'shop')!
    const taskOf = (name: string) => tasksOfService(world, serviceNamed(world, cluster, name)!.serviceArn)[0]
    const sick = Object.values(world.ecs.tasks).find((t) => t.group === 'family:web' && t.lastStatus === 'RUNNING')!
    expect(taskOf(v.values.a).taskArn).not.toBe(sick.taskArn)
    expect(pickTargets(world, v.answer)).toEqual([sick.taskArn])
    expect(pickTargets(world, { unhealthyTarget: { targetGroup: `${v.values.a}-tg` } })).toEqual([])
    expect(attempt.answer(index, { kind: 'value', value: sick.taskArn })).toMatchObject({ earned: 1, correct: true })
  })

  it('a submitted pick verifies by replay, earning the same point', () => {
    const index = final.questions.findIndex((q) => q.id === 'pick-eni')
    const attempt = new QuizAttempt(final, { learner: 'Ada', mode: 'exam', seed: 3 })
    const world = attempt.sandbox(index).world()
    const right = pickTargets(world, (attempt.questions[index] as PickQuestion).answer)[0]
    attempt.answer(index, { kind: 'value', value: right })
    const { code, score } = attempt.submit()
    expect(score).toBe(1)
    const verified = verifyResult(code, quizzes)
    expect(verified.problems).toEqual([])
    expect(verified.result?.grades[index]).toMatchObject({ earned: 1 })
  })

  it('the schema rejects a pick answer that is not one rule, naming the file and line', () => {
    const file = ['---', 'id: t', 'version: 1', 'title: T', 'summary: S', 'minutes: 5', 'review: true', 'examAttempts: 1', '---', '', '# T', '', '## Pick {#p}', '', 'Select it.', '', '```question', 'kind: pick', 'concepts: [alb]', 'answer:', '  ownerOf: { eni: x }', '```', ''].join('\n')
    const { problems } = parseQuiz(file, 'lessons/quizzes/t.md')
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'lessons/quizzes/t.md:20: answer is one rule: networkInterfaceOf: { … }, subnetOf: { … }, unhealthyTarget: { … }',
    ])
  })
})
