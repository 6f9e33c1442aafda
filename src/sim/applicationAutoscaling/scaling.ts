import type { AlarmInvocation, SimContext } from '../context.ts'
import { isAwsError } from '../core/index.ts'
import { CAUSES, recordActivity } from './activities.ts'
import { ecsServiceOf, setDesiredCount } from './ecsService.ts'
import { targetKey, type ScalableTarget, type ScalingPolicy, type StepScalingPolicyConfiguration, type TargetBookkeeping } from './state.ts'

/**
 * A policy acting when CloudWatch invokes it (`ServiceSim.alarmAction`; CloudWatch repeats an Auto Scaling action at
 * each evaluation while the alarm stays in ALARM, so cooldowns decide whether a repeat scales again).
 *
 * Target tracking (User Guide, "How target tracking scaling works"): the capacity that brings the metric back to the
 * target, in proportion: ceil(capacity × metric / target), within the target's bounds. Scale-out cooldown (default
 * 300 s for ECS services): "the scaling policy won't increase the desired capacity again unless either a larger scale
 * out is triggered or the cooldown period ends", the capacity added counting as part of the next one; so during it
 * the proportion is taken from the capacity before that scale-out, and only a larger count acts. Scale-in cooldown
 * (default 300 s): no scale-in until it has passed, but a scale-out may happen at once. Scale-in is slower already by
 * its alarm (15 low minutes against 3 high ones: targetTracking.ts).
 *
 * Step scaling (User Guide, "Step scaling policies"): the step whose bounds, relative to the alarm threshold, hold the
 * breach; ChangeInCapacity, PercentChangeInCapacity (rounded as the guide says, at least MinAdjustmentMagnitude) or
 * ExactCapacity; one Cooldown (default 300 s for ECS services) in each direction.
 */
const DEFAULT_COOLDOWN_S = 300

export function alarmAction(ctx: SimContext, invocation: AlarmInvocation): boolean {
  const state = ctx.world.applicationAutoscaling
  const policy = Object.hasOwn(state.policies, invocation.actionArn) ? state.policies[invocation.actionArn] : undefined
  if (!policy) return false
  const key = targetKey(policy.ServiceNamespace, policy.ResourceId, policy.ScalableDimension)
  const target = Object.hasOwn(state.targets, key) ? state.targets[key] : undefined
  const service = ecsServiceOf(ctx.world, policy.ResourceId)
  if (!target || !service || invocation.value === undefined || invocation.state !== 'ALARM') return true
  const book = (state.bookkeeping[key] ??= {})
  const current = service.desiredCount
  const decision = policy.PolicyType === 'TargetTrackingScaling' ? trackTarget(ctx, policy, invocation, current, book) : stepScale(ctx, policy.StepScalingPolicyConfiguration!, invocation, current, book)
  if (decision === undefined) return true
  const desired = Math.min(target.MaxCapacity, Math.max(target.MinCapacity, decision.desired))
  if (desired === current || (decision.out ? desired < current : desired > current)) return true
  if (decision.out ? target.SuspendedState.DynamicScalingOutSuspended : target.SuspendedState.DynamicScalingInSuspended) return true
  scale(ctx, target, policy, invocation, desired)
  if (decision.out) book.scaledOut = { at: ctx.now(), from: decision.base, to: desired }
  else book.scaledIn = { at: ctx.now() }
  return true
}

interface Decision {
  out: boolean
  desired: number
  /** The capacity the proportion was taken from (kept for the scale-out cooldown). */
  base: number
}

const inCooldown = (ctx: SimContext, at: number | undefined, seconds: number) => at !== undefined && ctx.now() < at + seconds * 1000

function trackTarget(ctx: SimContext, policy: ScalingPolicy, invocation: AlarmInvocation, current: number, book: TargetBookkeeping): Decision | undefined {
  const config = policy.TargetTrackingScalingPolicyConfiguration!
  const value = invocation.value!
  const high = policy.Alarms[0]?.AlarmName === invocation.alarmName
  if (high) {
    const cooling = inCooldown(ctx, book.scaledOut?.at, config.ScaleOutCooldown ?? DEFAULT_COOLDOWN_S)
    const base = cooling && book.scaledOut ? book.scaledOut.from : current
    return { out: true, desired: Math.ceil((base * value) / config.TargetValue), base }
  }
  if (config.DisableScaleIn || inCooldown(ctx, book.scaledIn?.at, config.ScaleInCooldown ?? DEFAULT_COOLDOWN_S)) return undefined
  return { out: false, desired: Math.ceil((current * value) / config.TargetValue), base: current }
}

function stepScale(ctx: SimContext, config: StepScalingPolicyConfiguration, invocation: AlarmInvocation, current: number, book: TargetBookkeeping): Decision | undefined {
  const breach = invocation.value! - invocation.threshold
  const step = config.StepAdjustments?.find(
    (s) => (s.MetricIntervalLowerBound === undefined || breach >= s.MetricIntervalLowerBound) && (s.MetricIntervalUpperBound === undefined || breach < s.MetricIntervalUpperBound),
  )
  if (!step) return undefined
  let desired: number
  if (config.AdjustmentType === 'ExactCapacity') desired = step.ScalingAdjustment
  else if (config.AdjustmentType === 'PercentChangeInCapacity') {
    const raw = (current * step.ScalingAdjustment) / 100
    // "Values greater than 1 are rounded down… between 0 and 1 are rounded to 1… between 0 and -1 are rounded to -1…
    // less than -1 are rounded up" (User Guide, "Step scaling policies", scaling adjustment types).
    let change = raw > 1 ? Math.floor(raw) : raw > 0 ? 1 : raw > -1 ? (raw < 0 ? -1 : 0) : Math.ceil(raw)
    if (config.MinAdjustmentMagnitude !== undefined && Math.abs(change) < config.MinAdjustmentMagnitude) change = Math.sign(change) * config.MinAdjustmentMagnitude
    desired = current + change
  } else desired = current + step.ScalingAdjustment
  const out = desired > current
  const cooldown = config.Cooldown ?? DEFAULT_COOLDOWN_S
  if (inCooldown(ctx, out ? book.scaledOut?.at : book.scaledIn?.at, cooldown)) return undefined
  return { out, desired, base: current }
}

/** Sets the count through ECS and records the activity; an ECS refusal is a Failed activity with ECS's words. */
function scale(ctx: SimContext, target: ScalableTarget, policy: ScalingPolicy, invocation: AlarmInvocation, desired: number): void {
  const cause = CAUSES.alarm(invocation.alarmName, invocation.state, policy.PolicyName)
  try {
    setDesiredCount(ctx, target.ResourceId, desired)
  } catch (e) {
    if (!isAwsError(e)) throw e
    recordActivity(ctx, target, desired, cause, `Failed to set desired count to ${desired}. ${e.message}`)
    return
  }
  recordActivity(ctx, target, desired, cause)
}
