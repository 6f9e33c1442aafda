import { AwsError, ownEntry, setOwnEntry, unproxied } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { resolveLaunchTemplate } from '../ec2/launchTemplate.ts'
import { CAUSES, joinCause } from './activities.ts'
import { chooseForTermination, membersAsTheyAre, membersWhere, terminate } from './capacity.ts'
import { validation } from './errors.ts'
import { groupNamed } from './groups.ts'
import { isActive, nextRefreshStatus } from './instanceRefresh.machine.ts'
import { counts, leaving } from './lifecycle.machine.ts'
import type { AutoScalingGroup, GroupBookkeeping, InstanceRefresh } from './state.ts'

interface Preferences {
  MinHealthyPercentage?: number
  MaxHealthyPercentage?: number
  InstanceWarmup?: number
  SkipMatching?: boolean
  ScaleInProtectedInstances?: string
}

/**
 * Instances protected from scale in (ECS managed termination protection protects every instance running tasks) are
 * skipped by default: "Ignore" (the default) leaves them on the old configuration, "Refresh" replaces them like the
 * others, "Wait" holds the refresh until they are unprotected (API Reference, RefreshPreferences.ScaleInProtectedInstances).
 */
const PROTECTED_CHOICES = ['Refresh', 'Ignore', 'Wait']

/**
 * StartInstanceRefresh: replaces the group's instances in batches so that at least MinHealthyPercentage of the
 * desired capacity stays InService and warmed up (User Guide, "How an instance refresh works": default 90 %, maximum
 * 100 %, so a batch is terminated first and its replacements launched after; at 100 % one instance at a time). Without
 * SkipMatching every instance is replaced; with it, only those not on the group's launch template version.
 */
export const startInstanceRefresh = handler((ctx, input: { AutoScalingGroupName: string; Strategy?: string; Preferences?: Preferences; DesiredConfiguration?: unknown }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const name = group.AutoScalingGroupName
  // Group names come from the learner: `constructor` is a name like any other (ownEntry).
  let refreshes = ownEntry(ctx.world.autoscaling.instanceRefreshes, name)
  if (!refreshes) setOwnEntry(ctx.world.autoscaling.instanceRefreshes, name, (refreshes = []))
  if (refreshes.some((r) => isActive(r.Status)))
    throw new AwsError('InstanceRefreshInProgress', 'An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.')
  if (input.DesiredConfiguration !== undefined) throw validation('DesiredConfiguration is not supported in this sandbox: update the group\'s launch template first.')
  const prefs = input.Preferences ?? {}
  const min = prefs.MinHealthyPercentage ?? 90
  const max = prefs.MaxHealthyPercentage ?? 100
  if (min < 0 || min > 100) throw validation('MinHealthyPercentage must be between 0 and 100.')
  if (max !== 100) throw validation('This sandbox supports MaxHealthyPercentage 100 only (terminate, then launch).')
  const protectedChoice = prefs.ScaleInProtectedInstances ?? 'Ignore'
  // Wording unverified (the API's enum check).
  if (!PROTECTED_CHOICES.includes(protectedChoice)) throw validation(`ScaleInProtectedInstances must be one of ${PROTECTED_CHOICES.join(', ')}.`)
  const book = ctx.world.autoscaling.bookkeeping[name]
  const current = resolveLaunchTemplate(ctx, group.LaunchTemplate).VersionNumber
  const toReplace = group.Instances.filter((m) => counts(m.LifecycleState))
    .filter((m) => !prefs.SkipMatching || m.LaunchTemplate.Version !== String(current) || m.LaunchTemplate.LaunchTemplateId !== group.LaunchTemplate.LaunchTemplateId)
    .map((m) => m.InstanceId)
  const refresh: InstanceRefresh = {
    InstanceRefreshId: ctx.rng.uuid(),
    AutoScalingGroupName: name,
    Status: 'Pending',
    StartTime: ctx.now(),
    PercentageComplete: 0,
    InstancesToUpdate: toReplace.length,
    ProgressDetails: { LivePoolProgress: { PercentageComplete: 0, InstancesToUpdate: toReplace.length } },
    Preferences: {
      MinHealthyPercentage: min,
      MaxHealthyPercentage: max,
      ...(prefs.InstanceWarmup !== undefined ? { InstanceWarmup: prefs.InstanceWarmup } : {}),
      SkipMatching: prefs.SkipMatching ?? false,
      ScaleInProtectedInstances: protectedChoice,
      StandbyInstances: 'Ignore',
    },
    Strategy: 'Rolling',
  }
  refreshes.push(refresh)
  book.refresh = { id: refresh.InstanceRefreshId, toReplace, total: toReplace.length, inFlight: 0 }
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `instance refresh ${refresh.InstanceRefreshId} started: ${toReplace.length} instance(s) to replace, min healthy ${min} %` })
  return { InstanceRefreshId: refresh.InstanceRefreshId }
})

export const describeInstanceRefreshes = handler((ctx, input: { AutoScalingGroupName: string; InstanceRefreshIds?: string[] }) => {
  const all = [...(ownEntry(ctx.world.autoscaling.instanceRefreshes, input.AutoScalingGroupName) ?? [])].reverse()
  return { InstanceRefreshes: input.InstanceRefreshIds?.length ? all.filter((r) => input.InstanceRefreshIds?.includes(r.InstanceRefreshId)) : all }
})

