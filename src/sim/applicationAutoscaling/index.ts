import type { ServiceSim } from '../context.ts'
import { describeScalingActivities } from './activities.ts'
import { deleteScalingPolicy, describeScalingPolicies, putScalingPolicy } from './policies.ts'
import { alarmAction } from './scaling.ts'
import { deregisterScalableTarget, describeScalableTargets, registerScalableTarget } from './targets.ts'

export type { ApplicationAutoScalingState, ScalableTarget, ScalingPolicy, ScalingActivity } from './state.ts'
export { emptyApplicationAutoScalingState } from './state.ts'

/** Application Auto Scaling for ECS services: scalable targets, target tracking and step scaling policies, activities. */
export const applicationAutoscaling: ServiceSim = {
  operations: {
    RegisterScalableTarget: registerScalableTarget,
    DescribeScalableTargets: describeScalableTargets,
    DeregisterScalableTarget: deregisterScalableTarget,
    PutScalingPolicy: putScalingPolicy,
    DescribeScalingPolicies: describeScalingPolicies,
    DeleteScalingPolicy: deleteScalingPolicy,
    DescribeScalingActivities: describeScalingActivities,
  },
  notes: {
    RegisterScalableTarget: 'ECS services only (service namespace ecs, dimension ecs:service:DesiredCount); tags are not kept.',
    PutScalingPolicy:
      'target tracking on the predefined ECS metrics (CPU, memory, ALBRequestCountPerTarget) and step scaling; no customized metrics or predictive scaling. ' +
      'ALBRequestCountPerTarget counts the requests of the running tasks of the ECS services registered in the target group.',
    DescribeScalingActivities: 'activities end when ECS accepts the new desired count; no not-scaled activities.',
  },
  alarmAction,
}
