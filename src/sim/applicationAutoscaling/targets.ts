import { handler, type SimContext } from '../context.ts'
import { ownEntry, setOwnEntry } from '../core/index.ts'
import { CAUSES, recordActivity } from './activities.ts'
import { ecsServiceOf, setDesiredCount } from './ecsService.ts'
import { checkEnum, ecsServiceMissing, targetNotFound, unsupportedTarget, validation } from './errors.ts'
import { removePolicy } from './policies.ts'
import { targetKey, type ScalableTarget, type SuspendedState } from './state.ts'

/**
 * Scalable targets (API Reference RegisterScalableTarget, DescribeScalableTargets, DeregisterScalableTarget). Only
 * ECS services' desired count is simulated: `--service-namespace ecs --scalable-dimension ecs:service:DesiredCount
 * --resource-id service/<cluster>/<service>`. Registering again updates the bounds; a desired count outside the new
 * bounds is moved inside them at once, as an activity whose cause names the bound ("minimum capacity was set to 2").
 */
interface TargetRef {
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
}

/** The checks every operation on one target makes, in the order the service makes them. */
export function checkTargetRef(input: TargetRef): void {
  checkEnum('ServiceNamespace', 'serviceNamespace', input.ServiceNamespace)
  checkEnum('ScalableDimension', 'scalableDimension', input.ScalableDimension)
  // A dimension of another namespace, or an ECS resource ID that names no service, is the same refusal.
  if (input.ScalableDimension.split(':')[0] !== input.ServiceNamespace) throw unsupportedTarget()
  if (input.ServiceNamespace !== 'ecs') throw validation(`Container Sandbox simulates Application Auto Scaling for ECS services only (service namespace ecs), not ${input.ServiceNamespace}.`)
  const parts = input.ResourceId.split('/')
  if (parts.length !== 3 || parts[0] !== 'service' || !parts[1] || !parts[2]) throw unsupportedTarget()
}

export const findTarget = (ctx: SimContext, input: TargetRef) =>
  ownEntry(ctx.world.applicationAutoscaling.targets, targetKey(input.ServiceNamespace, input.ResourceId, input.ScalableDimension))

const ROLE = (accountId: string) =>
  `arn:aws:iam::${accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`

function checkCapacity(member: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0))
    throw validation(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value greater than or equal to 0`)
}

export const registerScalableTarget = handler(
  (ctx, input: TargetRef & { MinCapacity?: number; MaxCapacity?: number; RoleARN?: string; SuspendedState?: Partial<SuspendedState> }) => {
    checkTargetRef(input)
    checkCapacity('minCapacity', input.MinCapacity)
    checkCapacity('maxCapacity', input.MaxCapacity)
    const service = ecsServiceOf(ctx.world, input.ResourceId)
    if (!service) throw ecsServiceMissing(input.ResourceId)
    const existing = findTarget(ctx, input)
    const min = input.MinCapacity ?? existing?.MinCapacity
    const max = input.MaxCapacity ?? existing?.MaxCapacity
    // Wording unverified: the minimum and maximum a new target needs, and their order.
    if (min === undefined || max === undefined) throw validation('MinCapacity and MaxCapacity are required when registering a new scalable target.')
    if (min > max) throw validation('Minimum capacity cannot be greater than maximum capacity')
    const suspended: SuspendedState = {
      DynamicScalingInSuspended: input.SuspendedState?.DynamicScalingInSuspended ?? existing?.SuspendedState.DynamicScalingInSuspended ?? false,
      DynamicScalingOutSuspended: input.SuspendedState?.DynamicScalingOutSuspended ?? existing?.SuspendedState.DynamicScalingOutSuspended ?? false,
      ScheduledScalingSuspended: input.SuspendedState?.ScheduledScalingSuspended ?? existing?.SuspendedState.ScheduledScalingSuspended ?? false,
    }
    const target: ScalableTarget = existing ?? {
      ServiceNamespace: input.ServiceNamespace,
      ResourceId: input.ResourceId,
      ScalableDimension: input.ScalableDimension,
      MinCapacity: min,
      MaxCapacity: max,
      RoleARN: input.RoleARN ?? ROLE(ctx.world.accountId),
      CreationTime: ctx.now(),
      SuspendedState: suspended,
      ScalableTargetARN: `arn:aws:application-autoscaling:${ctx.world.region}:${ctx.world.accountId}:scalable-target/${ctx.rng.hex(36)}`,
    }
    target.MinCapacity = min
    target.MaxCapacity = max
    target.SuspendedState = suspended
    setOwnEntry(ctx.world.applicationAutoscaling.targets, targetKey(input.ServiceNamespace, input.ResourceId, input.ScalableDimension), target)
    // "If the current capacity is outside the new bounds, Application Auto Scaling scales it into them" (User Guide,
    // "Scalable targets"): the example activities' causes are "minimum capacity was set to N" / "maximum … to N".
    const desired = service.desiredCount
    const bounded = Math.min(max, Math.max(min, desired))
    if (bounded !== desired) {
      setDesiredCount(ctx, input.ResourceId, bounded)
      recordActivity(ctx, target, bounded, bounded > desired ? CAUSES.minimum(min) : CAUSES.maximum(max))
    }
    return { ScalableTargetARN: target.ScalableTargetARN }
  },
)

export const describeScalableTargets = handler(
  (ctx, input: { ServiceNamespace: string; ResourceIds?: string[]; ScalableDimension?: string; MaxResults?: number }) => {
    checkEnum('ServiceNamespace', 'serviceNamespace', input.ServiceNamespace)
    checkEnum('ScalableDimension', 'scalableDimension', input.ScalableDimension)
    const targets = Object.values(ctx.world.applicationAutoscaling.targets).filter(
      (t) =>
        t.ServiceNamespace === input.ServiceNamespace &&
        (!input.ResourceIds?.length || input.ResourceIds.includes(t.ResourceId)) &&
        (input.ScalableDimension === undefined || t.ScalableDimension === input.ScalableDimension),
    )
    return { ScalableTargets: input.MaxResults !== undefined ? targets.slice(0, input.MaxResults) : targets }
  },
)

/** Deregistering a target deletes its scaling policies (and so their target tracking alarms) with it (API Reference). */
export const deregisterScalableTarget = handler((ctx, input: TargetRef) => {
  checkTargetRef(input)
  const target = findTarget(ctx, input)
  if (!target) throw targetNotFound(input.ServiceNamespace, input.ResourceId, input.ScalableDimension)
  for (const policy of Object.values(ctx.world.applicationAutoscaling.policies)) {
    if (policy.ServiceNamespace === target.ServiceNamespace && policy.ResourceId === target.ResourceId && policy.ScalableDimension === target.ScalableDimension) removePolicy(ctx, policy)
  }
  const key = targetKey(input.ServiceNamespace, input.ResourceId, input.ScalableDimension)
  delete ctx.world.applicationAutoscaling.targets[key]
  delete ctx.world.applicationAutoscaling.bookkeeping[key]
  return {}
})
