import { describe, expect, it } from 'vitest'
import { createGroup, fails, json, ok, withTemplate, type Sandbox } from '../autoscaling/fixture.ts'

/** A sandbox with an Auto Scaling group `asg` (launch template `web`) and a cluster `prod`; the group's ARN. */
function setUp(sizes?: string): { sandbox: Sandbox; groupArn: string } {
  const { sandbox, subnets } = withTemplate()
  createGroup(sandbox, subnets, sizes)
  ok(sandbox, 'aws ecs create-cluster --cluster-name prod')
  const groupArn = ok(sandbox, 'aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names asg --query AutoScalingGroups[0].AutoScalingGroupARN --output text')
  return { sandbox, groupArn }
}

interface Provider {
  name: string
  status: string
  capacityProviderArn: string
  autoScalingGroupProvider?: { autoScalingGroupArn: string; managedScaling: Record<string, unknown>; managedTerminationProtection: string }
  updateStatus?: string
}

describe('ECS capacity providers', () => {
  it('create-capacity-provider on an Auto Scaling group fills in ECS defaults, and describe lists it beside FARGATE and FARGATE_SPOT', () => {
    const { sandbox, groupArn } = setUp()
    const created = json<{ capacityProvider: Provider }>(
      sandbox,
      `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=ENABLED,targetCapacity=80}'`,
    ).capacityProvider
    expect(created.status).toBe('ACTIVE')
    expect(created.capacityProviderArn).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:capacity-provider\/web-cp$/)
    expect(created.autoScalingGroupProvider).toEqual({
      autoScalingGroupArn: groupArn,
      managedScaling: { status: 'ENABLED', targetCapacity: 80, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
      managedTerminationProtection: 'DISABLED',
      managedDraining: 'ENABLED',
    })
    const names = json<string[]>(sandbox, 'aws ecs describe-capacity-providers --query capacityProviders[].name')
    expect(names).toEqual(['FARGATE', 'FARGATE_SPOT', 'web-cp'])
    const missing = json<{ failures: { arn: string; reason: string }[] }>(sandbox, 'aws ecs describe-capacity-providers --capacity-providers nope')
    expect(missing.failures).toEqual([{ arn: expect.stringMatching(/capacity-provider\/nope$/), reason: 'MISSING' }])
  })

  it('a second provider of the same name is refused in ECS words, and the world is unchanged', () => {
    const { sandbox, groupArn } = setUp()
    ok(sandbox, `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)
    const before = JSON.stringify(sandbox.world().ecs.capacityProviders)
    expect(fails(sandbox, `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)).toContain(
      'An error occurred (ClientException) when calling the CreateCapacityProvider operation: The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
    )
    expect(JSON.stringify(sandbox.world().ecs.capacityProviders)).toBe(before)
  })

  it('managed termination protection needs the group to protect new instances from scale in', () => {
    const { sandbox, groupArn } = setUp()
    const line = `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=ENABLED},managedTerminationProtection=ENABLED'`
    expect(fails(sandbox, line)).toContain('the Auto Scaling group must have instance protection from scale in enabled.')
    expect(sandbox.world().ecs.capacityProviders).toEqual({})
    ok(sandbox, 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name asg --new-instances-protected-from-scale-in')
    expect(json<{ capacityProvider: Provider }>(sandbox, line).capacityProvider.autoScalingGroupProvider?.managedTerminationProtection).toBe('ENABLED')
  })

  it('names starting with aws, ecs or fargate, and unknown groups, are refused', () => {
    const { sandbox, groupArn } = setUp()
    expect(fails(sandbox, `aws ecs create-capacity-provider --name ecs-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)).toContain('InvalidParameterException')
    expect(fails(sandbox, `aws ecs create-capacity-provider --name cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn.replace('asg', 'nope')}'`)).toContain('InvalidParameterException')
  })

  it('update-capacity-provider changes managed scaling; a bad target capacity changes nothing', () => {
    const { sandbox, groupArn } = setUp()
    ok(sandbox, `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)
    const updated = json<{ capacityProvider: Provider }>(sandbox, `aws ecs update-capacity-provider --name web-cp --auto-scaling-group-provider 'managedScaling={status=ENABLED,targetCapacity=60}'`).capacityProvider
    expect(updated.autoScalingGroupProvider?.managedScaling).toMatchObject({ status: 'ENABLED', targetCapacity: 60 })
    expect(updated.updateStatus).toBe('UPDATE_COMPLETE')
    expect(fails(sandbox, `aws ecs update-capacity-provider --name web-cp --auto-scaling-group-provider 'managedScaling={targetCapacity=0}'`)).toContain('InvalidParameterException')
    expect(json(sandbox, 'aws ecs describe-capacity-providers --capacity-providers web-cp --query capacityProviders[0].autoScalingGroupProvider.managedScaling.targetCapacity')).toBe(60)
    expect(fails(sandbox, `aws ecs update-capacity-provider --name other --auto-scaling-group-provider 'managedScaling={status=DISABLED}'`)).toContain('The specified capacity provider does not exist.')
  })

  it('put-cluster-capacity-providers sets the default strategy that create-service then uses; the provider in use cannot leave or be deleted', () => {
    const { sandbox, groupArn } = setUp()
    ok(sandbox, `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)
    const cluster = json<{ cluster: { capacityProviders: string[]; defaultCapacityProviderStrategy: unknown[] } }>(
      sandbox,
      'aws ecs put-cluster-capacity-providers --cluster prod --capacity-providers web-cp FARGATE --default-capacity-provider-strategy capacityProvider=web-cp,weight=1,base=1',
    ).cluster
    expect(cluster.capacityProviders).toEqual(['web-cp', 'FARGATE'])
    expect(cluster.defaultCapacityProviderStrategy).toEqual([{ capacityProvider: 'web-cp', weight: 1, base: 1 }])
    expect(json(sandbox, 'aws ecs describe-clusters --clusters prod --query clusters[0].capacityProviders')).toEqual(['web-cp', 'FARGATE'])

    ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions '[{"name":"web","image":"nginx","memory":128}]'`)
    ok(sandbox, 'aws ecs create-service --cluster prod --service-name web --task-definition web --desired-count 0')
    const service = json<{ capacityProviderStrategy: unknown[]; launchType?: string }>(sandbox, 'aws ecs describe-services --cluster prod --services web --query services[0]')
    expect(service.capacityProviderStrategy).toEqual([{ capacityProvider: 'web-cp', weight: 1, base: 1 }])

    expect(fails(sandbox, 'aws ecs put-cluster-capacity-providers --cluster prod --capacity-providers FARGATE --default-capacity-provider-strategy []')).toContain(
      'The specified capacity provider is in use and cannot be removed.',
    )
    expect(fails(sandbox, 'aws ecs delete-capacity-provider --capacity-provider web-cp')).toContain('The specified capacity provider is in use and cannot be removed.')
    expect(json(sandbox, 'aws ecs describe-clusters --clusters prod --query clusters[0].capacityProviders')).toEqual(['web-cp', 'FARGATE'])
  })

  it('a strategy naming a provider the cluster does not have, or given with a launch type, is refused', () => {
    const { sandbox } = setUp()
    ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities EC2 --container-definitions '[{"name":"web","image":"nginx","memory":128}]'`)
    expect(fails(sandbox, 'aws ecs run-task --cluster prod --task-definition web --capacity-provider-strategy capacityProvider=FARGATE')).toContain(
      'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    )
    ok(sandbox, 'aws ecs put-cluster-capacity-providers --cluster prod --capacity-providers FARGATE --default-capacity-provider-strategy capacityProvider=FARGATE')
    expect(fails(sandbox, 'aws ecs create-service --cluster prod --service-name web --task-definition web --launch-type EC2 --capacity-provider-strategy capacityProvider=FARGATE')).toContain(
      'Specifying both a launch type and capacity provider strategy is not supported.',
    )
  })

  it('a provider no cluster uses can be deleted: INACTIVE, gone from describe', () => {
    const { sandbox, groupArn } = setUp()
    ok(sandbox, `aws ecs create-capacity-provider --name web-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn}'`)
    expect(json(sandbox, 'aws ecs delete-capacity-provider --capacity-provider web-cp --query capacityProvider.status')).toBe('INACTIVE')
    expect(json(sandbox, 'aws ecs describe-capacity-providers --query capacityProviders[].name')).toEqual(['FARGATE', 'FARGATE_SPOT'])
    expect(fails(sandbox, 'aws ecs delete-capacity-provider --capacity-provider web-cp')).toContain('The specified capacity provider does not exist.')
  })
})
