import { arn, type LogEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { World } from '../world.ts'
import type { Service, Task } from './state.ts'

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
 * but what a pass looks at only changes with something the event log records: its tasks' status, its target groups'
 * targets, a listener or rule, a security group, the service itself. So when a pass changed nothing (it logged
 * nothing, and no decision waited on the clock, like an unhealthy task inside its grace period), a later poll has
 * nothing to do unless the log has since recorded something of that kind, and is skipped. Skipping keeps the outcome
 * and its timing exactly; in `npm run bench` (50 services, 1,000 tasks, an hour) it saves most of the passes.
 */
export function isQuiet(ctx: SimContext, service: Service): boolean {
  const { ecs, log } = ctx.world
  const mark = ecs.quietAt?.[service.serviceArn]
  if (mark === undefined) return false
  if (mark === log.nextId) return true
  // Entries carry consecutive ids (older ones are trimmed from the front): read those since the mark, if still kept.
  const first = log.entries[0]?.id ?? log.nextId
  if (mark < first || log.entries[mark - first]?.id !== mark) return false
  const mine = new Set([service.serviceArn, ...(ecs.serviceTasks[service.serviceArn] ?? []), ...service.loadBalancers.map((lb) => lb.targetGroupArn ?? '')])
  for (let i = mark - first; i < log.entries.length; i++) if (concerns(log.entries[i], mine)) return false
  ;(ecs.quietAt ??= {})[service.serviceArn] = log.nextId
  return true
}

/**
 * Whether a log entry may change what a pass of the service decides. Only kinds known not to are passed over: requests
 * (they move traffic counters only), other services and their tasks, other target groups, and network interfaces
 * (created and deleted with a task or a load balancer node, which log their own change). Anything else counts.
 */
function concerns(entry: LogEntry, mine: ReadonlySet<string>): boolean {
  const { resource } = entry
  if (mine.has(resource)) return true
  if (entry.change.startsWith('HTTP ') || resource.startsWith('eni-')) return false
  return !(resource.includes(':task/') || resource.includes(':service/') || resource.includes(':targetgroup/'))
}

/**
 * After a pass: whether it changed nothing and nothing in it depended on the clock. A service that could not place or
 * launch a task is never quiet: what frees it (an address released in a subnet, say) is not in the kinds above.
 */
export function markQuiet(ctx: SimContext, service: Service, quiet: boolean): void {
  const { ecs } = ctx.world
  const blocked = / (was unable to place|failed to launch) a task/.test(service.events[0]?.message ?? '')
  if (quiet && !blocked) (ecs.quietAt ??= {})[service.serviceArn] = ctx.world.log.nextId
  else if (ecs.quietAt?.[service.serviceArn] !== undefined) delete ecs.quietAt[service.serviceArn]
}

/** The ARN of the service a task belongs to (its group is `service:<name>`), if any. */
export function serviceArnOfTask(world: Readonly<World>, task: Task): string | undefined {
  if (!task.group.startsWith('service:')) return undefined
  const clusterName = task.clusterArn.slice(task.clusterArn.indexOf(':cluster/') + ':cluster/'.length)
  return arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `service/${clusterName}/${task.group.slice('service:'.length)}` })
}
