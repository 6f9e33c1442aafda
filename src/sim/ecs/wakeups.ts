import { worldVersion } from '../core/index.ts'
import type { SimContext } from '../context.ts'

/**
 * When the service scheduler runs. It is not run on every engine tick (a benchmark simulates an hour of 50 services
 * with 1,000 tasks): a service asks for a pass when something it cares about happened (created, updated, a task of it
 * RUNNING or stopping), and services behind load balancers also look at target health every few seconds.
 * At most one pass per service is pending; an earlier request moves it forward.
 */
export const RECONCILE_TIMER = 'ecs.service.reconcile'

export function requestReconcile(ctx: SimContext, serviceArn: string, delayMs: number, why: 'change' | 'poll' = 'change'): void {
  if (why === 'change' && ctx.world.ecs.quietAt?.[serviceArn] !== undefined) delete ctx.world.ecs.quietAt[serviceArn]
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

/**
 * A service behind a load balancer polls target health (every 10 s while a deployment is in flight, 30 s once steady),
 * but what a pass looks at only changes when the world does (`worldVersion`: a target's health, a task's status, a
 * listener, a security group rule, the service itself; not requests). So when a pass changed nothing (and no decision
 * waited on the clock, like an unhealthy task inside its grace period), the next poll that finds the world at the same
 * version would change nothing either, and is skipped. In an hour of 50 services (`npm run bench`) that is most
 * of the scheduler's passes, with the same outcome.
 */
export function isQuiet(ctx: SimContext, serviceArn: string): boolean {
  return ctx.world.ecs.quietAt?.[serviceArn] === worldVersion(ctx.world.log)
}

/** After a pass: `quiet` when it changed nothing and nothing in it depended on the time. */
export function markQuiet(ctx: SimContext, serviceArn: string, quiet: boolean): void {
  const { ecs } = ctx.world
  if (quiet) (ecs.quietAt ??= {})[serviceArn] = worldVersion(ctx.world.log)
  else if (ecs.quietAt?.[serviceArn] !== undefined) delete ecs.quietAt[serviceArn]
}

/** The ARN of the service a task belongs to: the read model's rule (../views/tasks.ts). */
export { serviceArnOfTask } from '../views/tasks.ts'
