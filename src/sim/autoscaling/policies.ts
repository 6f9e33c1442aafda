import { AwsError, arn } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { CAUSES } from './activities.ts'
import { validation } from './errors.ts'
import { changeDesired } from './groups.ts'
import type { AutoScalingGroup, ScalingPolicy } from './state.ts'

/**
 * Scaling policies (User Guide, "Step and simple scaling policies", "Target tracking scaling policies"). The sandbox
 * has no CloudWatch alarms that evaluate Auto Scaling metrics: a target tracking policy is stored and described with
 * the two alarms AWS would create for it (AlarmHigh, AlarmLow), and those alarms are never evaluated; step and simple
 * policies act when run with `aws autoscaling execute-policy` (with --metric-value and --breach-threshold for steps).
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
  TargetTrackingConfiguration?: ScalingPolicy['TargetTrackingConfiguration'] & { CustomizedMetricSpecification?: unknown }
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
  const existing = findPolicy(ctx, group.AutoScalingGroupName, input.PolicyName)
  const PolicyARN = existing?.PolicyARN ?? policyArn(ctx, group.AutoScalingGroupName, input.PolicyName)
  const alarms = type === 'TargetTrackingScaling' ? (existing?.Alarms.length ? existing.Alarms : targetTrackingAlarms(ctx, group.AutoScalingGroupName)) : (existing?.Alarms ?? [])
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
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `scaling policy ${input.PolicyName} (${type}) ${existing ? 'updated' : 'created'}` })
  return { PolicyARN, ...(type === 'TargetTrackingScaling' ? { Alarms: alarms } : {}) }
})

/** The two alarms target tracking creates (User Guide: "TargetTracking-<group>-AlarmHigh-<id>" and "-AlarmLow-"). */
function targetTrackingAlarms(ctx: SimContext, group: string) {
  return ['AlarmHigh', 'AlarmLow'].map((kind) => {
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
  delete ctx.world.autoscaling.policies[policy.PolicyARN]
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
    const delta = input.MetricValue - input.BreachThreshold
    const stepFound = policy.StepAdjustments.find((s) => (s.MetricIntervalLowerBound ?? -Infinity) <= delta && delta < (s.MetricIntervalUpperBound ?? Infinity))
    if (!stepFound) throw validation(`No step adjustment found for metric value ${input.MetricValue} and breach threshold ${input.BreachThreshold}.`)
    adjustment = stepFound.ScalingAdjustment
  }
  const from = group.DesiredCapacity
  const raw = policy.AdjustmentType === 'ExactCapacity' ? adjustment : policy.AdjustmentType === 'PercentChangeInCapacity' ? from + percentStep(from, adjustment, policy.MinAdjustmentMagnitude) : from + adjustment
  const desired = Math.min(group.MaxSize, Math.max(group.MinSize, raw))
  changeDesired(ctx, group, desired, CAUSES.executedPolicy(ctx.now(), policy.PolicyName, from, desired))
  return {}
})

/** PercentChangeInCapacity rounds toward zero but moves at least 1 (or MinAdjustmentMagnitude) (User Guide, "Scaling adjustment types"). */
function percentStep(capacity: number, percent: number, minMagnitude = 1): number {
  const raw = Math.trunc((capacity * percent) / 100)
  if (percent === 0) return 0
  const magnitude = Math.max(Math.abs(raw), minMagnitude)
  return Math.sign(percent) * magnitude
}
