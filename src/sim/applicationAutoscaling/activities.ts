import { handler, type SimContext } from '../context.ts'
import type { ScalableTarget, ScalingActivity } from './state.ts'

/**
 * Scaling activities in Application Auto Scaling's words for an ECS service (AWS CLI example
 * `application-autoscaling/describe-scaling-activities.rst`): Description `Setting desired count to 3.`, Cause
 * `monitor alarm <alarm> in state ALARM triggered policy <policy>` (or `minimum capacity was set to 2` when a
 * registration moved the count into its bounds), StatusMessage `Successfully set desired count to 3. Change
 * successfully fulfilled by ecs.`
 */
export const CAUSES = {
  alarm: (alarmName: string, state: string, policyName: string) => `monitor alarm ${alarmName} in state ${state} triggered policy ${policyName}`,
  minimum: (n: number) => `minimum capacity was set to ${n}`,
  maximum: (n: number) => `maximum capacity was set to ${n}`,
}

/** AWS keeps six weeks of activities; the sandbox keeps the newest ones. */
const ACTIVITIES_KEPT = 500

/** Records a finished activity setting the desired count (ECS answers UpdateService at once, so it ends as it starts). */
export function recordActivity(ctx: SimContext, target: ScalableTarget, desired: number, cause: string, failure?: string): ScalingActivity {
  const now = ctx.now()
  const activity: ScalingActivity = {
    ActivityId: ctx.rng.uuid(),
    ServiceNamespace: target.ServiceNamespace,
    ResourceId: target.ResourceId,
    ScalableDimension: target.ScalableDimension,
    Description: `Setting desired count to ${desired}.`,
    Cause: cause,
    StartTime: now,
    EndTime: now,
    StatusCode: failure === undefined ? 'Successful' : 'Failed',
    StatusMessage: failure ?? `Successfully set desired count to ${desired}. Change successfully fulfilled by ecs.`,
  }
  const list = ctx.world.applicationAutoscaling.activities
  list.push(activity)
  if (list.length > ACTIVITIES_KEPT) list.splice(0, list.length - ACTIVITIES_KEPT)
  return activity
}

/** DescribeScalingActivities: newest first, by namespace and optionally resource and dimension. */
export const describeScalingActivities = handler(
  (ctx, input: { ServiceNamespace: string; ResourceId?: string; ScalableDimension?: string; MaxResults?: number }) => {
    const matching = ctx.world.applicationAutoscaling.activities.filter(
      (a) =>
        a.ServiceNamespace === input.ServiceNamespace &&
        (input.ResourceId === undefined || a.ResourceId === input.ResourceId) &&
        (input.ScalableDimension === undefined || a.ScalableDimension === input.ScalableDimension),
    )
    const newestFirst = [...matching].reverse()
    return { ScalingActivities: input.MaxResults !== undefined ? newestFirst.slice(0, input.MaxResults) : newestFirst }
  },
)
