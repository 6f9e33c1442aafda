import { describe, expect, it } from 'vitest'
import { json, run, webService, type Sandbox } from '../cloudwatch/harness.ts'

/**
 * `aws application-autoscaling` on the walkthrough's service: a target tracking policy at 50 % CPU scales it out under
 * `hey` load and back in to its minimum afterwards, through ECS's own desired count; the alarms it owns are
 * CloudWatch's; activities say why.
 */
const TARGET = '--service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/web'
const CPU50 = `'{"TargetValue":50,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'`

function withCpuPolicy(config = CPU50): Sandbox {
  const sandbox = webService()
  run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 2 --max-capacity 6`)
  run(sandbox, `aws application-autoscaling put-scaling-policy ${TARGET} --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${config}`)
  return sandbox
}

const counts = (sandbox: Sandbox) => json(sandbox, 'aws ecs describe-services --cluster demo --services web').services[0] as { desiredCount: number; runningCount: number }
const activities = (sandbox: Sandbox) =>
  json(sandbox, 'aws application-autoscaling describe-scaling-activities --service-namespace ecs --resource-id service/demo/web').ScalingActivities as Array<Record<string, string>>

function fails(sandbox: Sandbox, line: string): string {
  const before = JSON.stringify(sandbox.world())
  const result = sandbox.exec(line)
  expect(result.exitCode, line).not.toBe(0)
  expect(JSON.stringify(sandbox.world()), `${line} changed the world`).toBe(before)
  return result.stderr
}

describe('application-autoscaling target tracking on an ECS service', () => {
  it('scales the service out under load, saying why, and back in to its minimum after it', () => {
    const sandbox = withCpuPolicy()
    expect(counts(sandbox).desiredCount).toBe(2)
    run(sandbox, 'hey -z 10m -c 50 http://$DNS/ > /dev/null')
    const loaded = counts(sandbox)
    expect(loaded.desiredCount).toBeGreaterThan(2)
    expect(loaded.desiredCount).toBeLessThanOrEqual(6)
    expect(loaded.runningCount).toBeGreaterThan(2)
    const out = activities(sandbox)
    expect(out[0].Description).toBe(`Setting desired count to ${loaded.desiredCount}.`)
    expect(out[0].Cause).toMatch(/^monitor alarm TargetTracking-service\/demo\/web-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy cpu50$/)
    expect(out[0].StatusCode).toBe('Successful')
    expect(out[0].StatusMessage).toBe(`Successfully set desired count to ${loaded.desiredCount}. Change successfully fulfilled by ecs.`)
    // ECS tells the same story in its own events: the service started tasks toward the new count.
    expect(JSON.stringify(json(sandbox, 'aws ecs describe-services --cluster demo --services web').services[0].events)).toContain('has started')

    sandbox.advance(30 * 60_000)
    expect(counts(sandbox)).toMatchObject({ desiredCount: 2, runningCount: 2 })
    expect(activities(sandbox)[0].Cause).toMatch(/^monitor alarm TargetTracking-service\/demo\/web-AlarmLow-[0-9a-f-]{36} in state ALARM triggered policy cpu50$/)
  })

  it('waits far longer to scale in than to scale out: fifteen low minutes, then the scale-in cooldown', () => {
    const sandbox = withCpuPolicy()
    run(sandbox, 'hey -z 10m -c 50 http://$DNS/ > /dev/null')
    const scaledOut = counts(sandbox).desiredCount
    sandbox.advance(10 * 60_000)
    expect(counts(sandbox).desiredCount).toBe(scaledOut)
  })

  it('creates the two alarms AWS creates, on the service AWS/ECS CPU metric, and deletes them with the policy', () => {
    const sandbox = withCpuPolicy()
    const alarms = json(sandbox, 'aws cloudwatch describe-alarms --alarm-name-prefix TargetTracking-service/demo/web').MetricAlarms as Array<Record<string, unknown>>
    expect(alarms.map((a) => [a.Namespace, a.MetricName, a.Statistic, a.Period, a.EvaluationPeriods, a.DatapointsToAlarm, a.Threshold, a.ComparisonOperator])).toEqual([
      ['AWS/ECS', 'CPUUtilization', 'Average', 60, 3, 3, 50, 'GreaterThanThreshold'],
      ['AWS/ECS', 'CPUUtilization', 'Average', 60, 15, 15, 45, 'LessThanThreshold'],
    ])
    const policy = json(sandbox, 'aws application-autoscaling describe-scaling-policies --service-namespace ecs').ScalingPolicies[0]
    expect(alarms[0].Dimensions).toEqual([{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'web' }])
    expect(alarms[0].AlarmActions).toEqual([policy.PolicyARN])
    expect(alarms[0].AlarmDescription).toBe(`DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.`)
    expect(policy.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/demo\/web:policyName\/cpu50$/)
    expect(policy.Alarms.map((a: { AlarmName: string }) => a.AlarmName)).toEqual(alarms.map((a) => a.AlarmName))

    run(sandbox, `aws application-autoscaling delete-scaling-policy ${TARGET} --policy-name cpu50`)
    expect(json(sandbox, 'aws cloudwatch describe-alarms').MetricAlarms).toEqual([])
    expect(json(sandbox, 'aws application-autoscaling describe-scaling-policies --service-namespace ecs').ScalingPolicies).toEqual([])
  })

  it('with DisableScaleIn creates only the high alarm, and never scales in', () => {
    const sandbox = withCpuPolicy(`'{"TargetValue":50,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"},"DisableScaleIn":true}'`)
    const names = json(sandbox, 'aws cloudwatch describe-alarms').MetricAlarms.map((a: { AlarmName: string }) => a.AlarmName)
    expect(names).toEqual([expect.stringMatching(/-AlarmHigh-/)])
    run(sandbox, 'hey -z 10m -c 50 http://$DNS/ > /dev/null')
    const scaledOut = counts(sandbox).desiredCount
    expect(scaledOut).toBeGreaterThan(2)
    sandbox.advance(40 * 60_000)
    expect(counts(sandbox).desiredCount).toBe(scaledOut)
  })

  it('deregistering the target deletes its policies and their alarms', () => {
    const sandbox = withCpuPolicy()
    run(sandbox, `aws application-autoscaling deregister-scalable-target ${TARGET}`)
    expect(json(sandbox, 'aws application-autoscaling describe-scalable-targets --service-namespace ecs').ScalableTargets).toEqual([])
    expect(json(sandbox, 'aws application-autoscaling describe-scaling-policies --service-namespace ecs').ScalingPolicies).toEqual([])
    expect(json(sandbox, 'aws cloudwatch describe-alarms').MetricAlarms).toEqual([])
  })
})

describe('application-autoscaling scalable targets', () => {
  it('registers the service with its bounds, as describe-scalable-targets shows', () => {
    const sandbox = webService()
    const { ScalableTargetARN } = json(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 1 --max-capacity 4`)
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\/[0-9a-f]{36}$/)
    expect(json(sandbox, 'aws application-autoscaling describe-scalable-targets --service-namespace ecs').ScalableTargets).toEqual([
      expect.objectContaining({
        ServiceNamespace: 'ecs',
        ResourceId: 'service/demo/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        MinCapacity: 1,
        MaxCapacity: 4,
        RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
        ScalableTargetARN,
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
      }),
    ])
  })

  it('moves a desired count below a new minimum up to it, as an activity', () => {
    const sandbox = webService()
    run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 3 --max-capacity 5`)
    expect(counts(sandbox).desiredCount).toBe(3)
    expect(activities(sandbox)[0]).toMatchObject({ Description: 'Setting desired count to 3.', Cause: 'minimum capacity was set to 3', StatusCode: 'Successful' })
  })

  it('refuses in the service words, changing nothing', () => {
    const sandbox = webService()
    expect(fails(sandbox, 'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/demo/nope --min-capacity 1 --max-capacity 2')).toContain(
      'An error occurred (ValidationException) when calling the RegisterScalableTarget operation: ECS service doesn\'t exist: service/demo/nope',
    )
    expect(fails(sandbox, 'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:Desired --resource-id service/demo/web --min-capacity 1 --max-capacity 2')).toContain(
      "1 validation error detected: Value 'ecs:service:Desired' at 'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set: [ecs:service:DesiredCount,",
    )
    expect(fails(sandbox, 'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension dynamodb:table:ReadCapacityUnits --resource-id service/demo/web --min-capacity 1 --max-capacity 2')).toContain(
      '(ValidationException) when calling the RegisterScalableTarget operation: Unsupported service namespace, resource type or scalable dimension',
    )
    expect(fails(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 5 --max-capacity 2`)).toContain(
      '(ValidationException) when calling the RegisterScalableTarget operation: Minimum capacity cannot be greater than maximum capacity',
    )
    expect(fails(sandbox, `aws application-autoscaling put-scaling-policy ${TARGET} --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${CPU50}`)).toContain(
      '(ObjectNotFoundException) when calling the PutScalingPolicy operation: No scalable target registered for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount',
    )
    expect(fails(sandbox, `aws application-autoscaling deregister-scalable-target ${TARGET}`)).toContain(
      '(ObjectNotFoundException) when calling the DeregisterScalableTarget operation: No scalable target found for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount',
    )
    run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 1 --max-capacity 4`)
    expect(fails(sandbox, `aws application-autoscaling delete-scaling-policy ${TARGET} --policy-name nope`)).toContain(
      '(ObjectNotFoundException) when calling the DeleteScalingPolicy operation: No scaling policy found for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount, policy name: nope',
    )
    expect(fails(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --max-capacity 0`)).toContain('Minimum capacity cannot be greater than maximum capacity')
  })
})

