/**
 * Application Auto Scaling's slice of the world: scalable targets, scaling policies and scaling activities in the API's
 * own shapes (botocore `application-autoscaling` 2016-02-06: ScalableTarget, ScalingPolicy, ScalingActivity), so
 * describe-* returns them as they are; what the service keeps beside them (cooldowns) is in `bookkeeping`.
 */
export interface SuspendedState {
  DynamicScalingInSuspended: boolean
  DynamicScalingOutSuspended: boolean
  ScheduledScalingSuspended: boolean
}

export interface ScalableTarget {
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
  MinCapacity: number
  MaxCapacity: number
  RoleARN: string
  CreationTime: number
  SuspendedState: SuspendedState
  ScalableTargetARN: string
}

export interface StepAdjustment {
  MetricIntervalLowerBound?: number
  MetricIntervalUpperBound?: number
  ScalingAdjustment: number
}

export interface StepScalingPolicyConfiguration {
  AdjustmentType?: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity'
  StepAdjustments?: StepAdjustment[]
  MinAdjustmentMagnitude?: number
  Cooldown?: number
  MetricAggregationType?: string
}

export interface TargetTrackingScalingPolicyConfiguration {
  TargetValue: number
  PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string }
  ScaleOutCooldown?: number
  ScaleInCooldown?: number
  DisableScaleIn?: boolean
}

export interface Alarm {
  AlarmName: string
  AlarmARN: string
}

export interface ScalingPolicy {
  PolicyARN: string
  PolicyName: string
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
  PolicyType: 'StepScaling' | 'TargetTrackingScaling'
  StepScalingPolicyConfiguration?: StepScalingPolicyConfiguration
  TargetTrackingScalingPolicyConfiguration?: TargetTrackingScalingPolicyConfiguration
  /** Target tracking: the alarms it created, AlarmHigh first. Step scaling: empty until an alarm names the policy. */
  Alarms: Alarm[]
  CreationTime: number
}

export interface ScalingActivity {
  ActivityId: string
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
  Description: string
  Cause: string
  StartTime: number
  EndTime?: number
  StatusCode: 'Pending' | 'InProgress' | 'Successful' | 'Overridden' | 'Unfulfilled' | 'Failed'
  StatusMessage?: string
}

/** Per scalable target (keyed like `targets`): the last scaling of each direction, for the cooldowns (scaling.ts). */
export interface TargetBookkeeping {
  /** When the last scale-out happened and the capacity it started from. */
  scaledOut?: { at: number; from: number; to: number }
  scaledIn?: { at: number }
}

export interface ApplicationAutoScalingState {
  /** Keyed by `namespace|resourceId|dimension` (targetKey). */
  targets: Record<string, ScalableTarget>
  /** Keyed by the policy ARN. */
  policies: Record<string, ScalingPolicy>
  /** Oldest first (describe-scaling-activities lists newest first). */
  activities: ScalingActivity[]
  bookkeeping: Record<string, TargetBookkeeping>
}

export const emptyApplicationAutoScalingState = (): ApplicationAutoScalingState => ({ targets: {}, policies: {}, activities: [], bookkeeping: {} })

export const targetKey = (namespace: string, resourceId: string, dimension: string) => `${namespace}|${resourceId}|${dimension}`
