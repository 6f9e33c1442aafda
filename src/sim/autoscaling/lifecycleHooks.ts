import { AwsError, ownEntry, setOwnEntry } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import type { World } from '../world.ts'
import { validation } from './errors.ts'
import { groupNamed } from './groups.ts'
import { nextLifecycle } from './lifecycle.machine.ts'
import type { AutoScalingGroup, GroupInstance, LifecycleAction, LifecycleHook } from './state.ts'

/**
 * Lifecycle hooks (User Guide, "Amazon EC2 Auto Scaling lifecycle hooks"; API PutLifecycleHook, CompleteLifecycleAction,
 * RecordLifecycleActionHeartbeat, DeleteLifecycleHook): a member launching or terminating while a hook exists for that
 * transition waits in Pending:Wait or Terminating:Wait, one action per hook, each with its token. An action ends when
 * complete-lifecycle-action names it, or when HeartbeatTimeout passes without a heartbeat (the hook's DefaultResult
 * then applies); a heartbeat restarts the timeout, never past GlobalTimeout (48 hours or 100 × HeartbeatTimeout,
 * whichever is smaller). When no action is left the member proceeds: Terminating:Proceed (EC2 terminates it) or
 * Pending:Proceed (InService at the group's next pass; after ABANDON it is terminated instead). For a terminating
 * instance CONTINUE and ABANDON both end in termination; ABANDON skips the other hooks' actions.
 * Notifications (EventBridge, SNS, SQS) are not sent: whoever handles the hook polls describe-auto-scaling-instances.
 */
export const LIFECYCLE_TIMEOUT_TIMER = 'autoscaling.lifecycle.timeout'
export const LAUNCHING = 'autoscaling:EC2_INSTANCE_LAUNCHING'
export const TERMINATING = 'autoscaling:EC2_INSTANCE_TERMINATING'
const TRANSITIONS = [LAUNCHING, TERMINATING]
const RESULTS = ['CONTINUE', 'ABANDON']
/** API PutLifecycleHook: HeartbeatTimeout 30–7,200 s, default 3,600; GlobalTimeout 172,800 s or 100 × the heartbeat. */
const HEARTBEAT = { min: 30, max: 7200, default: 3600 }
const GLOBAL_MAX_S = 172_800
/** Auto Scaling quotas: 50 lifecycle hooks per group. */
const HOOKS_PER_GROUP = 50

/** The group's hooks (absent in worlds from before hooks were simulated). */
export const hooksOf = (world: Readonly<World>, group: string): readonly LifecycleHook[] => ownEntry(world.autoscaling.lifecycleHooks ?? {}, group) ?? []

function hookNamed(ctx: SimContext, group: AutoScalingGroup, name: string): LifecycleHook {
  const hook = hooksOf(ctx.world, group.AutoScalingGroupName).find((h) => h.LifecycleHookName === name)
  // Wording unverified.
  if (!hook) throw validation(`No Lifecycle Hook found for name: ${name} and group: ${group.AutoScalingGroupName}`)
  return hook
}

const infoOf = (ctx: SimContext, group: AutoScalingGroup, instanceId: string) => ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName]?.members[instanceId]

interface PutLifecycleHookRequest {
  LifecycleHookName: string
  AutoScalingGroupName: string
  LifecycleTransition?: string
  RoleARN?: string
  NotificationTargetARN?: string
  NotificationMetadata?: string
  HeartbeatTimeout?: number
  DefaultResult?: string
}

