import { describe, expect, it } from 'vitest'
import { activities, createGroup, json, ok, type Sandbox, withTemplate } from './fixture.ts'

/** Publishes one datapoint of the learner's metric Course/Load a minute, `minutes` times. */
function load(s: Sandbox, value: number, minutes: number): void {
  for (let i = 0; i < minutes; i++) {
    ok(s, `aws cloudwatch put-metric-data --namespace Course --metric-name Load --value ${value}`)
    s.advance(60_000)
  }
}

const desired = (s: Sandbox) => Number(ok(s, 'aws autoscaling describe-auto-scaling-groups --query AutoScalingGroups[0].DesiredCapacity'))

function alarmOn(s: Sandbox, policyArn: string, threshold = 70): void {
  ok(s, `aws cloudwatch put-metric-alarm --alarm-name load-high --namespace Course --metric-name Load --statistic Average --period 60 --evaluation-periods 1 --threshold ${threshold} --comparison-operator GreaterThanThreshold --alarm-actions ${policyArn}`)
}

describe('scaling policies driven by CloudWatch alarms', () => {
  it('a step policy scales by the step matching how far the metric is above the alarm threshold', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 1 --max-size 8 --desired-capacity 2')
    const policy = ok(s, `aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name out --policy-type StepScaling --estimated-instance-warmup 600 --step-adjustments MetricIntervalLowerBound=0,MetricIntervalUpperBound=20,ScalingAdjustment=1 MetricIntervalLowerBound=20,ScalingAdjustment=3 --query PolicyARN --output text`)
    alarmOn(s, policy)
    load(s, 95, 2)
    // 95 − 70 = 25: the second step, three more instances.
    expect(desired(s)).toBe(5)
    expect(activities(s).map((a) => a.Cause).find((c) => c.includes('monitor alarm'))).toMatch(/a monitor alarm load-high in state ALARM triggered policy out changing the desired capacity from 2 to 5\./)
    // Still in ALARM while those instances warm up: the same step asks for nothing more.
    load(s, 95, 3)
    expect(desired(s)).toBe(5)
  })

  it('a simple policy adds its adjustment once, then waits for the cooldown while the alarm stays in ALARM', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 1 --max-size 8 --desired-capacity 1')
    const policy = ok(s, 'aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name plus-one --scaling-adjustment 1 --cooldown 300 --query PolicyARN --output text')
    alarmOn(s, policy)
    load(s, 90, 4)
    expect(desired(s)).toBe(2)
    load(s, 90, 4)
    expect(desired(s)).toBe(3)
  })

  it('target tracking creates AWS’s two alarms in CloudWatch and scales toward the target both ways', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 1 --max-size 10 --desired-capacity 2')
    const config = '{"CustomizedMetricSpecification":{"MetricName":"Load","Namespace":"Course","Statistic":"Average"},"TargetValue":50}'
    ok(s, `aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name load50 --policy-type TargetTrackingScaling --estimated-instance-warmup 120 --target-tracking-configuration '${config}'`)
    const alarms = json<{ AlarmName: string; Threshold: number; EvaluationPeriods: number; DatapointsToAlarm: number; Period: number; ComparisonOperator: string; AlarmDescription: string }[]>(s, 'aws cloudwatch describe-alarms --alarm-name-prefix TargetTracking-asg- --query MetricAlarms')
    expect(alarms.map((a) => [a.AlarmName.replace(/-[0-9a-f-]{36}$/, ''), a.ComparisonOperator, a.Threshold, a.DatapointsToAlarm, a.EvaluationPeriods, a.Period])).toEqual([
      ['TargetTracking-asg-AlarmHigh', 'GreaterThanThreshold', 50, 3, 3, 60],
      ['TargetTracking-asg-AlarmLow', 'LessThanThreshold', 45, 15, 15, 60],
    ])
    expect(alarms[0].AlarmDescription).toMatch(/^DO NOT EDIT OR DELETE\. For TargetTrackingScaling policy arn:aws:autoscaling:/)
    s.advance(150_000) // the group's first two instances are past their warm-up
    load(s, 100, 4)
    // Three minutes above 50: 2 × 100 / 50 = 4 instances.
    expect(desired(s)).toBe(4)
    s.advance(180_000)
    load(s, 10, 17)
    // Fifteen minutes below 45: 4 × 10 / 50 = 0.8, rounded up to 1 (the group's minimum).
    expect(desired(s)).toBe(1)
    // Each launch and termination gives the alarm's sentence first in its cause.
    const firstSentences = activities(s).map((a) => a.Cause.split('  ')[0].replace(/^At \S+ /, '').replace(/-[0-9a-f-]{36}/, '-…'))
    expect([...new Set(firstSentences.filter((c) => c.includes('monitor alarm')))]).toEqual([
      'a monitor alarm TargetTracking-asg-AlarmLow-… in state ALARM triggered policy load50 changing the desired capacity from 4 to 1.',
      'a monitor alarm TargetTracking-asg-AlarmHigh-… in state ALARM triggered policy load50 changing the desired capacity from 2 to 4.',
    ])
  })

  it('with DisableScaleIn there is no AlarmLow, and the group never shrinks; delete-policy deletes its alarms', () => {
    const { sandbox: s, subnets } = withTemplate()
    createGroup(s, subnets, '--min-size 1 --max-size 10 --desired-capacity 2')
    const config = '{"CustomizedMetricSpecification":{"MetricName":"Load","Namespace":"Course","Statistic":"Average"},"TargetValue":50,"DisableScaleIn":true}'
    const out = json<{ Alarms: { AlarmName: string }[] }>(s, `aws autoscaling put-scaling-policy --auto-scaling-group-name asg --policy-name load50 --policy-type TargetTrackingScaling --target-tracking-configuration '${config}'`)
    expect(out.Alarms.map((a) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-asg-AlarmHigh-/)])
    s.advance(400_000)
    load(s, 5, 20)
    expect(desired(s)).toBe(2)
    ok(s, 'aws autoscaling delete-policy --auto-scaling-group-name asg --policy-name load50')
    expect(ok(s, 'aws cloudwatch describe-alarms --query MetricAlarms[].AlarmName --output text')).toBe('')
  })
})
