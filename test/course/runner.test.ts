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
