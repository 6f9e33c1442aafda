import { describe, expect, it } from 'vitest'
import { course, LessonRunner, type Lesson } from '../../src/course/index.ts'
import { createSandbox } from '../../src/sandbox/index.ts'

const lesson = (id: string): Lesson => {
  const found = course().lessons.find((l) => l.id === id)
  if (!found) throw new Error(`no lesson ${id}`)
  return found
}

describe('a lesson run over the app’s sandbox reads what was run from its input log', () => {
  const l2 = lesson('fargate-walkthrough')
  const stepWith = (text: string) => l2.steps.findIndex((s) => JSON.stringify(s.goal).includes(text))
  const at = stepWith('describe-subnets')

  it('a step that asks for a command stays met after `clear` wipes the screen', () => {
    const sandbox = createSandbox()
    const runner = new LessonRunner(l2, () => sandbox)
    runner.open()
    runner.goTo(at)
    sandbox.exec("aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text")
    sandbox.exec("aws ec2 describe-security-groups --group-names web --query 'SecurityGroups[0].GroupId' --output text")
    sandbox.exec('clear')
    expect(runner.goal(l2.steps[at].id)).toMatchObject({ met: true })
  })

  it('commands run before the step was opened do not count for it, and an undone command no longer counts', () => {
    const sandbox = createSandbox()
    const runner = new LessonRunner(l2, () => sandbox)
    runner.open()
    sandbox.exec('aws ec2 describe-subnets')
    runner.goTo(at)
    sandbox.exec('aws ec2 describe-security-groups')
    expect(runner.goal(l2.steps[at].id)).toMatchObject({ met: false })
    const before = sandbox.position()
    sandbox.exec('aws ec2 describe-subnets')
    expect(runner.goal(l2.steps[at].id)).toMatchObject({ met: true })
    sandbox.rewind(before)
    expect(runner.goal(l2.steps[at].id)).toMatchObject({ met: false })
  })
})

describe('a lesson started in a world it keeps', () => {
  const l2 = lesson('fargate-walkthrough')
  const clusterStep = l2.steps.findIndex((s) => s.goal.kind === 'cluster' || JSON.stringify(s.goal).includes('"kind":"cluster"'))

  it('does not tick a step met only by what was done before the lesson started', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name fargate-cluster')
    const runner = new LessonRunner(l2, () => sandbox)
    runner.open()
    const status = runner.update()[clusterStep]
    expect(status.result.met).toBe(true)
    expect(status).toMatchObject({ completed: false, metBeforeLesson: true })
    expect(runner.completed()).not.toContain(l2.steps[clusterStep].id)
    // Something that works, in another step, does not count for it either.
    sandbox.exec('aws ec2 describe-subnets')
    expect(runner.update()[clusterStep].completed).toBe(false)
    // Opened, and the step's own command run: now it counts.
    runner.goTo(clusterStep)
    sandbox.exec('aws ecs create-cluster --cluster-name fargate-cluster')
    expect(runner.update()[clusterStep].completed).toBe(true)
    expect(runner.completed()).toContain(l2.steps[clusterStep].id)
  })

  it('ticks a step met during the lesson as before', () => {
    const sandbox = createSandbox()
    const runner = new LessonRunner(l2, () => sandbox)
    runner.open()
    sandbox.exec('aws ecs create-cluster --cluster-name fargate-cluster')
    expect(runner.update()[clusterStep].completed).toBe(true)
  })

  it('sums up the lesson from its start: commands, resources created, virtual time', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name before')
    const runner = new LessonRunner(l2, () => sandbox)
    runner.open()
    sandbox.exec('aws ecs create-cluster --cluster-name fargate-cluster')
    sandbox.exec('aws ecs nope')
    sandbox.advance(120_000)
    expect(runner.summary()).toEqual({ commands: 2, failedCommands: 1, created: [{ kind: 'cluster', count: 1 }], virtualMs: 120_000 })
  })
})
