import { createSandbox } from '../../../src/sandbox/index.ts'
import { describe, expect, it } from 'vitest'
import { ok, type Sandbox } from './helpers.ts'
import { ecsAmi, instanceProfile, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

const CLUSTER = 'hosts'

/**
 * Cluster `hosts` with an Auto Scaling group `asg` of `count` m5.large instances (new instances protected from scale
 * in) behind capacity provider `cp` (managed scaling, managed termination protection, managed draining by default),
 * the cluster's default strategy; task definition `web` (512 MiB, dynamic host port).
 */
function drainingCluster(count = 4, provider = ''): Sandbox {
  const s = createSandbox()
  ok(s, `aws ecs create-cluster --cluster-name ${CLUSTER}`)
  instanceProfile(s)
  const userData = Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config\n`).toString('base64')
  ok(s, `aws ec2 create-launch-template --launch-template-name hosts --launch-template-data '{"ImageId":"${ecsAmi(s)}","InstanceType":"m5.large","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"${userData}"}'`)
  const subnets = (ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId') as string[]).join(',')
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name asg --launch-template LaunchTemplateName=hosts,Version='$Latest' --min-size 0 --max-size 8 --desired-capacity ${count} --vpc-zone-identifier ${subnets} --new-instances-protected-from-scale-in`)
  const groupArn = ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].AutoScalingGroupARN') as string
  ok(s, `aws ecs create-capacity-provider --name cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=ENABLED,targetCapacity=100},managedTerminationProtection=ENABLED${provider}'`)
  ok(s, `aws ecs put-cluster-capacity-providers --cluster ${CLUSTER} --capacity-providers cp --default-capacity-provider-strategy capacityProvider=cp,weight=1`)
  registerEc2TaskDefinition(s, 'web', [WEB(512)])
  s.advance(3 * 60_000)
  return s
}

const runningCount = (s: Sandbox) => ok(s, `aws ecs describe-services --cluster ${CLUSTER} --services web --query services[0].runningCount`) as number
const members = (s: Sandbox) => ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].Instances') as { InstanceId: string; LifecycleState: string; LaunchTemplate: { Version: string } }[]
const stateOf = (s: Sandbox, id: string) => ok(s, `aws autoscaling describe-auto-scaling-instances --instance-ids ${id} --query AutoScalingInstances[0].LifecycleState`) as string
const containerInstanceOf = (s: Sandbox, id: string) => {
  const arns = ok(s, `aws ecs list-container-instances --cluster ${CLUSTER} --query containerInstanceArns`) as string[]
  if (!arns.length) return undefined
  const all = ok(s, `aws ecs describe-container-instances --cluster ${CLUSTER} --container-instances ${arns.join(' ')} --query containerInstances`) as { containerInstanceArn: string; ec2InstanceId: string; status: string; runningTasksCount: number }[]
  return all.find((ci) => ci.ec2InstanceId === id)
}

