import { latestDatapoint } from '../cloudwatch/lookup.ts'
import { arn } from '../core/ids.ts'
import { ownEntry } from '../core/objects.ts'
import { FARGATE_PROVIDERS } from '../ecs/hostState.ts'
import { MANAGED_NAMESPACE, RESERVATION_METRIC, reservationDimensions } from '../ecs/reservationMetric.ts'
import type { World } from '../world.ts'
import { autoScalingGroupByArn } from './autoScaling.ts'
import { perWorld } from './memo.ts'

/**
 * A cluster's capacity providers as a learner reads them: what each one launches into (an Auto Scaling group, or
 * Fargate), its share of the cluster's default strategy, and, with managed scaling, the target and the newest
 * `CapacityProviderReservation` ECS published for it (ECS Developer Guide, "Amazon ECS cluster auto scaling"): above
 * the target the group scales out, below it scales in. The diagram draws the provider in its cluster with an edge to
 * its group; the inspector shows it.
 */
export interface CapacityProviderView {
  name: string
  capacityProviderArn: string
  clusterArn: string
  /** FARGATE and FARGATE_SPOT are built in; the others are backed by an Auto Scaling group. */
  type: 'FARGATE' | 'EC2_AUTOSCALING'
  autoScalingGroupArn?: string
  autoScalingGroupName?: string
  managedScaling?: { status: 'ENABLED' | 'DISABLED'; targetCapacity: number }
  managedTerminationProtection?: 'ENABLED' | 'DISABLED'
  /** Its item in the cluster's default capacity provider strategy, if it has one. */
  defaultStrategy?: { weight: number; base: number }
  /** The newest CapacityProviderReservation datapoint (percent), once managed scaling has published one. */
  reservation?: number
  /** Tasks of this provider waiting in PROVISIONING for an instance to run on. */
  provisioningTasks: number
}

/** Every ACTIVE cluster's providers, in the order put-cluster-capacity-providers listed them. Built once per world. */
export function capacityProviders(world: Readonly<World>): CapacityProviderView[] {
  return perWorld(world, 'capacityProviders', () => {
    const waiting = new Map<string, number>()
    for (const task of Object.values(world.ecs.tasks)) {
      if (task.lastStatus === 'PROVISIONING' && task.capacityProviderName !== undefined) {
        const key = `${task.clusterArn} ${task.capacityProviderName}`
        waiting.set(key, (waiting.get(key) ?? 0) + 1)
      }
    }
    const out: CapacityProviderView[] = []
    for (const cluster of Object.values(world.ecs.clusters)) {
      if (cluster.status !== 'ACTIVE') continue
      for (const name of cluster.capacityProviders) {
        const strategy = cluster.defaultCapacityProviderStrategy.find((i) => i.capacityProvider === name)
        const common = {
          name,
          clusterArn: cluster.clusterArn,
          ...(strategy ? { defaultStrategy: { weight: strategy.weight, base: strategy.base } } : {}),
          provisioningTasks: waiting.get(`${cluster.clusterArn} ${name}`) ?? 0,
        }
        if (FARGATE_PROVIDERS.includes(name)) {
          out.push({ ...common, type: 'FARGATE', capacityProviderArn: arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `capacity-provider/${name}` }) })
          continue
        }
        const provider = ownEntry(world.ecs.capacityProviders, name)
        if (!provider) continue
        const settings = provider.autoScalingGroupProvider
        const group = autoScalingGroupByArn(world, settings.autoScalingGroupArn)
        const reservation = latestDatapoint(world, MANAGED_NAMESPACE, RESERVATION_METRIC, reservationDimensions(name, cluster.clusterName))
        out.push({
          ...common,
          type: 'EC2_AUTOSCALING',
          capacityProviderArn: provider.capacityProviderArn,
          autoScalingGroupArn: settings.autoScalingGroupArn,
          ...(group ? { autoScalingGroupName: group.AutoScalingGroupName } : {}),
          managedScaling: { status: settings.managedScaling.status, targetCapacity: settings.managedScaling.targetCapacity },
          managedTerminationProtection: settings.managedTerminationProtection,
          ...(reservation ? { reservation: reservation.value } : {}),
        })
      }
    }
    return out
  })
}
