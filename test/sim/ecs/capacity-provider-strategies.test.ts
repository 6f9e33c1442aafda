import { describe, expect, it } from 'vitest'
import { costMeter } from '../../../src/sandbox/index.ts'
import { fails, ok, walkthrough, type Sandbox } from './helpers.ts'

/** Capacity provider strategies as ECS runs them: create-cluster's providers, base and weight, FARGATE_SPOT. */

const NET = '--network-configuration file://task-networking.json'

function spotCluster(sandbox: Sandbox, strategy = 'capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,weight=3') {
  return ok(sandbox, `aws ecs create-cluster --cluster-name spot --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy ${strategy}`).cluster
}

function describeTasks(sandbox: Sandbox, cluster: string, arns: string[]) {
  return ok(sandbox, `aws ecs describe-tasks --cluster ${cluster} --tasks ${arns.join(' ')}`).tasks as { taskArn: string; launchType: string; capacityProviderName?: string; lastStatus: string }[]
}

function perProvider(tasks: { capacityProviderName?: string }[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of tasks) out[t.capacityProviderName ?? 'none'] = (out[t.capacityProviderName ?? 'none'] ?? 0) + 1
  return out
}

describe('create-cluster with capacity providers and a default strategy', () => {
  it('keeps the providers and the default strategy, which a run-task without a launch type then uses', () => {
    const sandbox = walkthrough()
    const cluster = spotCluster(sandbox, 'capacityProvider=FARGATE_SPOT,weight=1')
    expect(cluster.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT'])
    expect(cluster.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }])
    const described = ok(sandbox, 'aws ecs describe-clusters --clusters spot').clusters[0]
    expect(described.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }])
    const { tasks } = ok(sandbox, `aws ecs run-task --cluster spot --task-definition python-web-app ${NET}`)
    expect(tasks).toHaveLength(1)
    expect(tasks[0].launchType).toBe('FARGATE')
    expect(tasks[0].capacityProviderName).toBe('FARGATE_SPOT')
  })

  it('refuses a provider that does not exist, a strategy naming a provider the cluster lacks, and creates nothing', () => {
    const sandbox = walkthrough()
    expect(fails(sandbox, 'aws ecs create-cluster --cluster-name x --capacity-providers doesnotexist')).toContain("The specified capacity provider 'doesnotexist' does not exist.")
    expect(fails(sandbox, 'aws ecs create-cluster --cluster-name x --capacity-providers FARGATE --default-capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1')).toContain(
      'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    )
    expect(fails(sandbox, 'aws ecs create-cluster --cluster-name x --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,base=1 capacityProvider=FARGATE_SPOT,base=2')).toContain(
      'Only one capacity provider in a capacity provider strategy can have a base defined.',
    )
    expect(ok(sandbox, 'aws ecs list-clusters').clusterArns.some((a: string) => a.endsWith('/x'))).toBe(false)
  })
})

describe('base and weight share the tasks out', () => {
  it('run-task --count 4 with base 1 on FARGATE and weights 1:3: the first task on FARGATE, the other three on FARGATE_SPOT', () => {
    const sandbox = walkthrough()
    spotCluster(sandbox, 'capacityProvider=FARGATE')
    const { tasks } = ok(
      sandbox,
      `aws ecs run-task --cluster spot --task-definition python-web-app --count 4 ${NET} --capacity-provider-strategy capacityProvider=FARGATE,base=1,weight=1 capacityProvider=FARGATE_SPOT,weight=3`,
    )
    expect(tasks.map((t: { capacityProviderName: string }) => t.capacityProviderName)).toEqual(['FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT', 'FARGATE_SPOT'])
    // FARGATE_SPOT tasks are Fargate tasks: launch type FARGATE; describe-tasks says which provider each ran on.
    sandbox.advance(120_000)
    const described = describeTasks(sandbox, 'spot', tasks.map((t: { taskArn: string }) => t.taskArn))
    expect(described.every((t) => t.launchType === 'FARGATE' && t.lastStatus === 'RUNNING')).toBe(true)
    expect(perProvider(described)).toEqual({ FARGATE: 1, FARGATE_SPOT: 3 })
  })

  it('a service of 8 from the default strategy keeps its split as it scales out and in', () => {
    const sandbox = walkthrough()
    spotCluster(sandbox)
    const service = ok(sandbox, `aws ecs create-service --cluster spot --service-name web --task-definition python-web-app --desired-count 8 ${NET}`).service
    expect(service.launchType).toBeUndefined()
    expect(service.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
    ])
    // Created through a strategy, the service shows it (on itself and its deployment) and no launch type.
    const described = ok(sandbox, 'aws ecs describe-services --cluster spot --services web').services[0]
    expect(described.launchType).toBeUndefined()
    expect(described.deployments[0].launchType).toBeUndefined()
    expect(described.deployments[0].capacityProviderStrategy).toEqual(service.capacityProviderStrategy)
    sandbox.advance(180_000)
    const live = () => {
      const { taskArns } = ok(sandbox, 'aws ecs list-tasks --cluster spot --service-name web')
      return describeTasks(sandbox, 'spot', taskArns)
    }
    // 1 base task, then 1:3 in turns (three FARGATE_SPOT, one FARGATE): 7 more are 6 + 1.
    expect(perProvider(live())).toEqual({ FARGATE: 2, FARGATE_SPOT: 6 })
    ok(sandbox, 'aws ecs update-service --cluster spot --service web --desired-count 12')
    sandbox.advance(180_000)
    expect(perProvider(live())).toEqual({ FARGATE: 3, FARGATE_SPOT: 9 })
    ok(sandbox, 'aws ecs update-service --cluster spot --service web --desired-count 5')
    sandbox.advance(180_000)
    // Scaling in stops the tasks above each provider's share of 5: 1 base task, then 3 + 1.
    expect(perProvider(live())).toEqual({ FARGATE: 2, FARGATE_SPOT: 3 })
  })
})

