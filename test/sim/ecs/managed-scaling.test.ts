import { describe, expect, it } from 'vitest'
import { createWebService, describeService, messages, ok, type Sandbox, tasksOf, walkthrough } from './helpers.ts'
import { ecsAmi, instanceProfile, launchHosts, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

const CLUSTER = 'fargate-cluster'

/**
 * The course's Fargate cluster, plus an empty Auto Scaling group `asg` (t3.large from the ECS-optimized AMI, joining
 * the cluster, new instances protected from scale in) behind capacity provider `cp` with managed scaling and managed
 * termination protection, the cluster's default strategy.
 */
function managedCluster(): Sandbox {
  const s = walkthrough()
  instanceProfile(s)
  const userData = Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config\n`).toString('base64')
  ok(s, `aws ec2 create-launch-template --launch-template-name ecs-hosts --launch-template-data '{"ImageId":"${ecsAmi(s)}","InstanceType":"t3.large","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"${userData}"}'`)
  const subnets = (ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId') as string[]).join(',')
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=ecs-hosts --min-size 0 --max-size 10 --desired-capacity 0 --vpc-zone-identifier ${subnets} --new-instances-protected-from-scale-in`)
  const groupArn = ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].AutoScalingGroupARN') as string
  ok(s, `aws ecs create-capacity-provider --name cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=ENABLED,targetCapacity=100},managedTerminationProtection=ENABLED'`)
  ok(s, `aws ecs put-cluster-capacity-providers --cluster ${CLUSTER} --capacity-providers cp FARGATE --default-capacity-provider-strategy capacityProvider=cp,weight=1`)
  // Two tasks of 3,000 MiB fit on a t3.large (7,971 MiB for tasks).
  registerEc2TaskDefinition(s, 'web', [WEB(3000)])
  return s
}

const ec2Tasks = (s: Sandbox) => tasksOf(s, '--service-name web') as { lastStatus: string; containerInstanceArn?: string; capacityProviderName?: string }[]
const statuses = (s: Sandbox) => ec2Tasks(s).map((t) => t.lastStatus).sort()
const group = (s: Sandbox) => ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0]') as { DesiredCapacity: number; Instances: { InstanceId: string; LifecycleState: string; ProtectedFromScaleIn: boolean }[] }

