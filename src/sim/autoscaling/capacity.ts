import { isAwsError, unproxied } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { resolveLaunchTemplate } from '../ec2/launchTemplate.ts'
import { launchInstances } from '../ec2/runInstances.ts'
import type { Subnet, Tag } from '../ec2/state.ts'
import { CAUSES, finishActivity, joinCause, recordActivity } from './activities.ts'
import { stepInstanceRefresh } from './instanceRefresh.ts'
import { deleteTrackingAlarms } from './targetTracking.ts'
import { failedEc2HealthCheck } from './healthCheck.ts'
import { counts, endsWhenTerminated, nextLifecycle } from './lifecycle.machine.ts'
import { abandonActions, dropActions, holdForHooks, LAUNCHING, TERMINATING } from './lifecycleHooks.ts'
import { markIfAtRest, stillAtRest } from './quiet.ts'
import { LAUNCH_RETRY_MS, PASS_MS } from './timings.ts'
import type { AutoScalingGroup, GroupBookkeeping, GroupInstance } from './state.ts'

/**
 * A group's pass, every PASS_MS on the virtual clock while the group exists: members follow their EC2 instances
 * (Pending → InService when running, Terminating → gone when terminated), EC2 health checks mark instances that were
 * stopped or terminated outside the group Unhealthy and replace them, an instance refresh takes its next batch, and the
 * group launches or terminates instances until its capacity is the desired one, balanced across its Availability
 * Zones (User Guide, "Health checks for instances in an Auto Scaling group", "Instance refresh", "AZ rebalancing").
 */
export const groupPass: TimerHandler = (ctx, payload) => {
  const name = String(payload.name)
  const group = ctx.world.autoscaling.groups[name]
  // A group deleted (or deleted and created again) since this pass was scheduled: its own passes carry its new ARN.
  if (!group || group.AutoScalingGroupARN !== payload.arn) return
  const book = ctx.world.autoscaling.bookkeeping[name]
  if (stillAtRest(ctx, group)) {
    // Nothing the pass reads has changed since a pass left the group at rest: this one would change nothing (quiet.ts).
  } else if (group.Status) {
    followInstances(ctx, group, book)
    if (!group.Instances.length) return deleteGroup(ctx, group)
    // A forced deletion "also deletes any outstanding lifecycle actions" (API DeleteAutoScalingGroup): nothing waits.
    for (const member of group.Instances) abandonActions(ctx, group, member)
    for (const member of group.Instances) if (counts(member.LifecycleState)) terminate(ctx, group, member, CAUSES.deleteGroup(ctx.now()), { hooks: false })
  } else {
    followInstances(ctx, group, book)
    replaceUnhealthy(ctx, group, book)
    stepInstanceRefresh(ctx, group, book)
    reconcile(ctx, group, book)
    markIfAtRest(ctx, group, book)
  }
  ctx.scheduler.schedule(ctx.now() + PASS_MS, 'autoscaling.group.pass', { name, arn: group.AutoScalingGroupARN })
}

function deleteGroup(ctx: SimContext, group: AutoScalingGroup): void {
  const name = group.AutoScalingGroupName
  const { autoscaling } = ctx.world
  delete autoscaling.groups[name]
  delete autoscaling.bookkeeping[name]
  for (const [arn, policy] of Object.entries(autoscaling.policies)) {
    if (policy.AutoScalingGroupName !== name) continue
    deleteTrackingAlarms(ctx, policy)
    delete autoscaling.policies[arn]
  }
  delete autoscaling.instanceRefreshes[name]
  if (autoscaling.lifecycleHooks) delete autoscaling.lifecycleHooks[name]
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.deleted', type: 'AWS::AutoScaling::AutoScalingGroup', detail: name })
}

/**
 * The group's members as they are, for reading only. A pass runs inside the engine's savepoint, where every read
 * through the journal's view is a proxy's; a group of 120 is looked over every 10 s, and a member is changed only now
 * and then. So the pass reads the plain objects and changes a member through the view (`group.Instances[i]`, the same
 * member at the same index), which is what a rollback takes back.
 */
export const membersAsTheyAre = (group: AutoScalingGroup): readonly GroupInstance[] => unproxied(group).Instances