export const cancelInstanceRefresh = handler((ctx, input: { AutoScalingGroupName: string }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const refresh = (ownEntry(ctx.world.autoscaling.instanceRefreshes, group.AutoScalingGroupName) ?? []).find((r) => r.Status === 'Pending' || r.Status === 'InProgress')
  if (!refresh) throw new AwsError('ActiveInstanceRefreshNotFound', `No in progress or pending Instance Refresh found for Auto Scaling group ${group.AutoScalingGroupName}`)
  move(refresh, 'CANCEL')
  refresh.StatusReason = 'Cancelled due to user request.'
  return { InstanceRefreshId: refresh.InstanceRefreshId }
})

function move(refresh: InstanceRefresh, event: 'START' | 'DONE' | 'CANCEL' | 'CANCELLED'): void {
  const next = nextRefreshStatus(refresh.Status, event)
  if (next) refresh.Status = next
}

/**
 * One step of the group's refresh, from its pass: once the replacements in flight are InService and warmed up (and the
 * group is back at its desired capacity), the next batch of old instances is taken out of service; the pass then
 * launches their replacements.
 */
export function stepInstanceRefresh(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const plan = book.refresh
  if (!plan) return
  const refresh = (ownEntry(ctx.world.autoscaling.instanceRefreshes, group.AutoScalingGroupName) ?? []).find((r) => r.InstanceRefreshId === plan.id)
  if (!refresh || !isActive(refresh.Status)) return void delete book.refresh
  if (refresh.Status === 'Pending') move(refresh, 'START')
  const now = ctx.now()
  const warmupMs = (refresh.Preferences.InstanceWarmup ?? group.DefaultInstanceWarmup ?? group.HealthCheckGracePeriod) * 1000
  // Read on the plain objects (membersAsTheyAre): this runs at every pass of a refreshing group, over all its members.
  const members = membersAsTheyAre(group)
  const infos = unproxied(book).members
  const live = members.filter((m) => counts(m.LifecycleState))
  const ready = live.filter((m) => m.LifecycleState === 'InService' && m.HealthStatus === 'Healthy' && (infos[m.InstanceId]?.inServiceAt ?? Infinity) + warmupMs <= now)
  const settled = ready.length === live.length && live.length >= group.DesiredCapacity && !members.some((m) => leaving(m.LifecycleState))
  const liveIds = new Set(live.map((m) => m.InstanceId))
  plan.toReplace = unproxied(plan.toReplace).filter((id) => liveIds.has(id))
  // Protected instances: skipped for good (Ignore), or not yet (Wait).
  const isProtected = new Set(live.filter((m) => m.ProtectedFromScaleIn).map((m) => m.InstanceId))
  const choice = refresh.Preferences.ScaleInProtectedInstances
  if (choice === 'Ignore') plan.toReplace = unproxied(plan.toReplace).filter((id) => !isProtected.has(id))
  const remaining = plan.toReplace.length
  if (refresh.Status === 'Cancelling') {
    if (settled) finish(ctx, group, book, refresh, 'CANCELLED')
    return progress(refresh, plan, remaining, settled)
  }
  if (!remaining && settled) return finish(ctx, group, book, refresh, 'DONE')
  progress(refresh, plan, remaining, settled)
  if (!settled || !remaining) return
  const minHealthy = Math.ceil((group.DesiredCapacity * refresh.Preferences.MinHealthyPercentage) / 100)
  const batch = Math.min(remaining, Math.max(1, ready.length - minHealthy))
  for (let i = 0; i < batch; i++) {
    const toReplace = new Set(unproxied(plan.toReplace))
    const candidates = membersWhere(group, (m) => toReplace.has(m.InstanceId) && counts(m.LifecycleState) && !(choice === 'Wait' && m.ProtectedFromScaleIn))
    const member = chooseForTermination(group, book, candidates)
    if (!member) break
    terminate(ctx, group, member, joinCause(CAUSES.refreshTerminate(now), CAUSES.selected(now, member.InstanceId)))
    plan.toReplace = unproxied(plan.toReplace).filter((id) => id !== member.InstanceId)
    plan.inFlight++
    book.replacements.push('refresh')
  }
}

/** PercentageComplete: the share of instances replaced, counting a replacement once it is InService and warmed up. */
function progress(refresh: InstanceRefresh, plan: { total: number; inFlight: number }, remaining: number, settled: boolean): void {
  if (settled) plan.inFlight = 0
  const done = plan.total ? Math.max(0, plan.total - remaining - plan.inFlight) : 0
  const percent = plan.total ? Math.floor((done * 100) / plan.total) : 100
  refresh.PercentageComplete = Math.max(refresh.PercentageComplete, Math.min(percent, 99))
  refresh.InstancesToUpdate = remaining
  refresh.ProgressDetails = { LivePoolProgress: { PercentageComplete: refresh.PercentageComplete, InstancesToUpdate: remaining } }
}

function finish(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping, refresh: InstanceRefresh, event: 'DONE' | 'CANCELLED'): void {
  move(refresh, event)
  refresh.EndTime = ctx.now()
  if (event === 'DONE') {
    refresh.PercentageComplete = 100
    refresh.InstancesToUpdate = 0
    refresh.ProgressDetails = { LivePoolProgress: { PercentageComplete: 100, InstancesToUpdate: 0 } }
  }
  delete book.refresh
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `instance refresh ${refresh.InstanceRefreshId} ${refresh.Status}` })
}
