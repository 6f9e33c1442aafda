import { handler, type SimContext } from '../context.ts'
import { CAUSES } from './activities.ts'
import { terminate } from './capacity.ts'
import { validation } from './errors.ts'
import { groupNamed } from './groups.ts'
import { counts } from './lifecycle.machine.ts'
import type { AutoScalingGroup, GroupInstance } from './state.ts'

/** The group an instance belongs to, or Auto Scaling's "no managed instance" (as the service words it for an unknown ID). */
function memberNamed(ctx: SimContext, instanceId: string): { group: AutoScalingGroup; member: GroupInstance } {
  for (const group of Object.values(ctx.world.autoscaling.groups)) {
    const member = group.Instances.find((m) => m.InstanceId === instanceId)
    if (member) return { group, member }
  }
  throw validation(`Instance Id not found - No managed instance found for instance ID: ${instanceId}`)
}

/** DescribeAutoScalingInstances: every group's members (or those named), with their group's name. */
export const describeAutoScalingInstances = handler((ctx, input: { InstanceIds?: string[]; MaxRecords?: number }) => {
  const rows = Object.values(ctx.world.autoscaling.groups).flatMap((group) =>
    group.Instances.filter((m) => !input.InstanceIds?.length || input.InstanceIds.includes(m.InstanceId)).map((m) => ({
      InstanceId: m.InstanceId,
      InstanceType: m.InstanceType,
      AutoScalingGroupName: group.AutoScalingGroupName,
      AvailabilityZone: m.AvailabilityZone,
      LifecycleState: m.LifecycleState,
      HealthStatus: m.HealthStatus.toUpperCase(),
      LaunchTemplate: m.LaunchTemplate,
      ProtectedFromScaleIn: m.ProtectedFromScaleIn,
    })),
  )
  return { AutoScalingInstances: rows.slice(0, input.MaxRecords ?? 50) }
})

/**
 * TerminateInstanceInAutoScalingGroup: the instance is taken out of service now; with
 * --should-decrement-desired-capacity the group shrinks, without it the group launches a replacement.
 */
export const terminateInstanceInAutoScalingGroup = handler((ctx, input: { InstanceId: string; ShouldDecrementDesiredCapacity: boolean }) => {
  const { group, member } = memberNamed(ctx, input.InstanceId)
  if (!counts(member.LifecycleState)) throw validation(`The instance ${input.InstanceId} is already being terminated.`)
  const from = group.DesiredCapacity
  if (input.ShouldDecrementDesiredCapacity) {
    // Wording not verified against AWS.
    if (from - 1 < group.MinSize)
      throw validation(`Currently, desiredCapacity (${from}) is equal to minSize (${group.MinSize}). Cannot decrement desiredCapacity below minSize.`)
    group.DesiredCapacity = from - 1
    ctx.log(group.AutoScalingGroupARN, { kind: 'resource.status', type: 'AWS::AutoScaling::AutoScalingGroup', attribute: 'desiredCount', from: String(from), to: String(from - 1) })
  }
  terminate(ctx, group, member, CAUSES.userTerminate(ctx.now(), member.InstanceId, input.ShouldDecrementDesiredCapacity ? { from, to: from - 1 } : undefined))
  const activities = ctx.world.autoscaling.activities
  return { Activity: activities[activities.length - 1] }
})

/** SetInstanceHealth: an instance marked Unhealthy is replaced at the group's next pass. */
export const setInstanceHealth = handler((ctx, input: { InstanceId: string; HealthStatus: string }) => {
  const { group, member } = memberNamed(ctx, input.InstanceId)
  // Wording not verified against AWS.
  if (input.HealthStatus !== 'Healthy' && input.HealthStatus !== 'Unhealthy') throw validation(`Valid values for HealthStatus are Healthy and Unhealthy.`)
  member.HealthStatus = input.HealthStatus
  const info = ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName].members[member.InstanceId]
  if (info) {
    if (input.HealthStatus === 'Unhealthy') info.unhealthyBy = 'user'
    else delete info.unhealthyBy
  }
  return {}
})

/**
 * SetInstanceProtection: members protected from scale in are never chosen when the group shrinks (User Guide, "Use
 * instance scale-in protection"); ECS's managed termination protection sets it on instances running tasks. An
 * instance of another group is refused in Auto Scaling's words ("The instance <id> is not part of Auto Scaling group
 * <name>.", as SDK users report it), before anything changes.
 */
export const setInstanceProtection = handler((ctx, input: { AutoScalingGroupName: string; InstanceIds: string[]; ProtectedFromScaleIn: boolean }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const members = input.InstanceIds.map((id) => {
    const member = group.Instances.find((m) => m.InstanceId === id)
    if (!member) throw validation(`The instance ${id} is not part of Auto Scaling group ${group.AutoScalingGroupName}.`)
    return member
  })
  for (const member of members) member.ProtectedFromScaleIn = input.ProtectedFromScaleIn
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${input.ProtectedFromScaleIn ? 'protected' : 'unprotected'} from scale in: ${input.InstanceIds.join(', ')}` })
  return {}
})
