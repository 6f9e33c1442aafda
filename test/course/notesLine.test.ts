import { describe, expect, it } from 'vitest'
import { course, describeGoal, type Goal, type Lesson } from '../../src/course/index.ts'
import { LessonSession } from '../../src/course/session.ts'

const lesson = (id: string): Lesson => {
  const found = course().lessons.find((l) => l.id === id)
  if (!found) throw new Error(`no lesson ${id}`)
  return found
}

/** The walkthrough opened at the step with id `stepId`. */
function atStep(stepId: string) {
  const l2 = lesson('fargate-walkthrough')
  const index = l2.steps.findIndex((s) => s.id === stepId)
  const session = new LessonSession(l2)
  session.goTo(index)
  return { session, step: l2.steps[index] }
}

describe("a \"the notes' line fails\" step ticks only for the notes' own line", () => {
  it('another failing create-load-balancer does not tick it; the notes’ line does', () => {
    const { session, step } = atStep('notes-load-balancer')
    const mine = session.exec('aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets subnet-1 --secuirity-groups sg-1')
    expect(mine.exitCode).not.toBe(0)
    expect(session.goal(step.id).met).toBe(false)
    expect(session.completed()).not.toContain(step.id)
    session.runSolution(step)
    expect(session.goal(step.id).met).toBe(true)
    expect(session.completed()).toContain(step.id)
  })

  it('register-task-definition failing with ClientException for another reason does not tick the roles step', () => {
    const { session, step } = atStep('notes-roles')
    const other = session.exec(
      'aws ecs register-task-definition --family python-web-app --task-role-arn arn:aws:iam::123456789012:role/NoSuchRole --network-mode awsvpc --container-definitions file://fargate-container.json --cpu .5vCPU --memory 1GB --requires-compatibilities FARGATE',
    )
    expect(other.stderr).toContain('ClientException')
    expect(session.goal(step.id).met).toBe(false)
    session.runSolution(step)
    expect(session.goal(step.id).met).toBe(true)
  })

  it('the notes’ create-service lines tick their step, another failing create-service does not', () => {
    const { session, step } = atStep('notes-service')
    session.exec('aws ecs create-service --cluster fargate-cluster --service-name web --task-definition nope')
    expect(session.goal(step.id).met).toBe(false)
    session.runSolution(step)
    expect(session.goal(step.id).met).toBe(true)
  })

  it('words are whole words: a line ending in \\ joins the next without a space, as the shell does', () => {
    const { session, step } = atStep('notes-load-balancer')
    // "internate" only as part of a longer word does not count.
    session.exec('aws elbv2 create-load-balancer --name x --scheme internatefacing --ip-adress-type ipv4')
    expect(session.goal(step.id).met).toBe(false)
  })
})

describe('goals read as sentences', () => {
  const sentence = (goal: Goal) => describeGoal(goal)
  it.each([
    [{ kind: 'cluster', name: 'fargate-cluster', status: 'ACTIVE' }, 'The cluster fargate-cluster is ACTIVE'],
    [{ kind: 'cluster', name: 'demo' }, 'The cluster demo exists'],
    [{ kind: 'service', cluster: 'fargate-cluster', name: 'web', runningCount: 2 }, 'The service web in fargate-cluster has 2 running tasks'],
    [{ kind: 'task', cluster: 'demo', family: 'hello', lastStatus: 'RUNNING' }, 'At least 1 task of hello is RUNNING in demo'],
    [{ kind: 'targetGroup', name: 'users-tg', healthyTargets: 1 }, 'The target group users-tg has 1 healthy target'],
    [{ kind: 'loadBalancer', name: 'alb', type: 'application', scheme: 'internet-facing' }, 'The load balancer alb is an application load balancer and is internet-facing'],
    [{ kind: 'listener', loadBalancer: 'alb', port: 80, protocol: 'HTTP', forwardsTo: 'tg' }, 'The load balancer alb listens on HTTP port 80 and forwards to tg'],
    [{ kind: 'curl', host: 'alb', path: '/api/users', status: 200 }, 'A request to alb/api/users answers 200'],
  ] as [Goal, string][])('%o reads "%s"', (goal, text) => expect(sentence(goal)).toBe(text))

  it('every goal of every lesson reads as a sentence: a capital letter first, no "(s)", no bare field names', () => {
    const leaves = (g: Goal): Goal[] => (g.kind === 'all' || g.kind === 'any' ? g.goals.flatMap(leaves) : [g])
    for (const l of course().lessons) {
      for (const step of l.steps) {
        for (const goal of leaves(step.goal)) {
          const text = describeGoal(goal)
          expect(text, `${l.id}/${step.id}`).toMatch(/^[A-Z]/)
          expect(text, `${l.id}/${step.id}`).not.toMatch(/\(s\)|exists is|runningCount|healthyTargets/)
        }
      }
    }
  })
})
