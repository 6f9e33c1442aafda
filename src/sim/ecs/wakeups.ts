import { arn } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { World } from '../world.ts'
import type { Task } from './state.ts'

/**
 * When the service scheduler runs. It is not run on every engine tick (a benchmark simulates an hour of 50 services
 * with 1,000 tasks): a service asks for a pass when something it cares about happened (created, updated, a task of it
 * RUNNING or stopping), and services behind load balancers also look at target health every few seconds.
 * At most one pass per service is pending; an earlier request moves it forward.
 */
export const RECONCILE_TIMER = 'ecs.service.reconcile'

export function requestReconcile(ctx: SimContext, serviceArn: string, delayMs: number): void {
  const at = ctx.now() + delayMs
  const pending = ctx.world.ecs.reconcileAt[serviceArn]
  if (pending !== undefined && pending <= at) return
  // An earlier pass replaces a later one; the later timer stays queued and is ignored when it fires (isCurrent).
  ctx.world.ecs.reconcileAt[serviceArn] = at
  ctx.scheduler.schedule(at, RECONCILE_TIMER, { serviceArn })
}

/** Whether a firing reconcile timer is the service's pending pass (not one an earlier request replaced). */
export function isCurrent(ctx: SimContext, serviceArn: string): boolean {
  return ctx.world.ecs.reconcileAt[serviceArn] === ctx.now()
}

/** The ARN of the service a task belongs to (its group is `service:<name>`), if any. */
export function serviceArnOfTask(world: Readonly<World>, task: Task): string | undefined {
  if (!task.group.startsWith('service:')) return undefined
  const clusterName = task.clusterArn.slice(task.clusterArn.indexOf(':cluster/') + ':cluster/'.length)
  return arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `service/${clusterName}/${task.group.slice('service:'.length)}` })
}
