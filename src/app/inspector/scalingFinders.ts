import { autoScalingGroups, capacityProviders, isoTimestamp, scalingActivitiesOf, withIsoTimestamps } from '../../sandbox/views.ts'
import { capacityProviderNodeId } from '../diagram/mappers/nodeIds.ts'
import type { FoundResource, ResourceFinder } from './findResource.ts'

// The two kinds that scale ECS on EC2: an Auto Scaling group (drawn once per subnet, `<group ARN>/<subnet-id>`) and a
// cluster's capacity provider (`<cluster ARN>/capacity-provider/<name>`). Each shows what describe-* prints, and
// the few numbers that explain what the group is about to do.

/** How many of a group's activities the inspector shows (describe-scaling-activities lists them all). */
const RECENT_ACTIVITIES = 3

export const autoScalingGroupFinder: ResourceFinder = {
  kind: 'Auto Scaling group',
  find(world, id): FoundResource | undefined {
    if (!id.startsWith('arn:aws:autoscaling:')) return undefined
    const view = autoScalingGroups(world).find((g) => id === g.arn || id.startsWith(`${g.arn}/`))
    const group = view && world.autoscaling.groups[view.name]
    if (!view || !group) return undefined
    const inService = view.instances.filter((m) => m.lifecycleState === 'InService').length
    const activities = scalingActivitiesOf(world, view.name, RECENT_ACTIVITIES)
    const provider = capacityProviders(world).find((p) => p.autoScalingGroupArn === view.arn)
    const refresh = view.instanceRefresh
    return {
      kind: 'Auto Scaling group',
      id,
      resourceId: view.arn,
      title: view.name,
      data: {
        ...withIsoTimestamps(group, ['CreatedTime']),
        RecentActivities: activities.map((a) => withIsoTimestamps(a, ['StartTime', 'EndTime'])),
      },
      describeCommand: `aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names ${view.name}`,
      facts: [
        ['Capacity', `desired ${view.desiredCapacity}, min ${view.minSize}, max ${view.maxSize}`],
        ['Instances', `${view.instances.length} (${inService} InService)`],
        ['Launch template', `${group.LaunchTemplate.LaunchTemplateName ?? group.LaunchTemplate.LaunchTemplateId} version ${group.LaunchTemplate.Version ?? '$Default'}`],
        ['Availability Zones', view.availabilityZones.join(', ')],
        ...(refresh ? ([['Instance refresh', `${refresh.status}, ${refresh.percentageComplete} % complete`]] as [string, string][]) : []),
        ...(provider ? ([['Capacity provider', provider.name]] as [string, string][]) : []),
        ...(activities[0] ? ([['Latest activity', `${activities[0].StatusCode} at ${isoTimestamp(activities[0].StartTime)}: ${activities[0].Description}`]] as [string, string][]) : []),
      ],
    }
  },
}

export const capacityProviderFinder: ResourceFinder = {
  kind: 'Capacity provider',
  find(world, id): FoundResource | undefined {
    if (!id.includes('/capacity-provider/')) return undefined
    const p = capacityProviders(world).find((c) => capacityProviderNodeId(c.clusterArn, c.name) === id)
    if (!p) return undefined
    const cluster = world.ecs.clusters[p.clusterArn]
    const stored = world.ecs.capacityProviders[p.name]
    const scaling = p.managedScaling
    return {
      kind: 'Capacity provider',
      id,
      resourceId: p.capacityProviderArn,
      title: p.name,
      // FARGATE and FARGATE_SPOT have no settings of their own: describe-capacity-providers lists just their name and ARN.
      data: stored ?? { capacityProviderArn: p.capacityProviderArn, name: p.name, status: 'ACTIVE', tags: [] },
      describeCommand: `aws ecs describe-capacity-providers --capacity-providers ${p.name}`,
      facts: [
        ['Cluster', cluster?.clusterName ?? p.clusterArn],
        ['Capacity', p.type === 'FARGATE' ? 'Fargate (AWS manages the hosts)' : `Auto Scaling group ${p.autoScalingGroupName ?? '(deleted)'}`],
        ...(scaling ? ([['Managed scaling', scaling.status === 'ENABLED' ? `ENABLED, target ${scaling.targetCapacity} %` : 'DISABLED']] as [string, string][]) : []),
        ...(p.reservation !== undefined ? ([['CapacityProviderReservation', `${Math.round(p.reservation)} %`]] as [string, string][]) : []),
        ...(p.managedTerminationProtection ? ([['Managed termination protection', p.managedTerminationProtection]] as [string, string][]) : []),
        ['Default strategy', p.defaultStrategy ? `weight ${p.defaultStrategy.weight}, base ${p.defaultStrategy.base}` : 'not in it'],
        ['Tasks waiting (PROVISIONING)', String(p.provisioningTasks)],
      ],
    }
  },
}
