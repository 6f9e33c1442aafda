import type { SimContext, TimerHandler } from '../context.ts'
import { billedRunMs, fargateBilledMs, fargateSize } from './usage.ts'

/**
 * The cost meter's writes: EC2 instances report when they start and stop running (instance.ts effects), and a settle
 * pass copies stopped Fargate tasks into the meter before ECS forgets them. Neither changes what the meter answers
 * (the view reads the same totals before and after), so they log nothing.
 */
export function instanceRunning(ctx: SimContext, instanceId: string, instanceType: string): void {
  const usage = (ctx.world.pricing.instances[instanceId] ??= { instanceType, billedMs: 0 })
  usage.runningSince ??= ctx.now()
  startSettling(ctx)
}

export function instanceNotRunning(ctx: SimContext, instanceId: string): void {
  const usage = ctx.world.pricing.instances[instanceId]
  if (usage?.runningSince === undefined) return
  usage.billedMs += billedRunMs(ctx.now() - usage.runningSince)
  delete usage.runningSince
}

/** ECS forgets a stopped task an hour after it stops (ecs/taskLifecycle.ts): settling every half hour keeps them all. */
export const SETTLE_MS = 30 * 60_000

/** Starts the settle chain if none is queued. */
export function startSettling(ctx: SimContext): void {
  const { pricing } = ctx.world
  if (pricing.settleAt !== undefined && pricing.settleAt > ctx.now()) return
  pricing.settleAt = ctx.now() + SETTLE_MS
  ctx.scheduler.schedule(pricing.settleAt, 'ec2.billing.settle', {})
}

/** Timer: stopped Fargate tasks enter the meter's ledger; the chain goes on while anything is metered. */
export const settleBilling: TimerHandler = (ctx) => {
  const { pricing } = ctx.world
  delete pricing.settleAt
  for (const task of Object.values(ctx.world.ecs.tasks)) {
    if (task.lastStatus !== 'STOPPED' || pricing.tasks[task.taskArn]) continue
    const size = fargateSize(task)
    if (size) pricing.tasks[task.taskArn] = { ...size, billedMs: fargateBilledMs(task, ctx.now()) }
  }
  const live = Object.values(ctx.world.ecs.tasks).some((t) => t.lastStatus !== 'STOPPED') || Object.values(pricing.instances).some((u) => u.runningSince !== undefined)
  if (live || Object.values(ctx.world.ecs.tasks).length) startSettling(ctx)
}
