import { AwsError, arn } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { CAUSES } from './activities.ts'
import { validation } from './errors.ts'
import { changeDesired } from './groups.ts'
import type { AutoScalingGroup, ScalingPolicy } from './state.ts'
import { deleteTrackingAlarms, putTrackingAlarms, trackedMetric } from './targetTracking.ts'

/**
 * Scaling policies (User Guide, "Step and simple scaling policies", "Target tracking scaling policies"). Simple and
 * step policies act when a CloudWatch alarm whose action is their ARN is in ALARM (alarmActions.ts), or when run with
 * `aws autoscaling execute-policy` (with --metric-value and --breach-threshold for steps). A target tracking policy
 * creates its AlarmHigh and AlarmLow through CloudWatch (targetTracking.ts) and scales toward its target when they fire.
 * The ValidationError sentences of this file, but for "Group <name> not found", are the sandbox's own (not verified).
 */
interface PolicyRequest {
  AutoScalingGroupName: string
  PolicyName: string
  PolicyType?: string
  AdjustmentType?: string
  MinAdjustmentMagnitude?: number
  ScalingAdjustment?: number
  Cooldown?: number
  MetricAggregationType?: string
  StepAdjustments?: ScalingPolicy['StepAdjustments']
  EstimatedInstanceWarmup?: number
  TargetTrackingConfiguration?: ScalingPolicy['TargetTrackingConfiguration']
  Enabled?: boolean
}

const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']

/** PutScalingPolicy and friends name a missing group this way (as SDK users report it). */
function policyGroup(ctx: SimContext, name: string): AutoScalingGroup {
  const group = Object.hasOwn(ctx.world.autoscaling.groups, name) ? ctx.world.autoscaling.groups[name] : undefined
  if (!group) throw validation(`Group ${name} not found`)
  return group
}

const policyArn = (ctx: SimContext, group: string, policy: string) =>
  arn({ service: 'autoscaling', region: ctx.world.region, accountId: ctx.world.accountId, resource: `scalingPolicy:${ctx.rng.uuid()}:autoScalingGroupName/${group}:policyName/${policy}` })

const findPolicy = (ctx: SimContext, group: string | undefined, name: string) =>
  Object.values(ctx.world.autoscaling.policies).find((p) => (p.PolicyName === name || p.PolicyARN === name) && (group === undefined || p.AutoScalingGroupName === group))