describe('ECS managed draining (capacity provider with managedDraining ENABLED)', () => {
  it('describe-lifecycle-hooks shows ECS’s termination hook while managed draining is on, and not once it is turned off or the provider deleted', () => {
    const s = drainingCluster(1)
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks')).toEqual([
      {
        LifecycleHookName: 'ecs-managed-draining-termination-hook',
        AutoScalingGroupName: 'asg',
        LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING',
        HeartbeatTimeout: 3600,
        GlobalTimeout: 172800,
        DefaultResult: 'CONTINUE',
      },
    ])
    ok(s, 'aws ecs update-capacity-provider --name cp --auto-scaling-group-provider managedDraining=DISABLED')
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks')).toEqual([])
    ok(s, 'aws ecs update-capacity-provider --name cp --auto-scaling-group-provider managedDraining=ENABLED')
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks[].LifecycleHookName')).toEqual(['ecs-managed-draining-termination-hook'])
    // A provider deleted takes its hook with it.
    const subnets = (ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId') as string[]).join(',')
    ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name spare --launch-template LaunchTemplateName=hosts --min-size 0 --max-size 1 --desired-capacity 0 --vpc-zone-identifier ${subnets}`)
    const spareArn = ok(s, 'aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names spare --query AutoScalingGroups[0].AutoScalingGroupARN') as string
    ok(s, `aws ecs create-capacity-provider --name spare-cp --auto-scaling-group-provider autoScalingGroupArn=${spareArn}`)
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name spare --query LifecycleHooks[].LifecycleHookName')).toEqual(['ecs-managed-draining-termination-hook'])
    ok(s, 'aws ecs delete-capacity-provider --capacity-provider spare-cp')
    expect(ok(s, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name spare --query LifecycleHooks')).toEqual([])
    // Without managed draining from the start, the group gets no hook.
    const plain = drainingCluster(1, ',managedDraining=DISABLED')
    expect(ok(plain, 'aws autoscaling describe-lifecycle-hooks --auto-scaling-group-name asg --query LifecycleHooks')).toEqual([])
  })

  it('an instance refresh keeps a service of 8 tasks at its minimum healthy 100 % at every step, and ends Successful on the new launch template version', () => {
    const s = drainingCluster(4)
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 8 --deployment-configuration minimumHealthyPercent=100,maximumPercent=200`)
    s.advance(3 * 60_000)
    expect(runningCount(s)).toBe(8)
    ok(s, `aws ec2 create-launch-template-version --launch-template-name hosts --source-version 1 --launch-template-data '{"InstanceType":"m6i.large"}'`)
    ok(s, `aws autoscaling start-instance-refresh --auto-scaling-group-name asg --preferences '{"MinHealthyPercentage":50,"InstanceWarmup":60,"ScaleInProtectedInstances":"Refresh"}'`)
    const seen: number[] = []
    const states = new Set<string>()
    for (let i = 0; i < 120; i++) {
      s.advance(10_000)
      seen.push(runningCount(s))
      for (const m of members(s)) states.add(m.LifecycleState)
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(8)
    // The old instances waited for ECS in Terminating:Wait while their tasks moved.
    expect(states).toContain('Terminating:Wait')
    expect(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --query InstanceRefreshes[0].[Status,PercentageComplete]')).toEqual(['Successful', 100])
    // No instance is left on the old version (managed scaling may since have scaled in the empty new ones).
    const now = members(s)
    expect(now.length).toBeGreaterThan(0)
    expect(now.every((m) => m.LaunchTemplate.Version === '2' && m.LifecycleState === 'InService')).toBe(true)
  })

  it('terminating an instance that runs tasks drains it first: its container instance turns DRAINING, the tasks start elsewhere, then it goes', () => {
    const s = drainingCluster(2)
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 4 --deployment-configuration minimumHealthyPercent=100,maximumPercent=200`)
    s.advance(2 * 60_000)
    const busy = members(s).find((m) => (containerInstanceOf(s, m.InstanceId)?.runningTasksCount ?? 0) > 0)!
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${busy.InstanceId} --no-should-decrement-desired-capacity`)
    expect(stateOf(s, busy.InstanceId)).toBe('Terminating:Wait')
    s.advance(10_000)
    expect(containerInstanceOf(s, busy.InstanceId)?.status).toBe('DRAINING')
    for (let i = 0; i < 30; i++) {
      s.advance(10_000)
      expect(runningCount(s)).toBeGreaterThanOrEqual(4)
    }
    expect(members(s).map((m) => m.InstanceId)).not.toContain(busy.InstanceId)
    expect(runningCount(s)).toBe(4)
  })

  it('a daemon task stays on the draining instance until the other tasks have left, then stops last', () => {
    const s = drainingCluster(2)
    registerEc2TaskDefinition(s, 'agent', [{ name: 'agent', image: 'nginx:latest', memory: 128 }])
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name log-agent --task-definition agent --launch-type EC2 --scheduling-strategy DAEMON`)
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 4 --deployment-configuration minimumHealthyPercent=100,maximumPercent=200`)
    s.advance(2 * 60_000)
    const busy = members(s).find((m) => (containerInstanceOf(s, m.InstanceId)?.runningTasksCount ?? 0) > 1)!
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${busy.InstanceId} --should-decrement-desired-capacity`)
    const onBusy = () => {
      const ci = containerInstanceOf(s, busy.InstanceId)
      if (!ci) return []
      const arns = ok(s, `aws ecs list-tasks --cluster ${CLUSTER} --container-instance ${ci.containerInstanceArn} --query taskArns`) as string[]
      if (!arns.length) return []
      const tasks = ok(s, `aws ecs describe-tasks --cluster ${CLUSTER} --tasks ${arns.join(' ')} --query tasks`) as { group: string; desiredStatus: string }[]
      return tasks.map((t) => [t.group, t.desiredStatus] as const)
    }
    let sawDaemonAlongside = false
    for (let i = 0; i < 30 && members(s).some((m) => m.InstanceId === busy.InstanceId && m.LifecycleState === 'Terminating:Wait'); i++) {
      s.advance(5_000)
      const tasks = onBusy()
      const webRunning = tasks.some(([g, d]) => g === 'service:web' && d === 'RUNNING')
      const daemonRunning = tasks.some(([g, d]) => g === 'service:log-agent' && d === 'RUNNING')
      if (webRunning) expect(daemonRunning).toBe(true)
      if (webRunning && daemonRunning) sawDaemonAlongside = true
    }
    expect(sawDaemonAlongside).toBe(true)
    s.advance(2 * 60_000)
    expect(members(s).map((m) => m.InstanceId)).not.toContain(busy.InstanceId)
    expect(runningCount(s)).toBe(4)
  })

  it('an empty instance scaled in goes within seconds: nothing to drain', () => {
    const s = drainingCluster(2)
    const [first] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${first.InstanceId} --should-decrement-desired-capacity`)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Wait')
    s.advance(20_000)
    expect(stateOf(s, first.InstanceId)).toBe('Terminating:Proceed')
    s.advance(60_000)
    expect(members(s).map((m) => m.InstanceId)).toEqual([members(s)[0].InstanceId])
    expect(members(s).map((m) => m.InstanceId)).not.toContain(first.InstanceId)
  })

  it('a snapshot taken while an instance drains resumes to the same outputs', () => {
    const s = drainingCluster(2)
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 4`)
    s.advance(2 * 60_000)
    const busy = members(s).find((m) => (containerInstanceOf(s, m.InstanceId)?.runningTasksCount ?? 0) > 0)!
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${busy.InstanceId} --no-should-decrement-desired-capacity`)
    s.advance(15_000)
    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(s.snapshot())) })
    for (const sandbox of [s, resumed]) sandbox.advance(5 * 60_000)
    const read = (sandbox: Sandbox) =>
      JSON.stringify([members(sandbox), ok(sandbox, 'aws autoscaling describe-scaling-activities --auto-scaling-group-name asg'), ok(sandbox, `aws ecs describe-services --cluster ${CLUSTER} --services web`)])
    expect(read(resumed)).toBe(read(s))
    expect(members(s).map((m) => m.InstanceId)).not.toContain(busy.InstanceId)
  })

  it('a standalone task keeps the instance waiting, with ECS’s heartbeats, until the learner completes the lifecycle action', () => {
    const s = drainingCluster(1)
    ok(s, `aws ecs run-task --cluster ${CLUSTER} --task-definition web`)
    s.advance(60_000)
    const [only] = members(s)
    ok(s, `aws autoscaling terminate-instance-in-auto-scaling-group --instance-id ${only.InstanceId} --should-decrement-desired-capacity`)
    s.advance(2 * 60 * 60_000)
    expect(stateOf(s, only.InstanceId)).toBe('Terminating:Wait')
    ok(s, `aws autoscaling complete-lifecycle-action --lifecycle-hook-name ecs-managed-draining-termination-hook --auto-scaling-group-name asg --instance-id ${only.InstanceId} --lifecycle-action-result CONTINUE`)
    s.advance(60_000)
    expect(members(s)).toEqual([])
  })
})