/** PutLifecycleHook: creates the hook, or changes the fields given of an existing one. Wordings unverified. */
export const putLifecycleHook = handler((ctx, input: PutLifecycleHookRequest) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const name = group.AutoScalingGroupName
  if (!/^[A-Za-z0-9\-_/]{1,255}$/.test(input.LifecycleHookName)) throw validation(`Invalid lifecycle hook name: ${input.LifecycleHookName}`)
  const hooks = hooksOf(ctx.world, name)
  const existing = hooks.find((h) => h.LifecycleHookName === input.LifecycleHookName)
  if (!existing && input.LifecycleTransition === undefined) throw validation('LifecycleTransition is required when creating a lifecycle hook.')
  if (input.LifecycleTransition !== undefined && !TRANSITIONS.includes(input.LifecycleTransition))
    throw validation(`Invalid Lifecycle Transition: ${input.LifecycleTransition}. Valid values are ${TRANSITIONS.join(', ')}.`)
  const heartbeat = input.HeartbeatTimeout ?? existing?.HeartbeatTimeout ?? HEARTBEAT.default
  if (!(heartbeat >= HEARTBEAT.min && heartbeat <= HEARTBEAT.max))
    throw validation(`The heartbeat timeout must be between ${HEARTBEAT.min} and ${HEARTBEAT.max} seconds.`)
  if (input.DefaultResult !== undefined && !RESULTS.includes(input.DefaultResult)) throw validation(`Invalid value for DefaultResult: ${input.DefaultResult}. Valid values are CONTINUE, ABANDON.`)
  if (!existing && hooks.length >= HOOKS_PER_GROUP)
    throw new AwsError('LimitExceeded', `You have reached the limit of ${HOOKS_PER_GROUP} lifecycle hooks for Auto Scaling group ${name}.`)
  const hook: LifecycleHook = {
    LifecycleHookName: input.LifecycleHookName,
    AutoScalingGroupName: name,
    LifecycleTransition: (input.LifecycleTransition ?? existing?.LifecycleTransition) as LifecycleHook['LifecycleTransition'],
    ...pick(input.NotificationTargetARN ?? existing?.NotificationTargetARN, 'NotificationTargetARN'),
    ...pick(input.RoleARN ?? existing?.RoleARN, 'RoleARN'),
    ...pick(input.NotificationMetadata ?? existing?.NotificationMetadata, 'NotificationMetadata'),
    HeartbeatTimeout: heartbeat,
    GlobalTimeout: Math.min(100 * heartbeat, GLOBAL_MAX_S),
    DefaultResult: (input.DefaultResult ?? existing?.DefaultResult ?? 'ABANDON') as LifecycleHook['DefaultResult'],
  }
  const all = (ctx.world.autoscaling.lifecycleHooks ??= {})
  const next = existing ? hooks.map((h) => (h === existing ? hook : h)) : [...hooks, hook]
  setOwnEntry(all, name, next)
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `lifecycle hook ${hook.LifecycleHookName} (${hook.LifecycleTransition}) ${existing ? 'updated' : 'added'}` })
  return {}
})

const pick = <K extends string>(value: string | undefined, key: K) => (value === undefined ? {} : ({ [key]: value } as Record<K, string>))

export const describeLifecycleHooks = handler((ctx, input: { AutoScalingGroupName: string; LifecycleHookNames?: string[] }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const hooks = hooksOf(ctx.world, group.AutoScalingGroupName)
  return { LifecycleHooks: input.LifecycleHookNames?.length ? hooks.filter((h) => input.LifecycleHookNames?.includes(h.LifecycleHookName)) : [...hooks] }
})

/**
 * DeleteLifecycleHook: "If there are any outstanding lifecycle actions, they are completed first (ABANDON for
 * launching instances, CONTINUE for terminating instances)" (API Reference).
 */
export const deleteLifecycleHook = handler((ctx, input: { LifecycleHookName: string; AutoScalingGroupName: string }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const hook = hookNamed(ctx, group, input.LifecycleHookName)
  for (const member of group.Instances) {
    const action = infoOf(ctx, group, member.InstanceId)?.actions?.find((a) => a.hook === hook.LifecycleHookName)
    if (action) endAction(ctx, group, member, action, hook.LifecycleTransition === LAUNCHING ? 'ABANDON' : 'CONTINUE')
  }
  setOwnEntry(ctx.world.autoscaling.lifecycleHooks!, group.AutoScalingGroupName, hooksOf(ctx.world, group.AutoScalingGroupName).filter((h) => h !== hook))
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `lifecycle hook ${hook.LifecycleHookName} deleted` })
  return {}
})

