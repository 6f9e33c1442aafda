import type { OperationHandler, ServiceSim } from '../context.ts'
import { describeScalingActivities } from './activities.ts'
import { alarmAction } from './alarmActions.ts'
import { groupPass } from './capacity.ts'
import { createAutoScalingGroup, deleteAutoScalingGroup, describeAutoScalingGroups, setDesiredCapacity, updateAutoScalingGroup } from './groups.ts'
import { describeAutoScalingInstances, setInstanceHealth, setInstanceProtection, terminateInstanceInAutoScalingGroup } from './instances.ts'
import { cancelInstanceRefresh, describeInstanceRefreshes, startInstanceRefresh } from './instanceRefresh.ts'
import { deletePolicy, describePolicies, executePolicy, putScalingPolicy } from './policies.ts'
import { createLaunchConfiguration, deleteLaunchConfiguration, describeLaunchConfigurations } from './launchConfigurations.ts'
import { forgetRestingGroups } from './quiet.ts'
import {
  completeLifecycleAction,
  deleteLifecycleHook,
  describeLifecycleHooks,
  LIFECYCLE_TIMEOUT_TIMER,
  lifecycleTimeout,
  putLifecycleHook,
  recordLifecycleActionHeartbeat,
} from './lifecycleHooks.ts'

export type { AutoScalingState, AutoScalingGroup, GroupInstance, Activity, InstanceRefresh, ScalingPolicy, LifecycleHook } from './state.ts'
export { TERMINATING as TERMINATING_TRANSITION } from './lifecycleHooks.ts'
export { emptyAutoScalingState } from './state.ts'
export { LIFECYCLE_STATES, type LifecycleState } from './lifecycle.machine.ts'
export { INSTANCE_REFRESH_STATUSES, type InstanceRefreshStatus } from './instanceRefresh.machine.ts'

/**
 * Every operation (and alarm action) first forgets which groups are at rest: one may change a group without an event
 * (SetInstanceHealth), and a group's pass then has to look again (quiet.ts).
 */
function forgettingRest(operations: Record<string, OperationHandler>): Record<string, OperationHandler> {
  const wrapped: Record<string, OperationHandler> = {}
  for (const [name, operation] of Object.entries(operations))
    wrapped[name] = (ctx, input) => {
      forgetRestingGroups()
      return operation(ctx, input)
    }
  return wrapped
}

/** Amazon EC2 Auto Scaling: groups launched from launch templates through EC2's RunInstances, on the virtual clock. */
export const autoscaling: ServiceSim = {
  operations: forgettingRest({
    CreateAutoScalingGroup: createAutoScalingGroup,
    UpdateAutoScalingGroup: updateAutoScalingGroup,
    DeleteAutoScalingGroup: deleteAutoScalingGroup,
    DescribeAutoScalingGroups: describeAutoScalingGroups,
    SetDesiredCapacity: setDesiredCapacity,
    DescribeAutoScalingInstances: describeAutoScalingInstances,
    TerminateInstanceInAutoScalingGroup: terminateInstanceInAutoScalingGroup,
    SetInstanceHealth: setInstanceHealth,
    SetInstanceProtection: setInstanceProtection,
    DescribeScalingActivities: describeScalingActivities,
    PutScalingPolicy: putScalingPolicy,
    DescribePolicies: describePolicies,
    DeletePolicy: deletePolicy,
    ExecutePolicy: executePolicy,
    StartInstanceRefresh: startInstanceRefresh,
    DescribeInstanceRefreshes: describeInstanceRefreshes,
    CancelInstanceRefresh: cancelInstanceRefresh,
    CreateLaunchConfiguration: createLaunchConfiguration,
    DescribeLaunchConfigurations: describeLaunchConfigurations,
    DeleteLaunchConfiguration: deleteLaunchConfiguration,
    PutLifecycleHook: putLifecycleHook,
    DescribeLifecycleHooks: describeLifecycleHooks,
    DeleteLifecycleHook: deleteLifecycleHook,
    CompleteLifecycleAction: completeLifecycleAction,
    RecordLifecycleActionHeartbeat: recordLifecycleActionHeartbeat,
  }),
  notes: {
    CreateAutoScalingGroup:
      'groups launch from launch templates only (AWS no longer offers launch configurations to new accounts); mixed instances, ' +
      'warm pools and load balancer health checks are not simulated (HealthCheckType ELB behaves as EC2).',
    PutLifecycleHook:
      'launching and terminating hooks hold instances in Pending:Wait / Terminating:Wait until complete-lifecycle-action or the heartbeat timeout; ' +
      'no notification is sent (NotificationTargetARN and RoleARN are kept, not used): poll describe-auto-scaling-instances.',
    PutScalingPolicy:
      'simple and step policies act when a CloudWatch alarm with their ARN as action is in ALARM (or through execute-policy); ' +
      'target tracking creates its AlarmHigh/AlarmLow through CloudWatch, on a predefined metric or a customized one without metric math. ' +
      'an alarm on a metric nothing publishes stays in INSUFFICIENT_DATA and never scales; ' +
      'predictive scaling is not simulated.',
    StartInstanceRefresh: 'MaxHealthyPercentage 100 only (terminate a batch, then launch); no checkpoints, rollback or DesiredConfiguration.',
  },
  timers: {
    'autoscaling.group.pass': groupPass,
    [LIFECYCLE_TIMEOUT_TIMER]: (ctx, payload) => {
      forgetRestingGroups()
      lifecycleTimeout(ctx, payload)
    },
  },
  alarmAction: (ctx, invocation) => {
    forgetRestingGroups()
    return alarmAction(ctx, invocation)
  },
}
