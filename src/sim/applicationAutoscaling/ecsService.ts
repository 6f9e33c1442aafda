import type { SimContext } from '../context.ts'
import { arn } from '../core/index.ts'
import type { World } from '../world.ts'

/**
 * The ECS service behind a resource ID `service/<cluster>/<service>` (API Reference, RegisterScalableTarget
 * ResourceId), and setting its desired count the way a user would: through ECS's own UpdateService, so the service's
 * events and deployments follow as after `aws ecs update-service --desired-count`.
 */
export function ecsServiceOf(world: Readonly<World>, resourceId: string) {
  const parts = resourceId.split('/')
  if (parts.length !== 3 || parts[0] !== 'service') return undefined
  const serviceArn = arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: resourceId })
  const service = world.ecs.services[serviceArn]
  return service && service.status === 'ACTIVE' ? service : undefined
}

export function setDesiredCount(ctx: SimContext, resourceId: string, desiredCount: number): void {
  const [, cluster, service] = resourceId.split('/')
  ctx.call('ecs', 'UpdateService', { cluster, service, desiredCount })
}