interface ActionRequest {
  LifecycleHookName: string
  AutoScalingGroupName: string
  LifecycleActionToken?: string
  InstanceId?: string
}

/** The outstanding action a request names by instance ID or token, in Auto Scaling's words when there is none. */
function actionNamed(ctx: SimContext, input: ActionRequest): { group: AutoScalingGroup; member: GroupInstance; action: LifecycleAction } {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const hook = hookNamed(ctx, group, input.LifecycleHookName)
  // Wording unverified.
  if (input.InstanceId === undefined && input.LifecycleActionToken === undefined) throw validation('Either LifecycleActionToken or InstanceId must be specified.')
  for (const member of group.Instances) {
    if (input.InstanceId !== undefined && member.InstanceId !== input.InstanceId) continue
    const action = infoOf(ctx, group, member.InstanceId)?.actions?.find(
      (a) => a.hook === hook.LifecycleHookName && (input.LifecycleActionToken === undefined || a.token === input.LifecycleActionToken),
    )
    if (action) return { group, member, action }
  }
  // As SDK users report the service's answer ("No active Lifecycle Action found with instance ID i-…" / "… with token …").
  throw validation(input.InstanceId !== undefined ? `No active Lifecycle Action found with instance ID ${input.InstanceId}` : `No active Lifecycle Action found with token ${input.LifecycleActionToken}`)
}

/** CompleteLifecycleAction: ends the named action with CONTINUE or ABANDON. */
export const completeLifecycleAction = handler((ctx, input: ActionRequest & { LifecycleActionResult: string }) => {
  if (!RESULTS.includes(input.LifecycleActionResult)) throw validation(`Invalid value for LifecycleActionResult: ${input.LifecycleActionResult}. Valid values are CONTINUE, ABANDON.`) // wording unverified
  const { group, member, action } = actionNamed(ctx, input)
  endAction(ctx, group, member, action, input.LifecycleActionResult as 'CONTINUE' | 'ABANDON')
  return {}
})

/** RecordLifecycleActionHeartbeat: the action's heartbeat timeout starts again, up to its global timeout. */
export const recordLifecycleActionHeartbeat = handler((ctx, input: ActionRequest) => {
  const { group, member, action } = actionNamed(ctx, input)
  const hook = hookNamed(ctx, group, action.hook)
  action.timeoutAt = Math.min(ctx.now() + hook.HeartbeatTimeout * 1000, action.globalTimeoutAt)
  scheduleTimeout(ctx, group, member.InstanceId, action)
  return {}
})

function scheduleTimeout(ctx: SimContext, group: AutoScalingGroup, instanceId: string, action: LifecycleAction): void {
  ctx.scheduler.schedule(action.timeoutAt, LIFECYCLE_TIMEOUT_TIMER, { group: group.AutoScalingGroupName, arn: group.AutoScalingGroupARN, instanceId, token: action.token, at: action.timeoutAt })
}

