import { arn } from '../core/ids.ts'
import { ownEntry } from '../core/objects.ts'
import type { Cluster, Service } from '../ecs/state.ts'
import type { LoadBalancer, TargetGroup } from '../elbv2/state.ts'
import type { World } from '../world.ts'

/** Resources by the name (or ARN) a learner or a lesson writes, resolved as the CLI resolves it. */

export const DEFAULT_CLUSTER = 'default'

/** The cluster ARN a `--cluster` value names: a name or an ARN; none means `default` (fidelity §2.7). */
export function clusterArnOf(world: Readonly<World>, ref: string | undefined): string {
  const value = ref ?? DEFAULT_CLUSTER
  if (value.startsWith('arn:')) return value
  return arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `cluster/${value}` })
}

/** The ACTIVE cluster a `--cluster` value names (a name or an ARN), as ECS resolves it. */
export function clusterNamed(world: Readonly<World>, nameOrArn: string): Cluster | undefined {
  const cluster = ownEntry(world.ecs.clusters, clusterArnOf(world, nameOrArn))
  return cluster?.status === 'ACTIVE' ? cluster : undefined
}

/** A service of a cluster by name or ARN; the ACTIVE one when a deleted one had the same name. */
export function serviceNamed(world: Readonly<World>, cluster: Cluster, nameOrArn: string): Service | undefined {
  const services = Object.values(world.ecs.services).filter(
    (s) => s.clusterArn === cluster.clusterArn && (s.serviceName === nameOrArn || s.serviceArn === nameOrArn),
  )
  return services.find((s) => s.status === 'ACTIVE') ?? services[0]
}

/** A load balancer by name (`--names`) or ARN. */
export const loadBalancerNamed = (world: Readonly<World>, nameOrArn: string): LoadBalancer | undefined =>
  Object.values(world.elbv2.loadBalancers).find((l) => l.LoadBalancerName === nameOrArn || l.LoadBalancerArn === nameOrArn)

/** A target group by name (`--names`) or ARN. */
export const targetGroupNamed = (world: Readonly<World>, nameOrArn: string): TargetGroup | undefined =>
  Object.values(world.elbv2.targetGroups).find((t) => t.TargetGroupName === nameOrArn || t.TargetGroupArn === nameOrArn)
