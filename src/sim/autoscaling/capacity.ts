import { isAwsError, unproxied } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { resolveLaunchTemplate } from '../ec2/launchTemplate.ts'
import type { Subnet, Tag } from '../ec2/state.ts'
import { CAUSES, finishActivity, joinCause, recordActivity } from './activities.ts'
import { stepInstanceRefresh } from './instanceRefresh.ts'
import { deleteTrackingAlarms } from './targetTracking.ts'
import { counts, nextLifecycle } from './lifecycle.machine.ts'
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
  followInstances(ctx, group, book)
  if (group.Status) {
    if (!group.Instances.length) return deleteGroup(ctx, group)
    for (const member of group.Instances) if (counts(member.LifecycleState)) terminate(ctx, group, member, CAUSES.deleteGroup(ctx.now()))
  } else {
    replaceUnhealthy(ctx, group, book)
    stepInstanceRefresh(ctx, group, book)
    reconcile(ctx, group, book)
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
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.deleted', type: 'AWS::AutoScaling::AutoScalingGroup', detail: name })
}

/** Members follow their EC2 instances; the EC2 health check notices one stopped or terminated behind the group's back. */
function followInstances(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const gone: string[] = []
  // Instance states are read from the plain world: through the journal's view each read is a proxy, and a group of 120
  // is followed every 10 s.
  const instances = unproxied(ctx.world).ec2.instances
  for (const member of group.Instances) {
    const state = instances[member.InstanceId]?.State.Name ?? 'terminated'
    const info = book.members[member.InstanceId]
    if (member.LifecycleState === 'Pending' && state === 'running') {
      member.LifecycleState = nextLifecycle('Pending', 'RUNNING') ?? member.LifecycleState
      if (info) {
        info.inServiceAt = ctx.now()
        finishActivity(ctx, info.activityId)
      }
    } else if (member.LifecycleState === 'Terminating' && state === 'terminated') {
      member.LifecycleState = nextLifecycle('Terminating', 'TERMINATED') ?? member.LifecycleState
      if (info) finishActivity(ctx, info.activityId)
      gone.push(member.InstanceId)
    } else if (counts(member.LifecycleState) && member.HealthStatus === 'Healthy' && state !== 'pending' && state !== 'running') {
      member.HealthStatus = 'Unhealthy'
      ctx.log(member.InstanceId, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${group.AutoScalingGroupName}: EC2 health check: instance ${state}, marked Unhealthy` })
      if (info) info.unhealthyBy ??= 'ec2'
    }
  }
  if (gone.length) {
    group.Instances = group.Instances.filter((m) => !gone.includes(m.InstanceId))
    for (const id of gone) delete book.members[id]
  }
}

/** Unhealthy members leave the group, and as many launches are owed to their replacement (ReplaceUnhealthy). */
function replaceUnhealthy(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  for (const member of group.Instances) {
    if (!counts(member.LifecycleState) || member.HealthStatus !== 'Unhealthy') continue
    const byUser = book.members[member.InstanceId]?.unhealthyBy === 'user'
    terminate(ctx, group, member, joinCause(byUser ? CAUSES.userHealth(ctx.now()) : CAUSES.ec2Health(ctx.now()), CAUSES.selected(ctx.now(), member.InstanceId)))
    book.replacements.push('unhealthy')
  }
}

/** Launches or terminates until the members that count equal the desired capacity. */
function reconcile(ctx: SimContext, group: AutoScalingGroup, book: GroupBookkeeping): void {
  const live = group.Instances.filter((m) => counts(m.LifecycleState)).length
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
      const member = chooseForTermination(group, book, group.Instances.filter((m) => counts(m.LifecycleState) && !m.ProtectedFromScaleIn))
      if (!member) break
      const t = ctx.now()
      terminate(ctx, group, member, joinCause(book.requestCause, CAUSES.shrink(t, live, desired), CAUSES.selected(t, member.InstanceId)))
    }
    delete book.requestCause
  } else {
    book.replacements = []
    delete book.requestCause
  }
}

/**
 * The default termination policy (User Guide, "Default termination policy"): from the Availability Zone with the most
 * instances, those launched from the oldest launch template version first, then the oldest instance.
 */
export function chooseForTermination(group: AutoScalingGroup, book: GroupBookkeeping, candidates: GroupInstance[]): GroupInstance | undefined {
  if (!candidates.length) return undefined
  const perZone = new Map<string, number>()
  for (const m of group.Instances) if (counts(m.LifecycleState)) perZone.set(m.AvailabilityZone, (perZone.get(m.AvailabilityZone) ?? 0) + 1)
  const most = Math.max(...candidates.map((m) => perZone.get(m.AvailabilityZone) ?? 0))
  const zone = candidates.filter((m) => (perZone.get(m.AvailabilityZone) ?? 0) === most)
  const version = (m: GroupInstance) => book.members[m.InstanceId]?.launchTemplateVersion ?? 0
  const launched = (m: GroupInstance) => book.members[m.InstanceId]?.launchedAt ?? 0
  return [...zone].sort((a, b) => version(a) - version(b) || launched(a) - launched(b) || (a.InstanceId < b.InstanceId ? -1 : 1))[0]
}

/** Takes a member out of service: Terminating, EC2 terminates it, and an activity says why. */
export function terminate(ctx: SimContext, group: AutoScalingGroup, member: GroupInstance, cause: string): void {
  const next = nextLifecycle(member.LifecycleState, 'TERMINATE')
  if (!next) return
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
  if (state && state !== 'shutting-down' && state !== 'terminated') ctx.call('ec2', 'TerminateInstances', { InstanceIds: [member.InstanceId] })
}

/**
 * Launches one instance through EC2's own RunInstances (the same path as `aws ec2 run-instances`), into the subnet of
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
    const result = ctx.call<{ Instances: { InstanceId: string; InstanceType: string }[] }>('ec2', 'RunInstances', {
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, Version: String(template.VersionNumber) },
      ...(iface ? { NetworkInterfaces: [{ ...iface, SubnetId: subnet.SubnetId }] } : { SubnetId: subnet.SubnetId }),
      TagSpecifications: [{ ResourceType: 'instance', Tags: tags }, ...(template.data.TagSpecifications ?? []).filter((t) => t.ResourceType !== 'instance')],
    })
    const [instance] = result.Instances
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
  const live = group.Instances.filter((m) => counts(m.LifecycleState))
  const inZone = (az: string) => live.filter((m) => m.AvailabilityZone === az).length
  const inSubnet = (id: string) => live.filter((m) => ctx.world.ec2.instances[m.InstanceId]?.SubnetId === id).length
  return [...subnets].sort((a, b) => inZone(a.AvailabilityZone) - inZone(b.AvailabilityZone) || inSubnet(a.SubnetId) - inSubnet(b.SubnetId) || (a.AvailabilityZone < b.AvailabilityZone ? -1 : a.AvailabilityZone > b.AvailabilityZone ? 1 : 0))[0]
}
