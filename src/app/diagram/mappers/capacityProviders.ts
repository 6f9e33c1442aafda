import { capacityProviders, type CapacityProviderView } from '../../../sandbox/views.ts'
import type { DiagramStatus } from '../types.ts'
import { ECS_SIZES } from './ecs.ts'
import { capacityProviderNodeId, groupNodeId } from './nodeIds.ts'
import { creationOrder, type ResourceMapper } from './registry.ts'

// A cluster's capacity providers sit in the cluster under its services; an Auto Scaling group provider has an edge to
// its group's box in each subnet, labelled with managed scaling's target: how a learner sees which instances a
// service's tasks wait for, and what drives the group (ECS Developer Guide, "Amazon ECS cluster auto scaling").

/** Section of the ECS cluster box the providers go in, after its services. */
export const PROVIDER_SECTION = 'capacityProviders'

const percent = (value: number): string => `${Math.round(value)} %`

/** Waiting tasks, or a reservation away from the target, mean the group is about to scale. */
function providerStatus(p: CapacityProviderView): DiagramStatus {
  if (p.provisioningTasks > 0) return 'pending'
  if (p.managedScaling?.status === 'ENABLED' && p.reservation !== undefined && Math.round(p.reservation) !== p.managedScaling.targetCapacity) return 'pending'
  return 'ok'
}

function words(p: CapacityProviderView): { detail: string[]; aria: string[] } {
  const strategy = p.defaultStrategy && `weight ${p.defaultStrategy.weight}${p.defaultStrategy.base ? `, base ${p.defaultStrategy.base}` : ''}`
  const waiting = p.provisioningTasks > 0 ? `${p.provisioningTasks} PROVISIONING` : undefined
  if (p.type === 'FARGATE') {
    return {
      detail: ['Fargate', strategy, waiting].filter((w): w is string => w !== undefined),
      aria: ['Fargate capacity, managed by AWS', strategy && `default strategy ${strategy}`].filter((w): w is string => Boolean(w)),
    }
  }
  const scaling = p.managedScaling?.status === 'ENABLED' ? `target ${p.managedScaling.targetCapacity} %` : 'no managed scaling'
  return {
    detail: [p.autoScalingGroupName ?? 'group deleted', scaling, strategy, waiting].filter((w): w is string => w !== undefined),
    aria: [
      `Auto Scaling group ${p.autoScalingGroupName ?? 'deleted'}`,
      p.managedScaling?.status === 'ENABLED' ? `managed scaling target ${p.managedScaling.targetCapacity} %` : 'managed scaling disabled',
      p.reservation !== undefined ? `CapacityProviderReservation ${percent(p.reservation)}` : undefined,
      p.managedTerminationProtection === 'ENABLED' ? 'managed termination protection' : undefined,
      strategy && `default strategy ${strategy}`,
      waiting && `${p.provisioningTasks} task${p.provisioningTasks === 1 ? '' : 's'} waiting in PROVISIONING`,
    ].filter((w): w is string => Boolean(w)),
  }
}

export const capacityProviderMapper: ResourceMapper = {
  kind: 'Capacity provider',
  map(world, out) {
    capacityProviders(world).forEach((p, i) => {
      if (world.ecs.clusters[p.clusterArn] === undefined) return
      const id = capacityProviderNodeId(p.clusterArn, p.name)
      const { detail, aria } = words(p)
      const status = providerStatus(p)
      out.addNode({
        id,
        parentId: p.clusterArn,
        nodeType: 'resource',
        section: PROVIDER_SECTION,
        order: creationOrder(i),
        size: ECS_SIZES.service,
        data: {
          kind: 'Capacity provider',
          label: p.name,
          detail: detail.join(' · '),
          ...(p.reservation !== undefined ? { badge: percent(p.reservation) } : {}),
          status,
          ariaLabel: `Capacity provider ${p.name}, ${aria.join(', ')}`,
        },
      })
      const group = p.autoScalingGroupName === undefined ? undefined : world.autoscaling?.groups[p.autoScalingGroupName]
      if (!group) return
      const label = p.managedScaling?.status === 'ENABLED' ? `target ${p.managedScaling.targetCapacity} %` : 'launches into'
      for (const subnetId of group.VPCZoneIdentifier.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (world.ec2.subnets[subnetId] === undefined) continue
        const target = groupNodeId(group.AutoScalingGroupARN, subnetId)
        out.addEdge({
          id: `${id}->${target}`,
          source: id,
          target,
          label,
          className: `cs-edge-${status}`,
          data: { relation: `Capacity provider ${p.name} launches instances into Auto Scaling group ${group.AutoScalingGroupName} in ${subnetId}${p.managedScaling?.status === 'ENABLED' ? `, managed scaling to ${label}` : ''}` },
        })
      }
    })
  },
}
