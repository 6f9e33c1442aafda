import { AwsError, arn, ownEntry, setOwnEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { CAUSES } from './activities.ts'
import { groupNotFound, validation } from './errors.ts'
import { checkLaunchTemplate, groupSubnets } from './launchSource.ts'
import { counts } from './lifecycle.machine.ts'
import { PASS_MS } from './timings.ts'
import type { AutoScalingGroup, TagDescription } from './state.ts'

interface TemplateSpec {
  LaunchTemplateId?: string
  LaunchTemplateName?: string
  Version?: string
}

interface GroupRequest {
  AutoScalingGroupName: string
  LaunchConfigurationName?: string
  LaunchTemplate?: TemplateSpec
  MixedInstancesPolicy?: unknown
  InstanceId?: string
  MinSize?: number
  MaxSize?: number
  DesiredCapacity?: number
  DefaultCooldown?: number
  AvailabilityZones?: string[]
  VPCZoneIdentifier?: string
  HealthCheckType?: string
  HealthCheckGracePeriod?: number
  TerminationPolicies?: string[]
  NewInstancesProtectedFromScaleIn?: boolean
  DefaultInstanceWarmup?: number
  TargetGroupARNs?: string[]
  Tags?: { Key: string; Value?: string; PropagateAtLaunch?: boolean }[]
}

/** A group by name, or Auto Scaling's "name not found". */
export function groupNamed(ctx: SimContext, name: string): AutoScalingGroup {
  const group = ownEntry(ctx.world.autoscaling.groups, name)
  if (!group) throw groupNotFound(name)
  return group
}

/**
 * MinSize ≤ DesiredCapacity ≤ MaxSize, in Auto Scaling's words ("Max bound, 3, must be greater than or equal to min bound,
 * 5" and "Desired capacity:9 must be between the specified min size:1 and max size:4", as users report them).
 */
function checkBounds(min: number, max: number, desired: number): void {
  if (min < 0) throw validation(`Min bound, ${min}, must be greater than or equal to 0`)
  if (min > max) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`)
  if (desired < min || desired > max) throw validation(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`)
}

/** Wording not verified against AWS. */
function checkHealthCheckType(type: string | undefined): void {
  if (type !== undefined && type !== 'EC2' && type !== 'ELB') throw validation(`Health check type ${type} is not valid. Valid values are EC2 and ELB.`)
}

/** The AZs of the group's subnets, sorted as describe-auto-scaling-groups lists them. */
const zonesOf = (subnets: { AvailabilityZone: string }[]) => [...new Set(subnets.map((s) => s.AvailabilityZone))].sort()

/**
 * CreateAutoScalingGroup: from a launch template (a launch configuration cannot exist here: AWS stopped offering them
 * to new accounts), across the subnets given; the group's first pass launches its instances (capacity.ts).
 */