describe('application-autoscaling step scaling', () => {
  it('acts when the learner\'s own alarm names the policy, by the step the breach falls in, and lists that alarm', () => {
    const sandbox = webService()
    run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 2 --max-capacity 10`)
    const { PolicyARN } = json(
      sandbox,
      `aws application-autoscaling put-scaling-policy ${TARGET} --policy-name cpu-high --policy-type StepScaling --step-scaling-policy-configuration '{"AdjustmentType":"ChangeInCapacity","Cooldown":600,"StepAdjustments":[{"MetricIntervalLowerBound":0,"ScalingAdjustment":3}]}'`,
    )
    run(
      sandbox,
      `aws cloudwatch put-metric-alarm --alarm-name web-cpu-high --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 2 --threshold 50 --comparison-operator GreaterThanThreshold --alarm-actions ${PolicyARN}`,
    )
    run(sandbox, 'hey -z 5m -c 50 http://$DNS/ > /dev/null')
    // One step of +3, once: the alarm's repeats within the ten-minute cooldown do not add more.
    expect(counts(sandbox).desiredCount).toBe(5)
    expect(activities(sandbox).map((a) => a.Cause)).toEqual(['monitor alarm web-cpu-high in state ALARM triggered policy cpu-high'])
    const policy = json(sandbox, 'aws application-autoscaling describe-scaling-policies --service-namespace ecs --policy-names cpu-high').ScalingPolicies[0]
    expect(policy.Alarms).toEqual([{ AlarmName: 'web-cpu-high', AlarmARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-cpu-high' }])
  })
})

describe('application-autoscaling on the load balancer request count per target', () => {
  it('tracks ALBRequestCountPerTarget of the service target group, published while requests flow', () => {
    const sandbox = webService()
    run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 2 --max-capacity 6`)
    const lb = json(sandbox, 'aws elbv2 describe-load-balancers --names demo').LoadBalancers[0].LoadBalancerArn as string
    const tg = json(sandbox, 'aws elbv2 describe-target-groups --names web').TargetGroups[0].TargetGroupArn as string
    const label = `${lb.slice(lb.indexOf(':loadbalancer/') + 14)}/${tg.slice(tg.indexOf(':targetgroup/') + 1)}`
    const config = `'{"TargetValue":20000,"PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget","ResourceLabel":"${label}"}}'`
    run(sandbox, `aws application-autoscaling put-scaling-policy ${TARGET} --policy-name requests --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${config}`)
    const high = json(sandbox, 'aws cloudwatch describe-alarms').MetricAlarms[0]
    expect([high.Namespace, high.MetricName, high.Statistic, high.Dimensions]).toEqual(['AWS/ApplicationELB', 'RequestCountPerTarget', 'Sum', [{ Name: 'TargetGroup', Value: label.slice(label.indexOf('targetgroup/')) }]])

    run(sandbox, 'hey -z 6m -c 50 http://$DNS/ > /dev/null')
    const stats = json(
      sandbox,
      `aws cloudwatch get-metric-statistics --namespace AWS/ApplicationELB --metric-name RequestCountPerTarget --dimensions Name=TargetGroup,Value=${label.slice(label.indexOf('targetgroup/'))} --statistics Sum --period 60 --start-time ${new Date(sandbox.now() - 10 * 60_000).toISOString()} --end-time ${new Date(sandbox.now()).toISOString()}`,
    )
    expect(Math.max(...stats.Datapoints.map((d: { Sum: number }) => d.Sum))).toBeGreaterThan(20000)
    expect(counts(sandbox).desiredCount).toBeGreaterThan(2)
    expect(activities(sandbox)[0].Cause).toMatch(/-AlarmHigh-.* in state ALARM triggered policy requests$/)
  })

  it('refuses a resource label that names no target group', () => {
    const sandbox = webService()
    run(sandbox, `aws application-autoscaling register-scalable-target ${TARGET} --min-capacity 2 --max-capacity 6`)
    const config = `'{"TargetValue":100,"PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget","ResourceLabel":"app/demo/0123456789abcdef/targetgroup/nope/0123456789abcdef"}}'`
    expect(fails(sandbox, `aws application-autoscaling put-scaling-policy ${TARGET} --policy-name requests --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${config}`)).toContain('ValidationException')
  })
})