describe('update-service with a new strategy', () => {
  it('applies to the tasks launched next, without a new deployment; a launch type change is refused', () => {
    const sandbox = walkthrough()
    spotCluster(sandbox, 'capacityProvider=FARGATE,weight=1')
    ok(sandbox, `aws ecs create-service --cluster spot --service-name web --task-definition python-web-app --desired-count 2 ${NET}`)
    sandbox.advance(120_000)
    const updated = ok(sandbox, 'aws ecs update-service --cluster spot --service web --desired-count 5 --capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1').service
    expect(updated.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }])
    expect(updated.deployments).toHaveLength(1)
    sandbox.advance(180_000)
    const { taskArns } = ok(sandbox, 'aws ecs list-tasks --cluster spot --service-name web')
    expect(perProvider(describeTasks(sandbox, 'spot', taskArns))).toEqual({ FARGATE: 2, FARGATE_SPOT: 3 })
    expect(fails(sandbox, 'aws ecs update-service --cluster spot --service web --capacity-provider-strategy capacityProvider=FARGATE,weight=1 capacityProvider=asg-cp,weight=1')).toContain(
      'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers.',
    )
  })
})

describe('a strategy mixing Fargate and Auto Scaling group providers', () => {
  it('is refused in ECS words by create-cluster and run-task, which start nothing', () => {
    const sandbox = walkthrough()
    const MIXED = 'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.'
    spotCluster(sandbox, 'capacityProvider=FARGATE')
    // The rule needs no group behind the name: ECS refuses the strategy's shape before looking the providers up.
    expect(fails(sandbox, `aws ecs run-task --cluster spot --task-definition python-web-app ${NET} --capacity-provider-strategy capacityProvider=FARGATE,weight=1 capacityProvider=my-asg-cp,weight=1`)).toContain(MIXED)
    expect(fails(sandbox, 'aws ecs create-cluster --cluster-name mixed --capacity-providers FARGATE --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1 capacityProvider=my-asg-cp,weight=1')).toContain(MIXED)
    expect(ok(sandbox, 'aws ecs list-tasks --cluster spot').taskArns).toEqual([])
    expect(fails(sandbox, 'aws ecs create-cluster --cluster-name x --capacity-providers FARGATE FARGATE_SPOT --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1 capacityProvider=FARGATE,weight=2')).toContain(
      'A capacity provider can only be specified once in a capacity provider strategy.',
    )
  })
})

describe('the cost of FARGATE_SPOT tasks', () => {
  it('a FARGATE_SPOT task costs Fargate Spot’s rates, less than the same task on FARGATE, and says so on its line', () => {
    const sandbox = walkthrough()
    spotCluster(sandbox, 'capacityProvider=FARGATE')
    const { tasks } = ok(
      sandbox,
      `aws ecs run-task --cluster spot --task-definition python-web-app --count 2 ${NET} --capacity-provider-strategy capacityProvider=FARGATE,base=1 capacityProvider=FARGATE_SPOT,weight=1`,
    )
    const [onDemand, spot] = tasks as { taskArn: string; capacityProviderName: string }[]
    expect([onDemand.capacityProviderName, spot.capacityProviderName]).toEqual(['FARGATE', 'FARGATE_SPOT'])
    sandbox.advance(3_600_000)
    const meter = costMeter(sandbox.world(), sandbox.now())
    const line = (arn: string) => meter.lines.find((l) => l.resourceId === arn)!
    expect(line(spot.taskArn)).toMatchObject({ kind: 'fargate', label: '0.5 vCPU, 1 GB, Fargate Spot', spot: true, billing: true })
    expect(line(onDemand.taskArn).label).toBe('0.5 vCPU, 1 GB')
    // Same size, (nearly) the same billed time: Spot at 30% of the On-Demand rates (src/sim/pricing/prices.ts).
    const spotHours = line(spot.taskArn).vcpuHours! / 0.5
    expect(line(spot.taskArn).usd).toBeCloseTo(spotHours * (0.5 * 0.012144 + 1 * 0.0013335), 9)
    expect(line(spot.taskArn).usd).toBeLessThan(line(onDemand.taskArn).usd / 3)
    // Stopped and settled into the meter's ledger, it keeps its Spot price.
    ok(sandbox, `aws ecs stop-task --cluster spot --task ${spot.taskArn}`)
    sandbox.advance(3 * 3_600_000)
    const settled = costMeter(sandbox.world(), sandbox.now()).lines.find((l) => l.resourceId === spot.taskArn)!
    expect(settled).toMatchObject({ spot: true, billing: false })
    expect(settled.usd).toBeCloseTo(settled.vcpuHours! * 0.012144 + settled.gbHours! * 0.0013335, 9)
  })
})

describe('help on capacity providers', () => {
  it('says Spot interruptions are not simulated', () => {
    const sandbox = walkthrough()
    const help = sandbox.exec('aws ecs put-cluster-capacity-providers help').stdout.replace(/\s+/g, ' ')
    expect(help).toContain('In Container Sandbox: a strategy’s base and weight share tasks out across its providers')
    expect(help).toContain('Spot interruptions (the two-minute warning and the task stopping) are not simulated.')
  })
})
