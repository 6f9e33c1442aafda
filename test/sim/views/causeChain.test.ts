import { describe, expect, it } from 'vitest'
import { causeChain, createSandbox } from '../../../src/sandbox/index.ts'
import { ok } from '../../support/exec.ts'
import { layeredService } from '../../support/layeredService.ts'

const revoke = (taskSg: string, albSg: string) => `aws ec2 revoke-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`

describe('"why?" on an event: its cause chain back to the command', () => {
  it('a task stopped because its target failed health checks because the tasks’ security group rule was revoked by this command', () => {
    const { sandbox, albSg, taskSg } = layeredService()
    ok(sandbox, revoke(taskSg, albSg))
    // Checks time out, ECS stops the task, its target drains (300 s by default), and the task reaches STOPPED.
    sandbox.advance(8 * 60_000)
    const { entries } = sandbox.world().log
    const stopped = entries.find((e) => e.kind === 'task.status' && e.attribute === 'lastStatus' && e.to === 'STOPPED')
    expect(stopped).toBeDefined()
    const chain = causeChain(sandbox.world(), stopped?.id ?? 0)
    expect(chain.map((link) => link.entry.kind)).toEqual(expect.arrayContaining(['task.status', 'target.health', 'securityGroup.rule']))
    // The task's stop was asked for because the target went unhealthy with a timeout; that because of the revoke.
    const health = chain.find((link) => link.entry.kind === 'target.health')?.entry
    expect(health?.kind === 'target.health' && [health.to, health.reasonCode]).toEqual(['unhealthy', 'Target.Timeout'])
    const last = chain.at(-1)
    expect(last?.entry).toMatchObject({ kind: 'securityGroup.rule', action: 'removed', resource: taskSg })
    expect(last?.command).toBe(revoke(taskSg, albSg))
  })

  it('a change a command made directly ends its chain at once, with the command line', () => {
    const sandbox = createSandbox()
    ok(sandbox, 'aws ecs create-cluster --cluster-name solo')
    const created = sandbox.world().log.entries.at(-1)
    expect(causeChain(sandbox.world(), created?.id ?? 0)).toEqual([{ entry: created, command: 'aws ecs create-cluster --cluster-name solo' }])
  })

  it('an event of a timer is caused by the change that scheduled it: a stopped task’s lastStatus by its stop-task', () => {
    const { sandbox } = layeredService()
    const task = ok(sandbox, "aws ecs list-tasks --cluster web --query 'taskArns[0]' --output text")
    const stop = `aws ecs stop-task --cluster web --task ${task}`
    ok(sandbox, stop)
    sandbox.advance(8 * 60_000)
    const stopped = sandbox.world().log.entries.find((e) => e.resource === task && e.kind === 'task.status' && e.attribute === 'lastStatus' && e.to === 'STOPPED')
    const chain = causeChain(sandbox.world(), stopped?.id ?? 0)
    expect(chain[0].entry).toBe(stopped)
    expect(chain.at(-1)).toMatchObject({ entry: { kind: 'task.status', attribute: 'desiredStatus', to: 'STOPPED' }, command: stop })
  })

  it('an event id the log does not hold has no chain', () => {
    expect(causeChain(createSandbox().world(), 999_999)).toEqual([])
  })
})
