import { ownEntry } from '../core/objects.ts'
import type { Activity, AutoScalingGroup } from '../autoscaling/state.ts'
import type { World } from '../world.ts'
import { perWorld } from './memo.ts'

/** One member of a group, as the diagram draws it inside its subnet. */
export interface AutoScalingMemberView {
  instanceId: string
  availabilityZone: string
  subnetId?: string
  /** Auto Scaling's LifecycleState: Pending, InService, Terminating. */
  lifecycleState: string
  healthStatus: string
  /** EC2's own state of the instance (`pending`, `running`, ...), or `terminated` once EC2 no longer lists it. */
  instanceState: string
  /** The launch template version it was launched from (an instance refresh moves these). */
  launchTemplateVersion: string
}

export interface AutoScalingGroupView {
  name: string
  arn: string
  desiredCapacity: number
  minSize: number
  maxSize: number
  availabilityZones: string[]
  subnetIds: string[]
  /** `Delete in progress` while a forced deletion runs. */
  status?: string
  /** The running instance refresh, if any: its status and how far it got. */
  instanceRefresh?: { status: string; percentageComplete: number; instancesToUpdate: number }
  instances: AutoScalingMemberView[]
}

/**
 * Every Auto Scaling group with desired/min/max and its members' lifecycle states, for the diagram (the group drawn
 * around its instances) and the inspector. Built once per world version (memo.ts).
 */
export function autoScalingGroups(world: Readonly<World>): AutoScalingGroupView[] {
  return perWorld(world, 'autoScalingGroups', () =>
    Object.values(world.autoscaling?.groups ?? {}).map((group): AutoScalingGroupView => {
      const refresh = (ownEntry(world.autoscaling.instanceRefreshes, group.AutoScalingGroupName) ?? []).at(-1)
      const active = refresh && (refresh.Status === 'Pending' || refresh.Status === 'InProgress' || refresh.Status === 'Cancelling')
      return {
        name: group.AutoScalingGroupName,
        arn: group.AutoScalingGroupARN,
        desiredCapacity: group.DesiredCapacity,
        minSize: group.MinSize,
        maxSize: group.MaxSize,
        availabilityZones: group.AvailabilityZones,
        subnetIds: group.VPCZoneIdentifier.split(',').filter(Boolean),
        ...(group.Status ? { status: group.Status } : {}),
        ...(active ? { instanceRefresh: { status: refresh.Status, percentageComplete: refresh.PercentageComplete, instancesToUpdate: refresh.InstancesToUpdate } } : {}),
        instances: group.Instances.map((m) => {
          const instance = world.ec2.instances[m.InstanceId]
          return {
            instanceId: m.InstanceId,
            availabilityZone: m.AvailabilityZone,
            ...(instance?.SubnetId ? { subnetId: instance.SubnetId } : {}),
            lifecycleState: m.LifecycleState,
            healthStatus: m.HealthStatus,
            instanceState: instance?.State.Name ?? 'terminated',
            launchTemplateVersion: m.LaunchTemplate.Version,
          }
        }),
      }
    }),
  )
}

/** A group by its ARN (what a capacity provider names), undefined once it is gone. */
export function autoScalingGroupByArn(world: Readonly<World>, arn: string): AutoScalingGroup | undefined {
  return Object.values(world.autoscaling?.groups ?? {}).find((g) => g.AutoScalingGroupARN === arn)
}

/** The group an EC2 instance belongs to (its `aws:autoscaling:groupName`), for the inspector. */
export function autoScalingGroupOfInstance(world: Readonly<World>, instanceId: string): string | undefined {
  return perWorld(world, 'autoScalingGroupOfInstance', () => {
    const index = new Map<string, string>()
    for (const group of Object.values(world.autoscaling?.groups ?? {})) for (const m of group.Instances) index.set(m.InstanceId, group.AutoScalingGroupName)
    return index
  }).get(instanceId)
}

/** A group's scaling activities, newest first, as describe-scaling-activities lists them (the inspector shows the latest). */
export function scalingActivitiesOf(world: Readonly<World>, groupName: string, maxRecords = 100): Activity[] {
  const out: Activity[] = []
  const all = world.autoscaling?.activities ?? []
  for (let i = all.length - 1; i >= 0 && out.length < maxRecords; i--) if (all[i].AutoScalingGroupName === groupName) out.push(all[i])
  return out
}