export const createAutoScalingGroup = handler((ctx, input: GroupRequest) => {
  const name = input.AutoScalingGroupName
  if (ownEntry(ctx.world.autoscaling.groups, name))
    throw new AwsError('AlreadyExists', `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`)
  if (input.LaunchConfigurationName !== undefined) throw validation(`Launch configuration name not found - Launch configuration ${input.LaunchConfigurationName} not found`)
  if (!input.LaunchTemplate) throw validation('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.')
  const launchTemplate = checkLaunchTemplate(ctx, input.LaunchTemplate)
  const min = input.MinSize ?? 0
  const max = input.MaxSize ?? 0
  const desired = input.DesiredCapacity ?? min
  checkBounds(min, max, desired)
  checkHealthCheckType(input.HealthCheckType)
  const subnets = groupSubnets(ctx, input.VPCZoneIdentifier, input.AvailabilityZones)
  const { region, accountId } = ctx.world
  const group: AutoScalingGroup = {
    AutoScalingGroupName: name,
    AutoScalingGroupARN: arn({ service: 'autoscaling', region, accountId, resource: `autoScalingGroup:${ctx.rng.uuid()}:autoScalingGroupName/${name}` }),
    LaunchTemplate: launchTemplate,
    MinSize: min,
    MaxSize: max,
    DesiredCapacity: desired,
    // API Reference, CreateAutoScalingGroup: DefaultCooldown "Default: 300 seconds"; HealthCheckGracePeriod "Default: 0".
    DefaultCooldown: input.DefaultCooldown ?? 300,
    AvailabilityZones: zonesOf(subnets),
    LoadBalancerNames: [],
    TargetGroupARNs: input.TargetGroupARNs ?? [],
    HealthCheckType: input.HealthCheckType ?? 'EC2',
    HealthCheckGracePeriod: input.HealthCheckGracePeriod ?? 0,
    Instances: [],
    CreatedTime: ctx.now(),
    SuspendedProcesses: [],
    VPCZoneIdentifier: subnets.map((s) => s.SubnetId).join(','),
    EnabledMetrics: [],
    Tags: (input.Tags ?? []).map((t): TagDescription => ({ ResourceId: name, ResourceType: 'auto-scaling-group', Key: t.Key, Value: t.Value ?? '', PropagateAtLaunch: t.PropagateAtLaunch ?? false })),
    TerminationPolicies: input.TerminationPolicies ?? ['Default'],
    NewInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn ?? false,
    ServiceLinkedRoleARN: `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: false,
    ...(input.DefaultInstanceWarmup !== undefined ? { DefaultInstanceWarmup: input.DefaultInstanceWarmup } : {}),
    TrafficSources: [],
  }
  setOwnEntry(ctx.world.autoscaling.groups, name, group)
  setOwnEntry(ctx.world.autoscaling.bookkeeping, name, { replacements: [], members: {}, ...(desired > 0 ? { requestCause: CAUSES.created(ctx.now(), 0, desired) } : {}) })
  ctx.scheduler.schedule(ctx.now() + PASS_MS, 'autoscaling.group.pass', { name, arn: group.AutoScalingGroupARN })
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.created', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `${name}: min ${min}, max ${max}, desired ${desired} in ${group.AvailabilityZones.join(', ')}` })
  return {}
})

/** UpdateAutoScalingGroup: new bounds keep the desired capacity inside them; a changed desired capacity is a user request. */
export const updateAutoScalingGroup = handler((ctx, input: GroupRequest) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  // Wording not verified against AWS (a group being deleted refuses updates).
  if (group.Status) throw new AwsError('ScalingActivityInProgress', 'The Auto Scaling group is being deleted.')
  const min = input.MinSize ?? group.MinSize
  const max = input.MaxSize ?? group.MaxSize
  // Without --desired-capacity, the group's capacity moves inside new bounds (API Reference, UpdateAutoScalingGroup).
  const desired = input.DesiredCapacity ?? Math.min(Math.max(group.DesiredCapacity, min), max)
  checkBounds(min, max, desired)
  checkHealthCheckType(input.HealthCheckType)
  const launchTemplate = input.LaunchTemplate ? checkLaunchTemplate(ctx, input.LaunchTemplate) : undefined
  const subnets = input.VPCZoneIdentifier !== undefined || input.AvailabilityZones !== undefined ? groupSubnets(ctx, input.VPCZoneIdentifier, input.AvailabilityZones) : undefined
  const from = group.DesiredCapacity
  Object.assign(group, { MinSize: min, MaxSize: max, DesiredCapacity: desired })
  if (launchTemplate) group.LaunchTemplate = launchTemplate
  if (subnets) Object.assign(group, { VPCZoneIdentifier: subnets.map((s) => s.SubnetId).join(','), AvailabilityZones: zonesOf(subnets) })
  if (input.HealthCheckType !== undefined) group.HealthCheckType = input.HealthCheckType
  if (input.HealthCheckGracePeriod !== undefined) group.HealthCheckGracePeriod = input.HealthCheckGracePeriod
  if (input.DefaultCooldown !== undefined) group.DefaultCooldown = input.DefaultCooldown
  if (input.DefaultInstanceWarmup !== undefined) group.DefaultInstanceWarmup = input.DefaultInstanceWarmup
  if (input.TerminationPolicies !== undefined) group.TerminationPolicies = input.TerminationPolicies
  if (input.NewInstancesProtectedFromScaleIn !== undefined) group.NewInstancesProtectedFromScaleIn = input.NewInstancesProtectedFromScaleIn
  if (desired !== from) ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName].requestCause = CAUSES.updated(ctx.now(), group, from)
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: `min ${min}, max ${max}, desired ${desired}` })
  return {}
})

/** SetDesiredCapacity: inside the group's bounds, in Auto Scaling's words when not. */
export const setDesiredCapacity = handler((ctx, input: { AutoScalingGroupName: string; DesiredCapacity: number; HonorCooldown?: boolean }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  const desired = input.DesiredCapacity
  if (desired > group.MaxSize) throw validation(`New SetDesiredCapacity value ${desired} is above max value ${group.MaxSize} for the AutoScalingGroup.`)
  if (desired < group.MinSize) throw validation(`New SetDesiredCapacity value ${desired} is below min value ${group.MinSize} for the AutoScalingGroup.`)
  changeDesired(ctx, group, desired, CAUSES.setDesired(ctx.now(), group.DesiredCapacity, desired))
  return {}
})

/** Moves the desired capacity; the next pass launches or terminates, with `cause` first in its activities' causes. */
export function changeDesired(ctx: SimContext, group: AutoScalingGroup, desired: number, cause: string): void {
  if (desired === group.DesiredCapacity) return
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.status', type: 'AWS::AutoScaling::AutoScalingGroup', attribute: 'desiredCount', from: String(group.DesiredCapacity), to: String(desired) })
  group.DesiredCapacity = desired
  ctx.world.autoscaling.bookkeeping[group.AutoScalingGroupName].requestCause = cause
}

/**
 * DeleteAutoScalingGroup: refused while the group has instances, unless --force-delete, which terminates them; the
 * group shows `Delete in progress` until they are gone (API Reference, DeleteAutoScalingGroup).
 */
export const deleteAutoScalingGroup = handler((ctx, input: { AutoScalingGroupName: string; ForceDelete?: boolean }) => {
  const group = groupNamed(ctx, input.AutoScalingGroupName)
  if (!input.ForceDelete && group.Instances.length) {
    if (group.Instances.every((i) => !counts(i.LifecycleState)))
      throw new AwsError('ScalingActivityInProgress', 'You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.')
    throw new AwsError('ResourceInUse', 'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.')
  }
  group.Status = 'Delete in progress'
  group.MinSize = 0
  group.MaxSize = 0
  group.DesiredCapacity = 0
  ctx.log(group.AutoScalingGroupARN, { kind: 'resource.modified', type: 'AWS::AutoScaling::AutoScalingGroup', detail: 'delete in progress' })
  return {}
})

/** DescribeAutoScalingGroups: named groups (unknown names are left out, as AWS does), or all; `tag:` filters. */
export const describeAutoScalingGroups = handler((ctx, input: { AutoScalingGroupNames?: string[]; Filters?: { Name: string; Values: string[] }[] }) => {
  const all = Object.values(ctx.world.autoscaling.groups)
  let groups = input.AutoScalingGroupNames?.length ? all.filter((g) => input.AutoScalingGroupNames?.includes(g.AutoScalingGroupName)) : all
  for (const filter of input.Filters ?? []) {
    if (filter.Name.startsWith('tag:')) {
      const key = filter.Name.slice(4)
      groups = groups.filter((g) => g.Tags.some((t) => t.Key === key && filter.Values.includes(t.Value)))
    } else if (filter.Name === 'tag-key') groups = groups.filter((g) => g.Tags.some((t) => filter.Values.includes(t.Key)))
    else if (filter.Name === 'tag-value') groups = groups.filter((g) => g.Tags.some((t) => filter.Values.includes(t.Value)))
    else throw validation(`Filter '${filter.Name}' is not supported.`)
  }
  return { AutoScalingGroups: groups }
})