/** Timer: an action whose heartbeat timeout passed ends with its hook's DefaultResult (heartbeats reschedule it). */
export const lifecycleTimeout: TimerHandler = (ctx, payload) => {
  const group = ownEntry(ctx.world.autoscaling.groups, String(payload.group))
  if (!group || group.AutoScalingGroupARN !== payload.arn) return
  const member = group.Instances.find((m) => m.InstanceId === payload.instanceId)
  const action = member && infoOf(ctx, group, member.InstanceId)?.actions?.find((a) => a.token === payload.token)
  if (!member || !action || action.timeoutAt !== payload.at) return
  const hook = hooksOf(ctx.world, group.AutoScalingGroupName).find((h) => h.LifecycleHookName === action.hook)
  ctx.log(member.InstanceId, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${group.AutoScalingGroupName}: lifecycle hook ${action.hook} timed out, ${hook?.DefaultResult ?? 'ABANDON'}` })
  endAction(ctx, group, member, action, hook?.DefaultResult ?? 'ABANDON')
}

/**
 * A member making `transition` waits for the group's hooks on it: one action each, with its token and timeout.
 * False (and nothing changed) when no hook applies.
 */
export function holdForHooks(ctx: SimContext, group: AutoScalingGroup, member: GroupInstance, transition: typeof LAUNCHING | typeof TERMINATING): boolean {
  const hooks = hooksOf(ctx.world, group.AutoScalingGroupName).filter((h) => h.LifecycleTransition === transition)
  const info = infoOf(ctx, group, member.InstanceId)
  const next = nextLifecycle(member.LifecycleState, 'HOLD')
  if (!hooks.length || !info || !next) return false
  member.LifecycleState = next
  const now = ctx.now()
  info.actions = hooks.map((h) => ({ hook: h.LifecycleHookName, token: ctx.rng.uuid(), timeoutAt: now + h.HeartbeatTimeout * 1000, globalTimeoutAt: now + h.GlobalTimeout * 1000 }))
  for (const action of info.actions) scheduleTimeout(ctx, group, member.InstanceId, action)
  setActivityStatus(ctx, info.activityId, 'MidLifecycleAction')
  ctx.log(member.InstanceId, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${group.AutoScalingGroupName}: ${next}, waiting for lifecycle hook(s) ${hooks.map((h) => h.LifecycleHookName).join(', ')}` })
  return true
}

/** One action ends; when none is left (or with ABANDON) the member proceeds. */
function endAction(ctx: SimContext, group: AutoScalingGroup, member: GroupInstance, action: LifecycleAction, result: 'CONTINUE' | 'ABANDON'): void {
  const info = infoOf(ctx, group, member.InstanceId)
  if (!info) return
  const left = result === 'ABANDON' ? [] : (info.actions ?? []).filter((a) => a.token !== action.token)
  if (left.length) return void (info.actions = left)
  delete info.actions
  const next = nextLifecycle(member.LifecycleState, 'PROCEED')
  if (!next) return
  const waited = member.LifecycleState
  member.LifecycleState = next
  setActivityStatus(ctx, info.activityId, waited === 'Pending:Wait' ? 'PreInService' : 'InProgress')
  ctx.log(member.InstanceId, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${group.AutoScalingGroupName}: ${next} (${result})` })
  if (waited === 'Pending:Wait') {
    // The group's pass puts it InService, or terminates it after ABANDON (capacity.ts).
    if (result === 'ABANDON') info.abandoned = true
    return
  }
  const state = ctx.world.ec2.instances[member.InstanceId]?.State.Name
  if (state && state !== 'shutting-down' && state !== 'terminated') ctx.call('ec2', 'TerminateInstances', { InstanceIds: [member.InstanceId] })
}

/** A member that leaves the group before its actions end (its group deleted, or terminated while Pending:Wait). */
export const dropActions = (ctx: SimContext, group: AutoScalingGroup, member: GroupInstance): void => {
  const info = infoOf(ctx, group, member.InstanceId)
  if (info?.actions) delete info.actions
}

function setActivityStatus(ctx: SimContext, activityId: string, status: 'MidLifecycleAction' | 'PreInService' | 'InProgress'): void {
  const { activities } = ctx.world.autoscaling
  for (let i = activities.length - 1; i >= 0; i--) {
    if (activities[i].ActivityId !== activityId) continue
    if (activities[i].StatusCode !== 'Successful') activities[i].StatusCode = status
    return
  }
}

/** Ends every outstanding action of the member with ABANDON (a forced group deletion). */
export function abandonActions(ctx: SimContext, group: AutoScalingGroup, member: GroupInstance): void {
  const action = infoOf(ctx, group, member.InstanceId)?.actions?.[0]
  if (action) endAction(ctx, group, member, action, 'ABANDON')
}
