import { describe, expect, it } from 'vitest'
import { fails, messages, ok, type Sandbox } from './helpers.ts'
import { containerInstances, ec2Cluster, launchHosts, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

type Ci = { containerInstanceArn: string; ec2InstanceId: string; runningTasksCount: number; pendingTasksCount: number; attributes: { name: string; value?: string }[] }

const az = (ci: Ci) => ci.attributes.find((a) => a.name === 'ecs.availability-zone')!.value
const tasksPer = (s: Sandbox, cluster: string) => containerInstances(s, cluster).map((c: Ci) => c.runningTasksCount + c.pendingTasksCount)
const run = (s: Sandbox, cluster: string, extra: string) => ok(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2 ${extra}`)

describe('placement strategies, applied in order', () => {
  it('by default tasks spread across Availability Zones, then across instances', () => {
    const { s, cluster } = ec2Cluster({ count: 3 })
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    run(s, cluster, '--count 6')
    expect(tasksPer(s, cluster)).toEqual([2, 2, 2])
  })

  it('binpack on memory fills one instance before the next (7 × 1 GiB fit in a t3.large’s registered memory, not 8)', () => {
    const { s, cluster } = ec2Cluster({ count: 3 })
    registerEc2TaskDefinition(s, 'web', [WEB(1024)])
    run(s, cluster, '--count 4 --placement-strategy type=binpack,field=memory')
    expect(tasksPer(s, cluster).sort()).toEqual([0, 0, 4])
    run(s, cluster, '--count 4 --placement-strategy type=binpack,field=memory')
    expect(tasksPer(s, cluster).sort()).toEqual([0, 1, 7])
  })

  it('spread on ecs.availability-zone balances zones even when one zone has more instances', () => {
    const { s, cluster } = ec2Cluster({ count: 3 })
    const zones = containerInstances(s, cluster).map(az)
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    const { tasks } = run(s, cluster, '--count 4 --placement-strategy type=spread,field=attribute:ecs.availability-zone')
    const perZone = new Map<string, number>()
    for (const t of tasks) perZone.set(t.availabilityZone, (perZone.get(t.availabilityZone) ?? 0) + 1)
    const counts = [...perZone.values()].sort()
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
    expect(new Set(zones).size).toBe(perZone.size)
  })

  it('random is seeded: the same inputs place the same way', () => {
    const place = () => {
      const { s, cluster } = ec2Cluster({ count: 3 })
      registerEc2TaskDefinition(s, 'web', [WEB(128)])
      run(s, cluster, '--count 5 --placement-strategy type=random')
      return tasksPer(s, cluster)
    }
    const first = place()
    expect(first.reduce((a: number, b: number) => a + b, 0)).toBe(5)
    expect(place()).toEqual(first)
  })

  it('bad strategies and constraints are refused in ECS words, and nothing runs', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    expect(fails(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2 --placement-strategy type=binpack,field=disk`)).toContain('InvalidParameterException')
    expect(fails(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2 --placement-constraints type=distinctInstance,expression=x`)).toContain(
      'distinctInstance expression should not be specified.',
    )
    expect(fails(s, `aws ecs run-task --cluster ${cluster} --task-definition web --launch-type EC2 --placement-constraints 'type=memberOf,expression="attribute:ecs.instance-type in [t3.large"'`)).toContain(
      'InvalidParameterException',
    )
    expect(ok(s, `aws ecs list-tasks --cluster ${cluster}`).taskArns).toEqual([])
  })
})

describe('placement constraints', () => {
  it('distinctInstance puts each task of a service on a different instance; the third waits with ECS’s event', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    ok(s, `aws ecs create-service --cluster ${cluster} --service-name web --task-definition web --desired-count 3 --launch-type EC2 --placement-constraints type=distinctInstance`)
    s.advance(10_000)
    expect(tasksPer(s, cluster)).toEqual([1, 1])
    expect(messages(ok(s, `aws ecs describe-services --cluster ${cluster} --services web`).services[0]).some((m: string) => m.includes('was unable to place a task because no container instance met all of its requirements'))).toBe(true)
  })

  it('memberOf with an attribute expression keeps tasks on matching instances; none matching says an attribute is missing', () => {
    const { s, cluster } = ec2Cluster()
    launchHosts(s, cluster, { type: 'm5.large' })
    s.advance(90_000)
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    const { tasks } = run(s, cluster, `--count 3 --placement-constraints 'type=memberOf,expression="attribute:ecs.instance-type =~ m5.*"'`)
    const m5 = containerInstances(s, cluster).find((c: Ci) => c.attributes.some((a) => a.value === 'm5.large'))
    expect(tasks.every((t: { containerInstanceArn: string }) => t.containerInstanceArn === m5.containerInstanceArn)).toBe(true)
    const none = run(s, cluster, `--placement-constraints 'type=memberOf,expression="attribute:ecs.instance-type == c5.large"'`)
    expect(none.failures.map((f: { reason: string }) => f.reason)).toEqual(['ATTRIBUTE', 'ATTRIBUTE'])
  })
})

describe('daemon services', () => {
  it('run one task on every container instance, including one that joins later', () => {
    const { s, cluster } = ec2Cluster({ count: 2 })
    registerEc2TaskDefinition(s, 'agent', [{ name: 'agent', image: 'nginx:latest', memory: 64 }])
    const created = ok(s, `aws ecs create-service --cluster ${cluster} --service-name log-agent --task-definition agent --launch-type EC2 --scheduling-strategy DAEMON`).service
    expect(created.schedulingStrategy).toBe('DAEMON')
    s.advance(60_000)
    expect(tasksPer(s, cluster)).toEqual([1, 1])
    launchHosts(s, cluster)
    s.advance(120_000)
    expect(tasksPer(s, cluster)).toEqual([1, 1, 1])
    const svc = ok(s, `aws ecs describe-services --cluster ${cluster} --services log-agent`).services[0]
    expect(svc.desiredCount).toBe(3)
    expect(svc.runningCount).toBe(3)
  })

  it('is refused on Fargate', () => {
    const { s, cluster } = ec2Cluster()
    registerEc2TaskDefinition(s, 'agent', [{ name: 'agent', image: 'nginx:latest', memory: 64 }])
    expect(fails(s, `aws ecs create-service --cluster ${cluster} --service-name d --task-definition agent --launch-type FARGATE --scheduling-strategy DAEMON`)).toContain('InvalidParameterException')
  })
})

describe('each strategy on its own field, and when nothing has room', () => {
  it('binpack on cpu fills one instance’s CPU units before the next', () => {
    const { s, cluster } = ec2Cluster({ count: 3 })
    registerEc2TaskDefinition(s, 'web', [WEB(128, 0, { cpu: 512 })])
    run(s, cluster, '--count 5 --placement-strategy type=binpack,field=cpu')
    // A t3.large registers 2,048 CPU units: four tasks of 512 fill it, the fifth starts the next.
    expect(tasksPer(s, cluster).sort()).toEqual([0, 1, 4])
  })

  it('spread on instanceId puts the same number of tasks on every instance', () => {
    const { s, cluster } = ec2Cluster({ count: 3 })
    registerEc2TaskDefinition(s, 'web', [WEB(128)])
    run(s, cluster, '--count 6 --placement-strategy type=spread,field=instanceId')
    expect(tasksPer(s, cluster)).toEqual([2, 2, 2])
  })

  it.each(['type=spread,field=attribute:ecs.availability-zone', 'type=spread,field=instanceId', 'type=binpack,field=memory', 'type=binpack,field=cpu', 'type=random'])(
    'with %s, a task that fits on no instance fails with RESOURCE:MEMORY and the others run',
    (strategy) => {
      const { s, cluster } = ec2Cluster({ count: 2 })
      // 5,000 MiB: one per t3.large (7,971 MiB registered), so the third has nowhere to go.
      registerEc2TaskDefinition(s, 'web', [WEB(5000)])
      const { tasks, failures } = run(s, cluster, `--count 3 --placement-strategy ${strategy}`)
      expect(tasks).toHaveLength(2)
      expect(failures.length).toBeGreaterThan(0)
      expect(new Set(failures.map((f: { reason: string }) => f.reason))).toEqual(new Set(['RESOURCE:MEMORY']))
      expect(tasksPer(s, cluster)).toEqual([1, 1])
    },
  )
})