export const putScalingPolicy = handler((ctx, input: PolicyRequest) => {
  const group = policyGroup(ctx, input.AutoScalingGroupName)
  const type = (input.PolicyType ?? 'SimpleScaling') as ScalingPolicy['PolicyType']
  if (!['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'].includes(type))
    throw validation(`Unsupported policy type: ${type}. Valid values are SimpleScaling, StepScaling and TargetTrackingScaling.`)
  if (input.AdjustmentType !== undefined && !ADJUSTMENT_TYPES.includes(input.AdjustmentType))
    throw validation(`Invalid adjustment type ${input.AdjustmentType}; must be one of ${ADJUSTMENT_TYPES.join(', ')}.`)
  if (type === 'SimpleScaling' && input.ScalingAdjustment === undefined) throw validation('ScalingAdjustment is required for a SimpleScaling policy.')
  if (type === 'StepScaling' && !input.StepAdjustments?.length) throw validation('StepAdjustments is required for a StepScaling policy.')
  if (type === 'TargetTrackingScaling') {
    const config = input.TargetTrackingConfiguration
    if (!config) throw validation('TargetTrackingConfiguration is required for a TargetTrackingScaling policy.')
    if (!config.PredefinedMetricSpecification && !config.CustomizedMetricSpecification)
      throw validation('Either PredefinedMetricSpecification or CustomizedMetricSpecification must be specified.')
  }
  const metric = input.TargetTrackingConfiguration && type === 'TargetTrackingScaling' ? trackedMetric(group.AutoScalingGroupName, input.TargetTrackingConfiguration) : undefined
  const existing = findPolicy(ctx, group.AutoScalingGroupName, input.PolicyName)
  if (existing && existing.PolicyType !== type) throw validation(`The policy type of ${input.PolicyName} cannot be changed from ${existing.PolicyType} to ${type}.`)
  const PolicyARN = existing?.PolicyARN ?? policyArn(ctx, group.AutoScalingGroupName, input.PolicyName)
  const alarms = metric ? trackingAlarmNames(ctx, group.AutoScalingGroupName, existing?.Alarms ?? [], input.TargetTrackingConfiguration?.DisableScaleIn ?? false) : (existing?.Alarms ?? [])
  const policy: ScalingPolicy = {
    AutoScalingGroupName: group.AutoScalingGroupName,
    PolicyName: input.PolicyName,
    PolicyARN,
    PolicyType: type,
    ...(type !== 'TargetTrackingScaling' ? { AdjustmentType: input.AdjustmentType ?? 'ChangeInCapacity' } : {}),
    ...(input.MinAdjustmentMagnitude !== undefined ? { MinAdjustmentMagnitude: input.MinAdjustmentMagnitude } : {}),
    ...(input.ScalingAdjustment !== undefined ? { ScalingAdjustment: input.ScalingAdjustment } : {}),
    ...(input.Cooldown !== undefined ? { Cooldown: input.Cooldown } : {}),
    StepAdjustments: input.StepAdjustments ?? [],
    ...(type === 'StepScaling' ? { MetricAggregationType: input.MetricAggregationType ?? 'Average' } : {}),
    ...(input.EstimatedInstanceWarmup !== undefined ? { EstimatedInstanceWarmup: input.EstimatedInstanceWarmup } : {}),
    Alarms: alarms,
    ...(input.TargetTrackingConfiguration ? { TargetTrackingConfiguration: { ...input.TargetTrackingConfiguration, DisableScaleIn: input.TargetTrackingConfiguration.DisableScaleIn ?? false } } : {}),
    Enabled: input.Enabled ?? true,
  }
  ctx.world.autoscaling.policies[PolicyARN] = policy
  if (metric) {
    // An AlarmLow dropped by DisableScaleIn goes; the others are put (created, or updated with the new target).
    deleteTrackingAlarms(ctx, { ...policy, Alarms: (existing?.Alarms ?? []).filter((a) => !alarms.some((b) => b.AlarmName === a.AlarmName)) })
    putTrackingAlarms(ctx, policy, metric)
  }
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `scaling policy ${input.PolicyName} (${type}) ${existing ? 'updated' : 'created'}` })
  return { PolicyARN, ...(type === 'TargetTrackingScaling' ? { Alarms: alarms } : {}) }
})

/**
 * The alarms target tracking creates, named "TargetTracking-<group>-AlarmHigh-<id>" and "-AlarmLow-<id>" (User Guide);
 * an existing policy keeps its names. No AlarmLow when scale in is disabled.
 */
function trackingAlarmNames(ctx: SimContext, group: string, existing: ScalingPolicy['Alarms'], disableScaleIn: boolean): ScalingPolicy['Alarms'] {
  const kinds = disableScaleIn ? ['AlarmHigh'] : ['AlarmHigh', 'AlarmLow']
  return kinds.map((kind) => {
    const kept = existing.find((a) => a.AlarmName.startsWith(`TargetTracking-${group}-${kind}-`))
    if (kept) return kept
    const AlarmName = `TargetTracking-${group}-${kind}-${ctx.rng.uuid()}`
    return { AlarmName, AlarmARN: arn({ service: 'cloudwatch', region: ctx.world.region, accountId: ctx.world.accountId, resource: `alarm:${AlarmName}` }) }
  })
}

