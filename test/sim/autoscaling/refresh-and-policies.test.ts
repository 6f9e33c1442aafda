import { describe, expect, it } from 'vitest'
import { activities, createGroup, fails, json, members, ok, withTemplate } from './fixture.ts'

interface Refresh {
  Status: string
  PercentageComplete: number
  InstancesToUpdate: number
}

describe('an instance refresh patches the group in batches', () => {
  it('a new AMI in a new template version replaces every instance while at least half of four stay InService', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 4 --max-size 4 --desired-capacity 4')
    s.advance(30_000)
    const old = members(s).map((m) => m.InstanceId)
    const previous = ok(s, `aws ec2 describe-images --owners amazon --query "Images[?contains(Name, 'ecs-hvm-2023.0.20251021')].ImageId" --output text`)
    ok(s, `aws ec2 create-launch-template-version --launch-template-name web --source-version 1 --launch-template-data '{"ImageId":"${previous}"}'`)
    const id = ok(s, `aws autoscaling start-instance-refresh --auto-scaling-group-name asg --preferences '{"MinHealthyPercentage":50,"InstanceWarmup":60}' --query InstanceRefreshId --output text`)
    expect(fails(s, 'aws autoscaling start-instance-refresh --auto-scaling-group-name asg')).toContain(
      '(InstanceRefreshInProgress) when calling the StartInstanceRefresh operation: An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.')
    const seen: Refresh[] = []
    let fewestInService = 4
    for (let i = 0; i < 60; i++) {
      s.advance(10_000)
      fewestInService = Math.min(fewestInService, members(s).filter((m) => m.LifecycleState === 'InService').length)
      seen.push(json<Refresh>(s, `aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --instance-refresh-ids ${id} --query InstanceRefreshes[0]`))
    }
    expect(fewestInService).toBe(2)
    expect(seen.some((r) => r.Status === 'InProgress' && r.PercentageComplete > 0 && r.PercentageComplete < 100)).toBe(true)
    expect(seen.at(-1)).toMatchObject({ Status: 'Successful', PercentageComplete: 100, InstancesToUpdate: 0 })
    const now = members(s)
    expect(now.map((m) => m.LaunchTemplate.Version)).toEqual(['2', '2', '2', '2'])
    expect(now.some((m) => old.includes(m.InstanceId))).toBe(false)
    expect(ok(s, `aws ec2 describe-instances --instance-ids ${now[0].InstanceId} --query Reservations[0].Instances[0].ImageId --output text`)).toBe(previous)
    expect(activities(s).filter((a) => a.Cause.includes('an instance was taken out of service in response to an instance refresh.'))).toHaveLength(4)
  })

  it('instances protected from scale in are left on the old template unless ScaleInProtectedInstances is Refresh', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 2 --max-size 2 --desired-capacity 2 --new-instances-protected-from-scale-in')
    s.advance(30_000)
    const previous = ok(s, `aws ec2 describe-images --owners amazon --query "Images[?contains(Name, 'ecs-hvm-2023.0.20251021')].ImageId" --output text`)
    ok(s, `aws ec2 create-launch-template-version --launch-template-name web --source-version 1 --launch-template-data '{"ImageId":"${previous}"}'`)
    ok(s, `aws autoscaling start-instance-refresh --auto-scaling-group-name asg --preferences '{"MinHealthyPercentage":50,"InstanceWarmup":0}'`)
    s.advance(3 * 60_000)
    expect(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --query InstanceRefreshes[0].[Status,Preferences.ScaleInProtectedInstances] --output text')).toBe('Successful\tIgnore')
    expect(members(s).map((m) => m.LaunchTemplate.Version)).toEqual(['1', '1'])
    ok(s, `aws autoscaling start-instance-refresh --auto-scaling-group-name asg --preferences '{"MinHealthyPercentage":50,"InstanceWarmup":0,"ScaleInProtectedInstances":"Refresh"}'`)
    s.advance(10 * 60_000)
    expect(members(s).map((m) => m.LaunchTemplate.Version)).toEqual(['2', '2'])
  })

  it('cancel-instance-refresh stops it; with none running, AWS’s error', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    expect(fails(s, 'aws autoscaling cancel-instance-refresh --auto-scaling-group-name asg')).toContain(
      '(ActiveInstanceRefreshNotFound) when calling the CancelInstanceRefresh operation: No in progress or pending Instance Refresh found for Auto Scaling group asg')
    ok(s, 'aws autoscaling start-instance-refresh --auto-scaling-group-name asg')
    ok(s, 'aws autoscaling cancel-instance-refresh --auto-scaling-group-name asg')
    expect(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --query InstanceRefreshes[0].Status --output text')).toBe('Cancelling')
    s.advance(120_000)
    expect(ok(s, 'aws autoscaling describe-instance-refreshes --auto-scaling-group-name asg --query InstanceRefreshes[0].Status --output text')).toBe('Cancelled')
  })
})

describe('scaling policies', () => {
  it('a target tracking policy on ASGAverageCPUUtilization is kept with the two alarms AWS creates', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    const out = json<{ PolicyARN: string; Alarms: { AlarmName: string }[] }>(s,
      `aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-configuration '{"PredefinedMetricSpecification":{"PredefinedMetricType":"ASGAverageCPUUtilization"},"TargetValue":50}'`)
    expect(out.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:autoScalingGroupName\/asg:policyName\/cpu50$/)
    expect(out.Alarms.map((a) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-asg-AlarmHigh-/), expect.stringMatching(/^TargetTracking-asg-AlarmLow-/)])
    expect(Number(ok(s, 'aws autoscaling describe-policies --auto-scaling-group-name asg --query ScalingPolicies[0].TargetTrackingConfiguration.TargetValue'))).toBe(50)
  })

  it('a step policy run with execute-policy scales out by the matching step', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets)
    s.advance(30_000)
    ok(s, `aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name out --policy-type StepScaling --adjustment-type ChangeInCapacity --step-adjustments MetricIntervalLowerBound=0,MetricIntervalUpperBound=20,ScalingAdjustment=1 MetricIntervalLowerBound=20,ScalingAdjustment=2`)
    ok(s, 'aws autoscaling execute-policy --auto-scaling-group-name asg --policy-name out --metric-value 95 --breach-threshold 70')
    expect(ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].DesiredCapacity')).toBe('4')
    s.advance(10_000)
    expect(activities(s)[0].Cause).toMatch(/^At 2026-01-05T09:00:30Z a user request executed policy out changing the desired capacity from 2 to 4\./)
  })
})