/** The members whose state as it is passes `test`, each through the view (ready to be changed), in the group's order. */
export function membersWhere(group: AutoScalingGroup, test: (member: GroupInstance) => boolean): GroupInstance[] {
  const members = membersAsTheyAre(group)
  const found: GroupInstance[] = []
  for (let i = 0; i < members.length; i++) if (test(members[i])) found.push(group.Instances[i])
  return found
}

/** How many members count toward the capacity (Pending or InService). */
function liveCount(group: AutoScalingGroup): number {
  let live = 0
  for (const m of membersAsTheyAre(group)) if (counts(m.LifecycleState)) live++
  return live
}

/** Members follow their EC2 instances; the EC2 health check notices one stopped or terminated behind the group's back. */
function followInstances(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const gone: string[] = []
  const instances = unproxied(ctx.world).ec2.instances
  const members = membersAsTheyAre(group)
  for (let i = 0; i < members.length; i++) {
    const { InstanceId, LifecycleState, HealthStatus } = members[i]
    const state = instances[InstanceId]?.State.Name ?? 'terminated'
    if (LifecycleState === 'Pending' && state === 'running') {
      const member = group.Instances[i]
      // A launching hook holds it in Pending:Wait (lifecycleHooks.ts); otherwise it goes InService.
      if (!holdForHooks(ctx, group, member, LAUNCHING)) goInService(ctx, member, book)
    } else if (LifecycleState === 'Pending:Proceed') {
      const member = group.Instances[i]
      const info = book.members[InstanceId]
      if (info?.abandoned) {
        delete info.abandoned
        terminate(ctx, group, member, joinCause(CAUSES.abandonedLaunch(ctx.now()), CAUSES.selected(ctx.now(), InstanceId)), { hooks: false })
      } else if (state === 'running') goInService(ctx, member, book)
    } else if (endsWhenTerminated(LifecycleState) && state === 'terminated') {
      const member = group.Instances[i]
      const info = book.members[InstanceId]
      member.LifecycleState = nextLifecycle(LifecycleState, 'TERMINATED') ?? member.LifecycleState
      if (info) finishActivity(ctx, info.activityId)
      gone.push(InstanceId)
    } else if (counts(LifecycleState) && HealthStatus === 'Healthy') {
      const failed = failedEc2HealthCheck(unproxied(ctx.world), InstanceId, state)
      if (failed === undefined) continue
      const member = group.Instances[i]
      const info = book.members[InstanceId]
      member.HealthStatus = 'Unhealthy'
      ctx.log(InstanceId, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${group.AutoScalingGroupName}: EC2 health check: ${failed}, marked Unhealthy` })
      // Running yet unhealthy: its status checks failed, not its state.
      if (info) info.unhealthyBy ??= state === 'running' ? 'status' : 'ec2'
    }
  }
  if (gone.length) {
    const leaving = new Set(gone)
    group.Instances = group.Instances.filter((m) => !leaving.has(m.InstanceId))
    for (const id of gone) delete book.members[id]
  }
}

function goInService(ctx: SimContext, member: GroupInstance, book: GroupBookkeeping): void {
  const info = book.members[member.InstanceId]
  member.LifecycleState = nextLifecycle(member.LifecycleState, 'RUNNING') ?? member.LifecycleState
  if (info) {
    info.inServiceAt = ctx.now()
    finishActivity(ctx, info.activityId)
  }
}

/** Unhealthy members leave the group, and as many launches are owed to their replacement (ReplaceUnhealthy). */
function replaceUnhealthy(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const members = membersAsTheyAre(group)
  for (let i = 0; i < members.length; i++) {
    if (!counts(members[i].LifecycleState) || members[i].HealthStatus !== 'Unhealthy') continue
    const member = group.Instances[i]
    const by = book.members[member.InstanceId]?.unhealthyBy
    const cause = by === 'user' ? CAUSES.userHealth(ctx.now()) : by === 'status' ? CAUSES.statusCheck(ctx.now()) : CAUSES.ec2Health(ctx.now())
    terminate(ctx, group, member, joinCause(cause, CAUSES.selected(ctx.now(), member.InstanceId)))
    book.replacements.push('unhealthy')
  }
}

/** Launches or terminates until the members that count equal the desired capacity. */
function reconcile(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const live = liveCount(group)
  const desired = group.DesiredCapacity
  if (live < desired) {
    if (book.retryAt !== undefined && ctx.now() < book.retryAt) return
    delete book.retryAt
    let capacity = live
    for (let i = live; i < desired; i++) {
      const reason = book.replacements.shift()
      const t = ctx.now()
      const cause = reason === 'unhealthy' ? CAUSES.unhealthyLaunch(t) : reason === 'refresh' ? CAUSES.refreshLaunch(t) : joinCause(book.requestCause, CAUSES.increase(t, live, desired))
      if (!launch(ctx, group, book, cause)) {
        book.retryAt = ctx.now() + LAUNCH_RETRY_MS
        break
      }
      capacity++
    }
    if (capacity === desired) delete book.requestCause
  } else if (live > desired) {
    for (let n = live; n > desired; n--) {
      const member = chooseForTermination(group, book, membersWhere(group, (m) => counts(m.LifecycleState) && !m.ProtectedFromScaleIn))
      if (!member) break
      const t = ctx.now()
      terminate(ctx, group, member, joinCause(book.requestCause, CAUSES.shrink(t, live, desired), CAUSES.selected(t, member.InstanceId)))
    }
    delete book.requestCause
  } else {
    // At capacity (the usual pass): forgets owed launches and the request's cause, writing only when there is any, so
    // that a quiet pass changes nothing.
    if (book.replacements.length) book.replacements = []
    if ('requestCause' in book) delete book.requestCause
  }
}

/**
 * The default termination policy (User Guide, "Default termination policy"): from the Availability Zone with the most
 * instances, those launched from the oldest launch template version first, then the oldest instance.
 */
export function chooseForTermination(group: AutoScalingGroup, book: GroupBookkeeping, candidates: GroupInstance[]): GroupInstance | undefined {
  if (!candidates.length) return undefined
  const perZone = new Map<string, number>()
  for (const m of membersAsTheyAre(group)) if (counts(m.LifecycleState)) perZone.set(m.AvailabilityZone, (perZone.get(m.AvailabilityZone) ?? 0) + 1)
  // Each candidate's ranking is read once, on the plain bookkeeping: the sort compares them ~n log n times, and an
  // instance refresh chooses a dozen members per batch from a group of 120.
  const members = unproxied(book).members
  const ranked = candidates.map((member) => {
    const { InstanceId, AvailabilityZone } = member
    const info = members[InstanceId]
    return { member, InstanceId, inZone: perZone.get(AvailabilityZone) ?? 0, version: info?.launchTemplateVersion ?? 0, launched: info?.launchedAt ?? 0 }
  })
  const most = Math.max(...ranked.map((r) => r.inZone))
  const zone = ranked.filter((r) => r.inZone === most)
  return zone.sort((a, b) => a.version - b.version || a.launched - b.launched || (a.InstanceId < b.InstanceId ? -1 : 1))[0].member
}

/**
 * Takes a member out of service: Terminating, and an activity says why; then EC2 terminates it, unless a termination
 * hook holds it in Terminating:Wait first (lifecycleHooks.ts; not for an instance EC2 already stopped or terminated,
 * nor when the group itself is being deleted).
 */
export function terminate(ctx: SimContext, group: AutoScalingGroup, member: GroupInstance, cause: string, options: { hooks?: boolean } = {}): void {
  const next = nextLifecycle(member.LifecycleState, 'TERMINATE')
  if (!next) return
  dropActions(ctx, group, member)
  member.LifecycleState = next
  const instance = ctx.world.ec2.instances[member.InstanceId]
  const activity = recordActivity(ctx, group, {
    Description: `Terminating EC2 instance: ${member.InstanceId}`,
    Cause: cause,
    details: { subnetId: instance?.SubnetId, availabilityZone: member.AvailabilityZone },
  })
  const info = ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName].members[member.InstanceId]
  if (info) info.activityId = activity.ActivityId
  const state = instance?.State.Name
  if (!state || state === 'shutting-down' || state === 'terminated') return
  if (state !== 'stopping' && state !== 'stopped' && options.hooks !== false && holdForHooks(ctx, group, member, TERMINATING)) return
  ctx.call('ec2', 'TerminateInstances', { InstanceIds: [member.InstanceId] })
}

/**
 * Launches one instance through EC2's own RunInstances (`launchInstances`: what `aws ec2 run-instances` does, without
 * describing the instance, which nothing here prints), into the subnet of
 * the Availability Zone with the fewest members, tagged `aws:autoscaling:groupName` with the group's propagated tags.
 * A refused launch is a Failed activity with EC2's reason; false then.
 */
function launch(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping, cause: string): boolean {
  const subnet = nextSubnet(ctx, group)
  if (!subnet) return false
  try {
    const template = resolveLaunchTemplate(ctx, group.LaunchTemplate)
    const templateTags = (template.data.TagSpecifications ?? []).filter((t) => t.ResourceType === 'instance').flatMap((t) => t.Tags ?? [])
    const tags: Tag[] = [
      ...templateTags,
      ...group.Tags.filter((t) => t.PropagateAtLaunch).map((t) => ({ Key: t.Key, Value: t.Value })),
      { Key: 'aws:autoscaling:groupName', Value: group.AutoScalingGroupName },
    ]
    const iface = template.data.NetworkInterfaces?.[0]
    const { instances } = launchInstances(ctx, {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, Version: String(template.VersionNumber) },
      ...(iface ? { NetworkInterfaces: [{ ...iface, SubnetId: subnet.SubnetId }] } : { SubnetId: subnet.SubnetId }),
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags }, ...(template.data.TagSpecifications ?? []).filter((t) => t.ResourceType !== 'instance')],
    })
    const [instance] = instances
    const activity = recordActivity(ctx, group, {
      Description: `Launching a new EC2 instance: ${instance.InstanceId}`,
      Cause: cause,
      details: { subnetId: subnet.SubnetId, availabilityZone: subnet.AvailabilityZone },
    })
    group.Instances.push({
      InstanceId: instance.InstanceId,
      InstanceType: instance.InstanceType,
      AvailabilityZone: subnet.AvailabilityZone,
      LifecycleState: 'Pending',
      HealthStatus: 'Healthy',
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: group.LaunchTemplate.LaunchTemplateName, Version: String(template.VersionNumber) },
      ProtectedFromScaleIn: group.NewInstancesProtectedFromScaleIn,
    })
    book.members[instance.InstanceId] = { launchedAt: ctx.now(), activityId: activity.ActivityId, launchTemplateVersion: template.VersionNumber }
    return true
  } catch (e) {
    if (!isAwsError(e)) throw e
    recordActivity(ctx, group, {
      Description: 'Launching a new EC2 instance.  Status Reason: ' + `${e.message}. Launching EC2 instance failed.`,
      Cause: cause,
      StatusCode: 'Failed',
      StatusMessage: `${e.message}. Launching EC2 instance failed.`,
      Progress: 100,
      EndTime: ctx.now(),
      details: { subnetId: subnet.SubnetId, availabilityZone: subnet.AvailabilityZone },
    })
    return false
  }
}

/** The subnet of the least-used Availability Zone (ties: the zones' order), and in it the least-used subnet. */
function nextSubnet(ctx: SimContext, group: AutoScalingGroup): Subnet | undefined {
  const subnets = group.VPCZoneIdentifier.split(',').map((id) => ctx.world.ec2.subnets[id]).filter((s): s is Subnet => s !== undefined)
  // Members per zone and per subnet, counted in one pass over the plain world (the group launches one at a time).
  const instances = unproxied(ctx.world).ec2.instances
  const perZone = new Map<string, number>()
  const perSubnet = new Map<string | undefined, number>()
  for (const m of membersAsTheyAre(group)) {
    if (!counts(m.LifecycleState)) continue
    const subnetId = instances[m.InstanceId]?.SubnetId
    perZone.set(m.AvailabilityZone, (perZone.get(m.AvailabilityZone) ?? 0) + 1)
    perSubnet.set(subnetId, (perSubnet.get(subnetId) ?? 0) + 1)
  }
  const inZone = (az: string) => perZone.get(az) ?? 0
  const inSubnet = (id: string) => perSubnet.get(id) ?? 0
  return [...subnets].sort((a, b) => inZone(a.AvailabilityZone) - inZone(b.AvailabilityZone) || inSubnet(a.SubnetId) - inSubnet(b.SubnetId) || (a.AvailabilityZone < b.AvailabilityZone ? -1 : a.AvailabilityZone > b.AvailabilityZone ? 1 : 0))[0]
}