export const describePolicies = handler((ctx, input: { AutoScalingGroupName?: string; PolicyNames?: string[]; PolicyTypes?: string[] }) => ({
  ScalingPolicies: Object.values(ctx.world.autoscaling.policies).filter(
    (p) =>
      (input.AutoScalingGroupName === undefined || p.AutoScalingGroupName === input.AutoScalingGroupName) &&
      (!input.PolicyNames?.length || input.PolicyNames.includes(p.PolicyName) || input.PolicyNames.includes(p.PolicyARN)) &&
      (!input.PolicyTypes?.length || input.PolicyTypes.includes(p.PolicyType)),
  ),
}))

export const deletePolicy = handler((ctx, input: { AutoScalingGroupName?: string; PolicyName: string }) => {
  const policy = findPolicy(ctx, input.AutoScalingGroupName, input.PolicyName)
  if (!policy) throw validation(`Policy ${input.PolicyName} not found`)
  // "Deleting a target tracking scaling policy deletes any underlying alarm actions" (API Reference, DeletePolicy): its alarms go.
  deleteTrackingAlarms(ctx, policy)
  delete ctx.world.autoscaling.policies[policy.PolicyARN]
  delete ctx.world.autoscaling.bookkeeping[policy.AutoScalingGroupName]?.policies?.[policy.PolicyARN]
  return {}
})

/** ExecutePolicy: applies a simple policy's adjustment, or the step matching MetricValue − BreachThreshold; bounded by min and max. */
export const executePolicy = handler((ctx, input: { AutoScalingGroupName?: string; PolicyName: string; MetricValue?: number; BreachThreshold?: number }) => {
  const policy = findPolicy(ctx, input.AutoScalingGroupName, input.PolicyName)
  if (!policy) throw validation(`Policy ${input.PolicyName} not found`)
  const group = policyGroup(ctx, policy.AutoScalingGroupName)
  if (policy.PolicyType === 'TargetTrackingScaling') throw validation('ExecutePolicy is not supported for a TargetTrackingScaling policy.')
  let adjustment = policy.ScalingAdjustment ?? 0
  if (policy.PolicyType === 'StepScaling') {
    if (input.MetricValue === undefined || input.BreachThreshold === undefined)
      throw new AwsError('ValidationError', 'MetricValue and BreachThreshold are required to execute a StepScaling policy.')
    const stepFound = stepFor(policy, input.MetricValue - input.BreachThreshold)
    if (!stepFound) throw validation(`No step adjustment found for metric value ${input.MetricValue} and breach threshold ${input.BreachThreshold}.`)
    adjustment = stepFound.ScalingAdjustment
  }
  const from = group.DesiredCapacity
  const desired = Math.min(group.MaxSize, Math.max(group.MinSize, adjusted(policy, from, adjustment)))
  changeDesired(ctx, group, desired, CAUSES.executedPolicy(ctx.now(), policy.PolicyName, from, desired))
  return {}
})

/** The step whose interval holds value − threshold (bounds: lower inclusive, upper exclusive, User Guide "Step adjustments"). */
export const stepFor = (policy: ScalingPolicy, delta: number) =>
  policy.StepAdjustments.find((s) => (s.MetricIntervalLowerBound ?? -Infinity) <= delta && delta < (s.MetricIntervalUpperBound ?? Infinity))

/** The capacity an adjustment asks for, by the policy's AdjustmentType (before the group's bounds). */
export const adjusted = (policy: ScalingPolicy, from: number, adjustment: number) =>
  policy.AdjustmentType === 'ExactCapacity' ? adjustment : policy.AdjustmentType === 'PercentChangeInCapacity' ? from + percentStep(from, adjustment, policy.MinAdjustmentMagnitude) : from + adjustment

/** PercentChangeInCapacity rounds toward zero but moves at least 1 (or MinAdjustmentMagnitude) (User Guide, "Scaling adjustment types"). */
function percentStep(capacity: number, percent: number, minMagnitude = 1): number {
  const raw = Math.trunc((capacity * percent) / 100)
  if (percent === 0) return 0
  const magnitude = Math.max(Math.abs(raw), minMagnitude)
  return Math.sign(percent) * magnitude
}
