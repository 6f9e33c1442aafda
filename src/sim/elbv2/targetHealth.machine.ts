import { REASONS } from './reasons.ts'
import { setup } from 'xstate'
import type { SimContext } from '../context.ts'
import { forgetCounts } from './bookkeeping.ts'
import type { RegisteredTarget, TargetBookkeeping, TargetGroup } from './state.ts'

/**
 * A registered target's health state (ALB User Guide, "Health checks for your target groups",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html, and
 * "Target health status": initial, healthy, unhealthy, draining, unused):
 * `initial` until it passes one check (→ healthy) or fails UnhealthyThresholdCount in a row (→ unhealthy);
 * healthy ↔ unhealthy after the thresholds; deregistering drains for the deregistration delay, then the target is
 * `unused` (Target.NotRegistered) and leaves the group. A group no load balancer uses any more starts its targets
 * over (RESET). The counters that decide when a threshold is crossed live in the group's bookkeeping
 * (healthChecks.ts); the machine is stepped when one is, and its effects write the reason ELBv2 shows.
 */
export const TARGET_HEALTH_STATES = ['initial', 'healthy', 'unhealthy', 'draining', 'unused'] as const
export type TargetHealthState = (typeof TARGET_HEALTH_STATES)[number]

/** What the effects act on; nothing of it is stored by the machine. */
interface TargetEnv {
  ctx: SimContext
  tg: TargetGroup
  target: RegisteredTarget
  book: TargetBookkeeping
}

export type TargetHealthEvent =
  | ({ type: 'PASSED' | 'FAILED' | 'RESET' | 'DRAINED' } & TargetEnv & { failure?: { reason: string; description: string } })
  | ({ type: 'DEREGISTER'; delayMs: number } & TargetEnv)

/** The reason codes and their descriptions: data, in reasons.ts (the read model reads it without the machine). */
export { REASONS }

/** The timer that ends a target's draining. */
export const DRAINED_TIMER = 'elbv2.targetGroup.drained'

export const targetHealthMachine = setup({
  types: { events: {} as TargetHealthEvent },
  actions: {
    clearReason: ({ event: { target } }) => {
      delete target.reason
      delete target.description
    },
    recordFailure: ({ event }) => {
      if ('failure' in event && event.failure) Object.assign(event.target, event.failure)
    },
    startDraining: ({ event }) => {
      if (event.type !== 'DEREGISTER') return
      const { ctx, tg, target, book } = event
      Object.assign(target, { reason: 'Target.DeregistrationInProgress', description: REASONS['Target.DeregistrationInProgress'] })
      book.drainUntil = ctx.now() + event.delayMs
      ctx.scheduler.schedule(ctx.now() + event.delayMs, DRAINED_TIMER, { targetGroupArn: tg.TargetGroupArn, id: target.Id, port: target.Port })
    },
    /** Back to `initial` / Elb.RegistrationInProgress with its counts cleared (the description stays as it was). */
    restart: ({ event: { target, book } }) => {
      target.reason = 'Elb.RegistrationInProgress'
      book.passes = 0
      book.failures = 0
    },
    leaveGroup: ({ event: { ctx, tg, target } }) => {
      const list = ctx.world.elbv2.targets[tg.TargetGroupArn]
      const i = list ? list.findIndex((r) => r.Id === target.Id && r.Port === target.Port) : -1
      if (i >= 0) list.splice(i, 1)
      forgetCounts(ctx.world.elbv2.bookkeeping[tg.TargetGroupArn], target)
    },
  },
}).createMachine({
  id: 'targetHealth',
  initial: 'initial',
  states: {
    initial: {
      on: { PASSED: 'healthy', FAILED: 'unhealthy', DEREGISTER: 'draining', RESET: { target: 'initial', actions: 'restart' } },
    },
    healthy: { entry: 'clearReason', on: { FAILED: 'unhealthy', DEREGISTER: 'draining', RESET: { target: 'initial', actions: 'restart' } } },
    unhealthy: { entry: 'recordFailure', on: { PASSED: 'healthy', DEREGISTER: 'draining', RESET: { target: 'initial', actions: 'restart' } } },
    draining: { entry: 'startDraining', on: { DRAINED: 'unused' } },
    unused: { type: 'final', entry: 'leaveGroup' },
  },
})
