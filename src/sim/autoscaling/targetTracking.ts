import { ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { Dimension } from '../cloudwatch/index.ts'
import { MANAGED_NAMESPACE } from '../ecs/reservationMetric.ts'
import { validation } from './errors.ts'
import type { ScalingPolicy } from './state.ts'

/**
 * The two CloudWatch alarms a target tracking policy creates and owns (EC2 Auto Scaling User Guide, "Target tracking
 * scaling policies": "Amazon EC2 Auto Scaling creates and manages the CloudWatch alarms that trigger the scaling policy"
 * and "DO NOT EDIT OR DELETE" in their description). They are real alarms here, put through CloudWatch's own
 * PutMetricAlarm, so describe-alarms lists them and they are evaluated on the clock like the learner's.
 *
 * Their settings are the ones AWS gives them, as describe-alarms shows them for such policies (User Guide, "Target
 * tracking scaling policies: how it works"; values as users publish them, not a documented table):
 * - AlarmHigh: 1-minute periods, 3 out of 3 datapoints above the target (scale out soon).
 * - AlarmLow: 1-minute periods, 15 out of 15 datapoints below 90 % of the target (scale in only after a steady fall);
 *   none when the policy disables scale in.
 * ECS managed scaling's policy (metric CapacityProviderReservation) scales out on one datapoint above the target and in
 * after 15 below it, not below 90 % of it: one empty instance is enough to scale in (ECS Developer Guide,
 * cluster-auto-scaling.html: "CloudWatch scale-in alarms require 15 data points (15 minutes)"; the alarms as users
 * describe them, "CapacityProviderReservation > 100 for 1 datapoints within 1 minute" and "< 100 for 15 datapoints",
 * aws/containers-roadmap#900).
 */

/** The predefined metrics of EC2 Auto Scaling (API PredefinedMetricSpecification) and the CloudWatch metric each is. */
const PREDEFINED: Record<string, { Namespace: string; MetricName: string; Statistic: string }> = {
  ASGAverageCPUUtilization: { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Statistic: 'Average' },
  ASGAverageNetworkIn: { Namespace: 'AWS/EC2', MetricName: 'NetworkIn', Statistic: 'Average' },
  ASGAverageNetworkOut: { Namespace: 'AWS/EC2', MetricName: 'NetworkOut', Statistic: 'Average' },
  ALBRequestCountPerTarget: { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCountPerTarget', Statistic: 'Sum' },
}

export interface CustomizedMetric {
  MetricName?: string
  Namespace?: string
  Dimensions?: Dimension[]
  Statistic?: string
  Unit?: string
  Metrics?: unknown[]
}

export interface TrackedMetric {
  Namespace: string
  MetricName: string
  Dimensions: Dimension[]
  Statistic: string
  Unit?: string
}

/** The metric a target tracking configuration tracks, or Auto Scaling's ValidationError (wording unverified). */
export function trackedMetric(group: string, config: NonNullable<ScalingPolicy['TargetTrackingConfiguration']>): TrackedMetric {
  const predefined = config.PredefinedMetricSpecification
  if (predefined) {
    const known = ownEntry(PREDEFINED, predefined.PredefinedMetricType)
    if (!known) throw validation(`Unsupported predefined metric type: ${predefined.PredefinedMetricType}.`)
    if (predefined.PredefinedMetricType === 'ALBRequestCountPerTarget') {
      // ResourceLabel: app/<lb>/<id>/targetgroup/<tg>/<id> (API PredefinedMetricSpecification).
      const label = predefined.ResourceLabel ?? ''
      const at = label.indexOf('/targetgroup/')
      if (at < 0) throw validation('ResourceLabel is required for ALBRequestCountPerTarget, in the form app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>.')
      return { ...known, Dimensions: [{ Name: 'TargetGroup', Value: label.slice(at + 1) }] }
    }
    return { ...known, Dimensions: [{ Name: 'AutoScalingGroupName', Value: group }] }
  }
  const custom = config.CustomizedMetricSpecification
  if (custom?.Metrics !== undefined) throw validation('Customized metrics with metric math (Metrics) are not simulated: give MetricName, Namespace and Statistic.')
  if (!custom?.MetricName || !custom.Namespace || !custom.Statistic) throw validation('CustomizedMetricSpecification requires MetricName, Namespace and Statistic.')
  return { Namespace: custom.Namespace, MetricName: custom.MetricName, Dimensions: custom.Dimensions ?? [], Statistic: custom.Statistic, ...(custom.Unit ? { Unit: custom.Unit } : {}) }
}

/** Puts (or updates) the policy's AlarmHigh and AlarmLow through CloudWatch, with the policy's ARN as their action. */
export function putTrackingAlarms(ctx: SimContext, policy: ScalingPolicy, metric: TrackedMetric): void {
  const target = policy.TargetTrackingConfiguration?.TargetValue ?? 0
  const fast = metric.Namespace === MANAGED_NAMESPACE // ECS's metric for its capacity providers: its high alarm acts on one datapoint (see above)
  const [high, low] = policy.Alarms
  const common = {
    AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.`,
    ActionsEnabled: true,
    AlarmActions: [policy.PolicyARN],
    Namespace: metric.Namespace,
    MetricName: metric.MetricName,
    Dimensions: metric.Dimensions,
    Statistic: metric.Statistic,
    ...(metric.Unit ? { Unit: metric.Unit } : {}),
    Period: 60,
  }
  const highPoints = fast ? 1 : 3
  ctx.call('cloudwatch', 'PutMetricAlarm', { ...common, AlarmName: high.AlarmName, EvaluationPeriods: highPoints, DatapointsToAlarm: highPoints, Threshold: target, ComparisonOperator: 'GreaterThanThreshold' })
  // With DisableScaleIn the policy has no AlarmLow (policies.ts leaves it out).
  if (low)
    ctx.call('cloudwatch', 'PutMetricAlarm', { ...common, AlarmName: low.AlarmName, EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: fast ? target : Math.round(target * 0.9 * 1e6) / 1e6, ComparisonOperator: 'LessThanThreshold' })
}

/** Deletes the policy's alarms (delete-policy, or the group's deletion): those still there. */
export function deleteTrackingAlarms(ctx: SimContext, policy: ScalingPolicy): void {
  const names = policy.Alarms.map((a) => a.AlarmName).filter((n) => ownEntry(ctx.world.cloudwatch.alarms, n))
  if (names.length) ctx.call('cloudwatch', 'DeleteAlarms', { AlarmNames: names })
}
