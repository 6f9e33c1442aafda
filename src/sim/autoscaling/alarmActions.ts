import { ownEntry } from '../core/index.ts'
import type { AlarmInvocation, SimContext } from '../context.ts'
import { CAUSES } from './activities.ts'
import { changeDesired } from './groups.ts'
import { counts } from './lifecycle.machine.ts'
import { adjusted, stepFor } from './policies.ts'
import type { AutoScalingGroup, PolicyBookkeeping, ScalingPolicy } from './state.ts'

/**
 * A CloudWatch alarm invoking a scaling policy (its action is the policy's ARN). CloudWatch invokes Auto Scaling
 * actions at every evaluation while the alarm stays in ALARM (cloudwatch/alarms.ts), so each kind of policy decides
 * here whether to act again (EC2 Auto Scaling User Guide):
 * - simple: one adjustment, then nothing until the cooldown (the policy's Cooldown, else the group's DefaultCooldown)
 *   has passed ("Simple scaling policies", "Scaling cooldowns");
 * - step: the step for value − threshold; while the instances it added are warming up (EstimatedInstanceWarmup), a
 *   new breach adds only what its step asks beyond them ("Step scaling policies: instance warmup");
 * - target tracking: the capacity that brings the metric to the target, capacity × value / target rounded up, never
 *   beyond MinSize/MaxSize; no scale in with DisableScaleIn; nothing while launched instances are warming up
 *   ("How target tracking scaling works", "Set the default instance warmup").
 * Returns false for an ARN that is no policy of this account (Application Auto Scaling's share the service name).
 */
export function alarmAction(ctx: SimContext, invocation: AlarmInvocation): boolean {
  const policy = ownEntry(ctx.world.autoscaling.policies, invocation.actionArn)
  if (!policy) return false
  const group = ownEntry(ctx.world.autoscaling.groups, policy.AutoScalingGroupName)
  if (!group || group.Status || !policy.Enabled || invocation.state !== 'ALARM') return true
  const book = ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName]
  book.policies ??= {}
  const mine = (book.policies[policy.PolicyARN] ??= { warming: [] })
  const from = group.DesiredCapacity
  const desired =
    policy.PolicyType === 'SimpleScaling' ? simple(ctx, group, policy, mine)
    : policy.PolicyType === 'StepScaling' ? step(ctx, group, policy, mine, invocation)
    : tracking(ctx, group, policy, invocation)
  if (desired === undefined || desired === from) return true
  const bounded = Math.min(group.MaxSize, Math.max(group.MinSize, desired))
  if (bounded === from) return true
  mine.scaledAt = ctx.now()
  changeDesired(ctx, group, bounded, CAUSES.alarm(ctx.now(), invocation.alarmName, invocation.state, policy.PolicyName, from, bounded))
  return true
}

const seconds = (s: number) => s * 1000

function simple(ctx: SimContext, group: AutoScalingGroup, policy: ScalingPolicy, mine: PolicyBookkeeping): number | undefined {
  const cooldown = seconds(policy.Cooldown ?? group.DefaultCooldown)
  if (mine.scaledAt !== undefined && ctx.now() < mine.scaledAt + cooldown) return undefined
  return adjusted(policy, group.DesiredCapacity, policy.ScalingAdjustment ?? 0)
}

/** The warm-up of a policy's new instances: its own EstimatedInstanceWarmup, else the group's default (else none). */
const warmupOf = (group: AutoScalingGroup, policy: ScalingPolicy) => seconds(policy.EstimatedInstanceWarmup ?? group.DefaultInstanceWarmup ?? 0)

function step(ctx: SimContext, group: AutoScalingGroup, policy: ScalingPolicy, mine: PolicyBookkeeping, invocation: AlarmInvocation): number | undefined {
  if (invocation.value === undefined) return undefined
  const found = stepFor(policy, invocation.value - invocation.threshold)
  if (!found) return undefined
  const from = group.DesiredCapacity
  const wanted = adjusted(policy, from, found.ScalingAdjustment) - from
  if (wanted <= 0) return from + wanted
  mine.warming = mine.warming.filter((w) => w.until > ctx.now())
  const inFlight = mine.warming.reduce((sum, w) => sum + w.added, 0)
  const added = Math.min(wanted - inFlight, group.MaxSize - from)
  if (added <= 0) return undefined
  const warmup = warmupOf(group, policy)
  if (warmup > 0) mine.warming.push({ until: ctx.now() + warmup, added })
  return from + added
}

function tracking(ctx: SimContext, group: AutoScalingGroup, policy: ScalingPolicy, invocation: AlarmInvocation): number | undefined {
  const config = policy.TargetTrackingConfiguration
  if (!config || invocation.value === undefined || !(config.TargetValue > 0)) return undefined
  const high = invocation.alarmName === policy.Alarms[0]?.AlarmName
  if (!high && config.DisableScaleIn) return undefined
  // Instances still warming up do not count yet: no new decision until they do (the metric has not seen them).
  const warmup = seconds(policy.EstimatedInstanceWarmup ?? group.DefaultInstanceWarmup ?? group.DefaultCooldown)
  const book = ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName]
  const warming = group.Instances.some((m) => counts(m.LifecycleState) && (book.members[m.InstanceId]?.launchedAt ?? 0) + warmup > ctx.now())
  if (warming) return undefined
  // From no capacity at all, the ratio alone says how many instances are needed (ECS publishes 200 then: two).
  const capacity = group.DesiredCapacity
  const needed = Math.ceil(Math.max(capacity, 1) * (invocation.value / config.TargetValue) - 1e-9)
  if (high) return needed > capacity ? needed : undefined
  return needed < capacity ? needed : undefined
}
