import type { SimContext } from '../context.ts'
import type { World } from '../world.ts'
import { validation } from './errors.ts'
import type { Alarm, ScalingPolicy, TargetTrackingScalingPolicyConfiguration } from './state.ts'

/**
 * The CloudWatch alarms a target tracking policy creates and owns (Application Auto Scaling User Guide, "Target
 * tracking scaling policies"; ECS Developer Guide, "Use a target metric to scale Amazon ECS services"): named
 * `TargetTracking-<resource ID>-AlarmHigh-<uuid>` and `…-AlarmLow-<uuid>` (AWS CLI example
 * `application-autoscaling/put-scaling-policy.rst`), described "DO NOT EDIT OR DELETE", on one-minute datapoints:
 * high when 3 of 3 are above the target, low when 15 of 15 are below 90 % of it, so scale-in waits far longer than
 * scale-out. Created through CloudWatch's own PutMetricAlarm, so describe-alarms and the Insights panel show them.
 * With DisableScaleIn there is no low alarm (the CLI example's third policy has only AlarmHigh).
 */
export const HIGH = { evaluationPeriods: 3, datapointsToAlarm: 3 }
export const LOW = { evaluationPeriods: 15, datapointsToAlarm: 15, ofTarget: 0.9 }

/** The predefined metrics of an ECS service (API Reference, PredefinedMetricSpecification): what each one measures. */
const ECS_METRICS: Record<string, { namespace: string; metricName: string; statistic: string; unit?: string }> = {
  ECSServiceAverageCPUUtilization: { namespace: 'AWS/ECS', metricName: 'CPUUtilization', statistic: 'Average', unit: 'Percent' },
  ECSServiceAverageMemoryUtilization: { namespace: 'AWS/ECS', metricName: 'MemoryUtilization', statistic: 'Average', unit: 'Percent' },
  ALBRequestCountPerTarget: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCountPerTarget', statistic: 'Sum' },
}

/** Refuses what the sandbox cannot track for an ECS service; wordings unverified, in the service's style. */
export function checkTargetTracking(world: Readonly<World>, config: TargetTrackingScalingPolicyConfiguration | undefined): TargetTrackingScalingPolicyConfiguration {
  if (!config) throw validation('TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling')
  if (!(config.TargetValue > 0)) throw validation('TargetValue must be greater than 0')
  const type = config.PredefinedMetricSpecification?.PredefinedMetricType
  if (type === undefined) throw validation('Container Sandbox tracks predefined metrics only: give PredefinedMetricSpecification (customized metrics are not simulated).')
  if (!ECS_METRICS[type]) throw validation(`Unsupported metric type ${type} for service namespace ecs`)
  const label = config.PredefinedMetricSpecification?.ResourceLabel
  if (type === 'ALBRequestCountPerTarget') {
    const match = label === undefined ? null : /^app\/[^/]+\/[0-9a-f]+\/targetgroup\/([^/]+)\/([0-9a-f]+)$/.exec(label)
    if (!match) throw validation(`Invalid ResourceLabel ${label ?? ''} for metric type ALBRequestCountPerTarget: expected app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>`)
    if (!Object.values(world.elbv2.targetGroups).some((g) => g.TargetGroupArn.endsWith(`:${label!.slice(label!.indexOf('targetgroup/'))}`)))
      throw validation(`Target group ${label!.slice(label!.indexOf('targetgroup/'))} does not exist`)
  } else if (label !== undefined) {
    throw validation(`ResourceLabel is not supported for metric type ${type}`)
  }
  return config
}

function dimensionsOf(policy: ScalingPolicy, config: TargetTrackingScalingPolicyConfiguration) {
  const label = config.PredefinedMetricSpecification?.ResourceLabel
  if (label !== undefined) return [{ Name: 'TargetGroup', Value: label.slice(label.indexOf('targetgroup/')) }]
  const [, cluster, service] = policy.ResourceId.split('/')
  return [
    { Name: 'ClusterName', Value: cluster },
    { Name: 'ServiceName', Value: service },
  ]
}

/** Creates the policy's alarms through CloudWatch and returns them, AlarmHigh first. */
export function createAlarms(ctx: SimContext, policy: ScalingPolicy, config: TargetTrackingScalingPolicyConfiguration): Alarm[] {
  const metric = ECS_METRICS[config.PredefinedMetricSpecification!.PredefinedMetricType]
  const common = {
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.`,
    AlarmActions: [policy.PolicyARN],
    MetricName: metric.metricName,
    Namespace: metric.namespace,
    Statistic: metric.statistic,
    Dimensions: dimensionsOf(policy, config),
    Period: 60,
    ...(metric.unit ? { Unit: metric.unit } : {}),
  }
  const alarms: Alarm[] = []
  const put = (kind: 'High' | 'Low', fields: object) => {
    const AlarmName = `TargetTracking-${policy.ResourceId}-Alarm${kind}-${ctx.rng.uuid()}`
    ctx.call('cloudwatch', 'PutMetricAlarm', { AlarmName, ...common, ...fields })
    alarms.push({ AlarmName, AlarmARN: `arn:aws:cloudwatch:${ctx.world.region}:${ctx.world.accountId}:alarm:${AlarmName}` })
  }
  put('High', { EvaluationPeriods: HIGH.evaluationPeriods, DatapointsToAlarm: HIGH.datapointsToAlarm, Threshold: config.TargetValue, ComparisonOperator: 'GreaterThanThreshold' })
  if (!config.DisableScaleIn)
    put('Low', { EvaluationPeriods: LOW.evaluationPeriods, DatapointsToAlarm: LOW.datapointsToAlarm, Threshold: Math.round(config.TargetValue * LOW.ofTarget * 1e6) / 1e6, ComparisonOperator: 'LessThanThreshold' })
  return alarms
}

export function deleteAlarms(ctx: SimContext, alarms: Alarm[]): void {
  const names = alarms.map((a) => a.AlarmName).filter((name) => Object.hasOwn(ctx.world.cloudwatch.alarms, name))
  if (names.length) ctx.call('cloudwatch', 'DeleteAlarms', { AlarmNames: names })
}
