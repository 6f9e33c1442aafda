import type { InstanceRefreshStatus } from './instanceRefresh.machine.ts'
import type { LifecycleState } from './lifecycle.machine.ts'

/**
 * Amazon EC2 Auto Scaling's slice of the world. Groups, activities, policies and instance refreshes are stored in the
 * API's own shapes (botocore `autoscaling` model: AutoScalingGroup, Instance, Activity, ScalingPolicy, InstanceRefresh),
 * so describe-* returns them as they are; what the service keeps beside them is in `bookkeeping`.
 */
export interface LaunchTemplateSpecification {
  LaunchTemplateId: string
  LaunchTemplateName: string
  Version: string
}

export interface TagDescription {
  ResourceId: string
  ResourceType: 'auto-scaling-group'
  Key: string
  Value: string
  PropagateAtLaunch: boolean
}

/** One member of a group (the model's `Instance`). */
export interface GroupInstance {
  InstanceId: string
  InstanceType: string
  AvailabilityZone: string
  LifecycleState: LifecycleState
  HealthStatus: 'Healthy' | 'Unhealthy'
  LaunchTemplate: LaunchTemplateSpecification
  ProtectedFromScaleIn: boolean
}

export interface AutoScalingGroup {
  AutoScalingGroupName: string
  AutoScalingGroupARN: string
  LaunchTemplate: LaunchTemplateSpecification
  MinSize: number
  MaxSize: number
  DesiredCapacity: number
  DefaultCooldown: number
  AvailabilityZones: string[]
  LoadBalancerNames: string[]
  TargetGroupARNs: string[]
  HealthCheckType: string
  HealthCheckGracePeriod: number
  Instances: GroupInstance[]
  CreatedTime: number
  SuspendedProcesses: unknown[]
  VPCZoneIdentifier: string
  EnabledMetrics: unknown[]
  /** `Delete in progress` while a forced deletion terminates the instances. */
  Status?: string
  Tags: TagDescription[]
  TerminationPolicies: string[]
  NewInstancesProtectedFromScaleIn: boolean
  ServiceLinkedRoleARN: string
  CapacityRebalance: boolean
  DefaultInstanceWarmup?: number
  TrafficSources: unknown[]
}

export interface Activity {
  ActivityId: string
  AutoScalingGroupName: string
  Description: string
  Cause: string
  StartTime: number
  EndTime?: number
  StatusCode: 'InProgress' | 'PreInService' | 'MidLifecycleAction' | 'Successful' | 'Failed' | 'Cancelled'
  StatusMessage?: string
  Progress: number
  Details: string
  AutoScalingGroupARN: string
}

export interface ScalingPolicy {
  AutoScalingGroupName: string
  PolicyName: string
  PolicyARN: string
  PolicyType: 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling'
  AdjustmentType?: string
  MinAdjustmentMagnitude?: number
  ScalingAdjustment?: number
  Cooldown?: number
  StepAdjustments: { MetricIntervalLowerBound?: number; MetricIntervalUpperBound?: number; ScalingAdjustment: number }[]
  MetricAggregationType?: string
  EstimatedInstanceWarmup?: number
  Alarms: { AlarmName: string; AlarmARN: string }[]
  TargetTrackingConfiguration?: {
    PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string }
    CustomizedMetricSpecification?: { MetricName?: string; Namespace?: string; Dimensions?: { Name: string; Value: string }[]; Statistic?: string; Unit?: string; Metrics?: unknown[] }
    TargetValue: number
    DisableScaleIn?: boolean
  }
  Enabled: boolean
}

export interface InstanceRefresh {
  InstanceRefreshId: string
  AutoScalingGroupName: string
  Status: InstanceRefreshStatus
  StatusReason?: string
  StartTime: number
  EndTime?: number
  PercentageComplete: number
  InstancesToUpdate: number
  ProgressDetails: { LivePoolProgress: { PercentageComplete: number; InstancesToUpdate: number } }
  Preferences: { MinHealthyPercentage: number; MaxHealthyPercentage: number; InstanceWarmup?: number; SkipMatching: boolean; ScaleInProtectedInstances: string; StandbyInstances: string }
  Strategy: 'Rolling'
}

/** Why the next launches happen, so their activities carry AWS's cause (activities.ts). */
export type LaunchReason = 'unhealthy' | 'refresh'

/** What Auto Scaling keeps about a group between its passes (capacity.ts). */
export interface GroupBookkeeping {
  /** The sentence of the user request that changed the desired capacity, prefixed to the next capacity activities' causes. */
  requestCause?: string
  /** Launches owed to replacements, in order, each with its cause. */
  replacements: LaunchReason[]
  /** Per member: when it was launched, when it went InService, its launch or termination activity. */
  members: Record<string, { launchedAt: number; inServiceAt?: number; activityId: string; launchTemplateVersion: number; unhealthyBy?: 'ec2' | 'status' | 'user'; actions?: LifecycleAction[]; abandoned?: true }>
  /** No launch before this time after a failed one (Auto Scaling backs off, User Guide "Troubleshoot"). */
  retryAt?: number
  /** The running instance refresh, and the members it still has to replace. */
  refresh?: { id: string; toReplace: string[]; total: number; inFlight: number }
  /** Per policy ARN, what its alarm-driven scaling remembers (alarmActions.ts); absent in older worlds. */
  policies?: Record<string, PolicyBookkeeping>
}

/**
 * A lifecycle hook (the model's `LifecycleHook`): while one exists for a transition, a member making it waits
 * (Pending:Wait, Terminating:Wait) until its action is completed or HeartbeatTimeout passes (lifecycleHooks.ts).
 */
export interface LifecycleHook {
  LifecycleHookName: string
  AutoScalingGroupName: string
  LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' | 'autoscaling:EC2_INSTANCE_TERMINATING'
  NotificationTargetARN?: string
  RoleARN?: string
  NotificationMetadata?: string
  HeartbeatTimeout: number
  GlobalTimeout: number
  DefaultResult: 'CONTINUE' | 'ABANDON'
}

/** One hook's action a waiting member has outstanding: its token, and when the heartbeat and the global timeout end. */
export interface LifecycleAction {
  hook: string
  token: string
  timeoutAt: number
  globalTimeoutAt: number
}

/** A policy's last scaling (simple scaling's cooldown) and its scale-outs still warming up (step scaling). */
export interface PolicyBookkeeping {
  scaledAt?: number
  warming: { until: number; added: number }[]
}

export interface AutoScalingState {
  groups: Record<string, AutoScalingGroup>
  /** Every group's activities, oldest first (describe-scaling-activities lists newest first). */
  activities: Activity[]
  policies: Record<string, ScalingPolicy>
  /** Instance refreshes by group name, newest last. */
  instanceRefreshes: Record<string, InstanceRefresh[]>
  bookkeeping: Record<string, GroupBookkeeping>
  /** Lifecycle hooks by group name, in the order they were put; absent in older worlds. */
  lifecycleHooks?: Record<string, LifecycleHook[]>
}

export const emptyAutoScalingState = (): AutoScalingState => ({ groups: {}, activities: [], policies: {}, instanceRefreshes: {}, bookkeeping: {} })
