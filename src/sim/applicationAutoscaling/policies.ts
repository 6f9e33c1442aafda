import { handler, type SimContext } from '../context.ts'
import { checkEnum, policyNotFound, targetNotRegistered, validation } from './errors.ts'
import { checkTargetRef, findTarget } from './targets.ts'
import { checkTargetTracking, createAlarms, deleteAlarms } from './targetTracking.ts'
import type { Alarm, ScalingPolicy, StepScalingPolicyConfiguration, TargetTrackingScalingPolicyConfiguration } from './state.ts'

/**
 * Scaling policies (API Reference PutScalingPolicy, DescribeScalingPolicies, DeleteScalingPolicy). Target tracking
 * policies create and delete their own alarms (targetTracking.ts); a step scaling policy acts when an alarm of the
 * learner's names its ARN among its actions, and lists that alarm as its own. Putting a policy of an existing name
 * updates it in place (same ARN). The ARN is `arn:aws:autoscaling:…:scalingPolicy:<uuid>:resource/ecs/service/<cluster>/
 * <service>:policyName/<name>` (AWS CLI example `put-scaling-policy.rst`): an `autoscaling` ARN, which is why
 * CloudWatch repeats its action at each evaluation while the alarm stays in ALARM.
 */
interface PutScalingPolicyInput {
  PolicyName: string
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
  PolicyType?: string
  StepScalingPolicyConfiguration?: StepScalingPolicyConfiguration
  TargetTrackingScalingPolicyConfiguration?: TargetTrackingScalingPolicyConfiguration
}

const samePlace = (p: ScalingPolicy, input: { ServiceNamespace: string; ResourceId: string; ScalableDimension: string }) =>
  p.ServiceNamespace === input.ServiceNamespace && p.ResourceId === input.ResourceId && p.ScalableDimension === input.ScalableDimension

function checkStep(config: StepScalingPolicyConfiguration | undefined): StepScalingPolicyConfiguration {
  // Wordings unverified, in the service's style.
  if (!config) throw validation('StepScalingPolicyConfiguration is required for a policy of type StepScaling')
  if (!config.AdjustmentType) throw validation('AdjustmentType must be specified')
  if (!config.StepAdjustments?.length) throw validation('StepAdjustments must contain at least one step adjustment')
  for (const step of config.StepAdjustments) {
    if (step.MetricIntervalLowerBound !== undefined && step.MetricIntervalUpperBound !== undefined && step.MetricIntervalUpperBound <= step.MetricIntervalLowerBound)
      throw validation('Step adjustment upper bound must be greater than its lower bound')
  }
  checkEnum('MetricAggregationType', 'metricAggregationType', config.MetricAggregationType)
  return config
}

export const putScalingPolicy = handler((ctx, input: PutScalingPolicyInput) => {
  checkTargetRef(input)
  checkEnum('PolicyType', 'policyType', input.PolicyType)
  if (!findTarget(ctx, input)) throw targetNotRegistered(input.ServiceNamespace, input.ResourceId, input.ScalableDimension)
  const type = input.PolicyType ?? 'StepScaling'
  if (type === 'PredictiveScaling') throw validation('Container Sandbox does not simulate predictive scaling: use TargetTrackingScaling or StepScaling.')
  const tracking = type === 'TargetTrackingScaling' ? checkTargetTracking(ctx.world, input.TargetTrackingScalingPolicyConfiguration) : undefined
  const step = type === 'StepScaling' ? checkStep(input.StepScalingPolicyConfiguration) : undefined
  const policies = ctx.world.applicationAutoscaling.policies
  const existing = Object.values(policies).find((p) => samePlace(p, input) && p.PolicyName === input.PolicyName)
  if (existing) removePolicy(ctx, existing)
  const policy: ScalingPolicy = {
    PolicyARN:
      existing?.PolicyARN ??
      `arn:aws:autoscaling:${ctx.world.region}:${ctx.world.accountId}:scalingPolicy:${ctx.rng.uuid()}:resource/${input.ServiceNamespace}/${input.ResourceId}:policyName/${input.PolicyName}`,
    PolicyName: input.PolicyName,
    ServiceNamespace: input.ServiceNamespace,
    ResourceId: input.ResourceId,
    ScalableDimension: input.ScalableDimension,
    PolicyType: type as ScalingPolicy['PolicyType'],
    ...(step ? { StepScalingPolicyConfiguration: step } : {}),
    ...(tracking ? { TargetTrackingScalingPolicyConfiguration: tracking } : {}),
    Alarms: [],
    CreationTime: existing?.CreationTime ?? ctx.now(),
  }
  if (tracking) policy.Alarms = createAlarms(ctx, policy, tracking)
  policies[policy.PolicyARN] = policy
  return { PolicyARN: policy.PolicyARN, ...(tracking ? { Alarms: policy.Alarms } : {}) }
})

/** A step scaling policy's alarms are the alarms whose actions name it (CloudWatch's, read as they stand). */
function alarmsOf(ctx: SimContext, policy: ScalingPolicy): Alarm[] {
  if (policy.PolicyType !== 'StepScaling') return policy.Alarms
  return Object.values(ctx.world.cloudwatch.alarms)
    .filter((a) => a.AlarmActions.includes(policy.PolicyARN) || a.OKActions.includes(policy.PolicyARN) || a.InsufficientDataActions.includes(policy.PolicyARN))
    .map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmArn }))
}

export const describeScalingPolicies = handler(
  (ctx, input: { ServiceNamespace: string; PolicyNames?: string[]; ResourceId?: string; ScalableDimension?: string; MaxResults?: number }) => {
    checkEnum('ServiceNamespace', 'serviceNamespace', input.ServiceNamespace)
    checkEnum('ScalableDimension', 'scalableDimension', input.ScalableDimension)
    const policies = Object.values(ctx.world.applicationAutoscaling.policies)
      .filter(
        (p) =>
          p.ServiceNamespace === input.ServiceNamespace &&
          (input.ResourceId === undefined || p.ResourceId === input.ResourceId) &&
          (input.ScalableDimension === undefined || p.ScalableDimension === input.ScalableDimension) &&
          (!input.PolicyNames?.length || input.PolicyNames.includes(p.PolicyName)),
      )
      .map((p) => ({ ...p, Alarms: alarmsOf(ctx, p) }))
    return { ScalingPolicies: input.MaxResults !== undefined ? policies.slice(0, input.MaxResults) : policies }
  },
)

/** Removes a policy and the alarms it created (a step scaling policy leaves the learner's alarms alone). */
export function removePolicy(ctx: SimContext, policy: ScalingPolicy): void {
  if (policy.PolicyType === 'TargetTrackingScaling') deleteAlarms(ctx, policy.Alarms)
  delete ctx.world.applicationAutoscaling.policies[policy.PolicyARN]
}

export const deleteScalingPolicy = handler((ctx, input: { PolicyName: string; ServiceNamespace: string; ResourceId: string; ScalableDimension: string }) => {
  checkTargetRef(input)
  const policy = Object.values(ctx.world.applicationAutoscaling.policies).find((p) => samePlace(p, input) && p.PolicyName === input.PolicyName)
  if (!policy) throw policyNotFound(input.ServiceNamespace, input.ResourceId, input.ScalableDimension, input.PolicyName)
  removePolicy(ctx, policy)
  return {}
})