describe('ECS managed scaling (capacity provider with an Auto Scaling group)', () => {
  it('associating the provider creates ECS’s target tracking policy on CapacityProviderReservation', () => {
    const s = managedCluster()
    const policy = ok(s, 'aws autoscaling describe-policies --auto-scaling-group-name asg --query ScalingPolicies[0]')
    expect(policy.PolicyName).toMatch(/^ECSManagedAutoScalingPolicy-[0-9a-f-]{36}$/)
    expect(policy.EstimatedInstanceWarmup).toBe(300)
    expect(policy.TargetTrackingConfiguration).toEqual({
      CustomizedMetricSpecification: {
        MetricName: 'CapacityProviderReservation',
        Namespace: 'AWS/ECS/ManagedScaling',
        Dimensions: [{ Name: 'CapacityProviderName', Value: 'cp' }, { Name: 'ClusterName', Value: CLUSTER }],
        Statistic: 'Average',
      },
      TargetValue: 100,
      DisableScaleIn: false,
    })
    // Removing the provider from the cluster removes the policy and its alarms.
    ok(s, `aws ecs put-cluster-capacity-providers --cluster ${CLUSTER} --capacity-providers FARGATE --default-capacity-provider-strategy capacityProvider=FARGATE,weight=1`)
    expect(ok(s, 'aws autoscaling describe-policies --auto-scaling-group-name asg --query ScalingPolicies')).toEqual([])
    expect(ok(s, 'aws cloudwatch describe-alarms --query MetricAlarms')).toEqual([])
  })

  it('a service of 10 tasks on an empty group waits in PROVISIONING, the group scales out from 0, and the tasks run; scaling down scales in only empty instances', () => {
    const s = managedCluster()
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 10`)
    s.advance(20_000)
    expect(statuses(s)).toEqual(Array(10).fill('PROVISIONING'))
    expect(ec2Tasks(s).every((t) => t.capacityProviderName === 'cp' && !t.containerInstanceArn)).toBe(true)
    // Waiting for capacity is not a placement failure.
    const events = messages(ok(s, `aws ecs describe-services --cluster ${CLUSTER} --services web`).services[0])
    expect(events.some((m: string) => m.includes('unable to place a task'))).toBe(false)

    s.advance(15 * 60_000)
    expect(statuses(s)).toEqual(Array(10).fill('RUNNING'))
    expect(group(s).Instances.filter((i) => i.LifecycleState === 'InService')).toHaveLength(5)
    // The reservation ECS published: 200 with no instance and tasks waiting, 100 once every instance runs tasks.
    const points = ok(s, `aws cloudwatch get-metric-statistics --namespace AWS/ECS/ManagedScaling --metric-name CapacityProviderReservation --dimensions Name=CapacityProviderName,Value=cp Name=ClusterName,Value=${CLUSTER} --start-time 2026-01-05T09:00:00Z --end-time 2026-01-05T10:00:00Z --period 60 --statistics Maximum --query 'sort_by(Datapoints,&Timestamp)[].Maximum'`) as number[]
    // Then M / N × 100: two instances on their way for ten tasks needing five (350), until all five run tasks.
    expect(points[0]).toBe(200)
    expect(points).toContain(350)
    expect(points[points.length - 1]).toBe(100)
    const causes = (ok(s, 'aws autoscaling describe-scaling-activities --auto-scaling-group-name asg --query Activities[].Cause') as string[]).map((c) => c.split('  ')[0].replace(/^At \S+ /, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '…'))
    expect(causes).toContain('a monitor alarm TargetTracking-asg-AlarmHigh-… in state ALARM triggered policy ECSManagedAutoScalingPolicy-… changing the desired capacity from 0 to 2.')
    // Managed termination protection: every instance runs tasks, so every one is protected.
    expect(group(s).Instances.every((i) => i.ProtectedFromScaleIn)).toBe(true)

    ok(s, `aws ecs update-service --cluster ${CLUSTER} --service web --desired-count 3`)
    s.advance(25 * 60_000)
    const busy = new Set(ec2Tasks(s).filter((t) => t.lastStatus === 'RUNNING').map((t) => t.containerInstanceArn))
    expect(statuses(s).filter((x) => x === 'RUNNING')).toHaveLength(3)
    const left = group(s).Instances.filter((i) => i.LifecycleState === 'InService')
    // The empty instances were given up; none that runs a task was terminated.
    expect(left.length).toBe(busy.size)
    expect(left.length).toBeLessThan(5)
    expect(group(s).DesiredCapacity).toBe(left.length)
    expect(left.every((i) => i.ProtectedFromScaleIn)).toBe(true)
  })

  it('a Fargate service beside it is untouched', () => {
    const s = managedCluster()
    createWebService(s)
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 4`)
    s.advance(12 * 60_000)
    const fargate = tasksOf(s) as { launchType: string; lastStatus: string; capacityProviderName?: string }[]
    expect(fargate.map((t) => [t.launchType, t.lastStatus, t.capacityProviderName])).toEqual([['FARGATE', 'RUNNING', undefined], ['FARGATE', 'RUNNING', undefined]])
    expect(describeService(s).runningCount).toBe(2)
  })
})

describe('tasks that wait too long for capacity', () => {
  it('a task the group cannot make room for stops after 30 minutes in PROVISIONING (TaskFailedToStart)', () => {
    const s = managedCluster()
    // The group may not grow at all: the task waits, then gives up.
    ok(s, 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name asg --max-size 0')
    const task = ok(s, `aws ecs run-task --cluster ${CLUSTER} --task-definition web --query tasks[0]`)
    expect(task.lastStatus).toBe('PROVISIONING')
    s.advance(20 * 60_000)
    const waiting = ok(s, `aws ecs describe-tasks --cluster ${CLUSTER} --tasks ${task.taskArn} --query tasks[0]`)
    expect(waiting.lastStatus).toBe('PROVISIONING')
    s.advance(12 * 60_000)
    const stopped = ok(s, `aws ecs describe-tasks --cluster ${CLUSTER} --tasks ${task.taskArn} --query tasks[0]`)
    expect([stopped.lastStatus, stopped.stopCode]).toEqual(['STOPPED', 'TaskFailedToStart'])
    expect(stopped.stoppedReason).toMatch(/within 30 minutes/)
  })
})

describe('placement through a capacity provider', () => {
  it('puts the provider’s tasks only on its group’s instances, never on an instance launched by hand', () => {
    const s = managedCluster()
    const [byHand] = launchHosts(s, CLUSTER, { profile: 'ecsInstanceRole' })
    s.advance(3 * 60_000)
    const task = ok(s, `aws ecs run-task --cluster ${CLUSTER} --task-definition web --query tasks[0]`)
    expect(task.lastStatus).toBe('PROVISIONING')
    s.advance(10 * 60_000)
    const placed = ok(s, `aws ecs describe-tasks --cluster ${CLUSTER} --tasks ${task.taskArn} --query tasks[0]`)
    expect(placed.lastStatus).toBe('RUNNING')
    const host = ok(s, `aws ecs describe-container-instances --cluster ${CLUSTER} --container-instances ${placed.containerInstanceArn} --query containerInstances[0].ec2InstanceId`)
    expect(host).not.toBe(byHand)
    expect(group(s).Instances.map((i) => i.InstanceId)).toContain(host)
  })
})
