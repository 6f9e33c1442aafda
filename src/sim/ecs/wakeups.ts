import { sliceVersion, type Slice } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { ServiceBookkeeping } from './state.ts'

/**
 * When the service scheduler runs. It is not run on every engine tick (a benchmark simulates an hour of 50 services
 * with 1,000 tasks): a service asks for a pass when something it cares about happened (created, updated, a task of it
 * RUNNING or stopping), and services behind load balancers also look at target health every few seconds.
 * At most one pass per service is pending; an earlier request moves it forward.
 */
export const RECONCILE_TIMER = 'ecs.service.reconcile'

/** The scheduler's bookkeeping for a service (kept apart from the API-shaped `Service`). */
export const bookkeepingOf = (ctx: SimContext, serviceArn: string): ServiceBookkeeping => (ctx.world.ecs.bookkeeping[serviceArn] ??= {})

export function requestReconcile(ctx: SimContext, serviceArn: string, delayMs: number, why: 'change' | 'poll' = 'change'): void {
  const book = bookkeepingOf(ctx, serviceArn)
  if (why === 'change' && book.quietAt !== undefined) delete book.quietAt
  const at = ctx.now() + delayMs
  const pending = book.reconcileAt
  if (pending !== undefined && pending <= at) return
  // An earlier pass replaces a later one; the later timer stays queued and is ignored when it fires (takeCurrent).
  book.reconcileAt = at
  ctx.scheduler.schedule(at, RECONCILE_TIMER, { serviceArn })
}

/** Whether a firing reconcile timer is the service's pending pass (not one an earlier request replaced); it is no longer pending. */
export function takeCurrent(ctx: SimContext, serviceArn: string): boolean {
  const book = ctx.world.ecs.bookkeeping[serviceArn]
  if (book?.reconcileAt !== ctx.now()) return false
  delete book.reconcileAt
  return true
}

/**
 * A service behind a load balancer polls target health (every 10 s while a deployment is in flight, 30 s once steady),
 * but what a pass looks at only changes when the world does (`SCHEDULER_READS`: a target's health, a task's status, a
 * listener, a security group rule, the service itself; not requests). So when a pass changed nothing (and no decision
 * waited on the clock, like an unhealthy task inside its grace period), the next poll that finds the world at the same
 * version would change nothing either, and is skipped. In an hour of 50 services (`npm run bench`) that is most
 * of the scheduler's passes, with the same outcome.
 */
export function isQuiet(ctx: SimContext, serviceArn: string): boolean {
  return ctx.world.ecs.bookkeeping[serviceArn]?.quietAt === sliceVersion(ctx.world.log, SCHEDULER_READS)
}

/** A pass reads subnets and ENIs, roles, images, tasks and services, and target health: every slice (not metrics). */
const SCHEDULER_READS: readonly Slice[] = ['ec2', 'iam', 'ecr', 'ecs', 'elbv2']

/** After a pass: `quiet` when it changed nothing and nothing in it depended on the time. */
export function markQuiet(ctx: SimContext, serviceArn: string, quiet: boolean): void {
  const book = bookkeepingOf(ctx, serviceArn)
  if (quiet) book.quietAt = sliceVersion(ctx.world.log, SCHEDULER_READS)
  else if (book.quietAt !== undefined) delete book.quietAt
}

/** The ARN of the service a task belongs to: the read model's rule (../views/tasks.ts). */
export { serviceArnOfTask } from '../views/tasks.ts'
