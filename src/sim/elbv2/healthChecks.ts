import { worldVersion } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { probe, type ProbeResult } from '../network/probe.ts'
import { loadBalancerArnsOf } from './lookup.ts'
import type { RegisteredTarget, TargetGroup } from './state.ts'
import { REASONS, stepTargetHealth } from './targetHealth.machine.ts'
import { ELBV2_TIMINGS } from './timings.ts'
import { healthCheckPort, inEnabledZone } from '../views/targetHealth.ts'

/**
 * Health checks run per target group on the scheduler's clock: one timer per group, every
 * HealthCheckIntervalSeconds, probing each registered target through the network layer from a load balancer
 * node (so security groups and listening ports decide, as in AWS). Nothing runs on engine ticks, and a group
 * without targets or without a load balancer schedules nothing.
 */
export function startHealthChecks(ctx: SimContext, targetGroupArn: string): void {
  const { elbv2 } = ctx.world
  if (!elbv2.targetGroups[targetGroupArn] || elbv2.healthCheckAt[targetGroupArn] !== undefined) return
  if (!elbv2.targets[targetGroupArn]?.length || !loadBalancerArnsOf(elbv2, targetGroupArn).length) return
  schedule(ctx, targetGroupArn, ctx.now() + ELBV2_TIMINGS.registrationMs)
}

function schedule(ctx: SimContext, targetGroupArn: string, at: number) {
  ctx.world.elbv2.healthCheckAt[targetGroupArn] = at
  ctx.scheduler.schedule(at, 'elbv2.targetGroup.healthCheck', { targetGroupArn })
}

/** The health-check port and the enabled-zone rule: the read model's (../views/targetHealth.ts). */
export { healthCheckPort, inEnabledZone }

/** One round of checks for a target group (timer `elbv2.targetGroup.healthCheck`). */
export const healthCheckRound: TimerHandler = (ctx, payload) => {
  const arn = String(payload.targetGroupArn)
  const { elbv2 } = ctx.world
  delete elbv2.healthCheckAt[arn]
  const tg = elbv2.targetGroups[arn]
  const targets = elbv2.targets[arn]
  if (!tg || !targets?.length) return
  const next = ctx.now() + tg.HealthCheckIntervalSeconds * 1000
  // Nothing changed since a round that found every target healthy: they all pass again, and a healthy target's
  // count of passes matters no more (it restarts at its first failure), so there is nothing to record.
  const last = elbv2.lastRound?.[arn]
  if (last?.allHealthy && last.version === worldVersion(ctx.world.log)) return schedule(ctx, arn, next)
  const lbs = loadBalancerArnsOf(elbv2, arn).map((a) => elbv2.loadBalancers[a])
  if (lbs.length === 0) {
    // Detached: the targets wait, unused, and start over when a listener forwards to the group again.
    for (const t of targets) if (t.state !== 'draining') Object.assign(t, { state: 'initial', reason: 'Elb.RegistrationInProgress', passes: 0, failures: 0 })
    return
  }
  const lb = lbs.find((l) => l.State.Code === 'active' || l.State.Code === 'active_impaired')
  if (lb && tg.HealthCheckEnabled) {
    const groups = lb.SecurityGroups ?? []
    const nodeByZone = new Map<string, string>()
    for (const id of elbv2.loadBalancerNodes[lb.LoadBalancerArn] ?? []) {
      const eni = ctx.world.ec2.networkInterfaces[id]
      if (eni && !nodeByZone.has(eni.AvailabilityZone)) nodeByZone.set(eni.AvailabilityZone, eni.PrivateIpAddress)
    }
    const anyNode = nodeByZone.values().next().value ?? ''
    const now = ctx.now()
    const path = tg.HealthCheckPath ?? '/'
    const quiet = last?.version === worldVersion(ctx.world.log)
    for (const target of targets) {
      if (target.state === 'draining' || now - target.registeredAt < ELBV2_TIMINGS.registrationMs) continue
      // Checks come from the node in the target's AZ; a target in a zone the load balancer is not in is not checked.
      const node = target.AvailabilityZone ? nodeByZone.get(target.AvailabilityZone) : anyNode
      if (node === undefined) continue
      const result = quiet && target.lastCheck !== undefined ? unpack(target.lastCheck) : probe(ctx, node, groups, target.Id, healthCheckPort(tg, target), path, tg.HealthCheckProtocol)
      const packed = result.kind === 'response' ? result.status : result.kind
      if (target.lastCheck !== packed) target.lastCheck = packed
      record(ctx, tg, target, result)
    }
    // After this round's own log entries (health changes, which no check's outcome depends on).
    const allHealthy = targets.every((t) => t.state === 'healthy' && t.failures === 0)
    ;(elbv2.lastRound ??= {})[arn] = { version: worldVersion(ctx.world.log), allHealthy }
  }
  schedule(ctx, arn, next)
}

/**
 * A check's outcome depends only on the world (addresses, security group rules, tasks and their containers, the
 * group's settings), and every change to those moves `worldVersion` (requests do not). So while the version is the
 * one of the group's last round, each target answers as it did then, and the round reuses that instead of probing again: a
 * quiet hour of 1,000 targets checked every 30 s costs a fraction (`npm run bench`). States move as if probed.
 */
const unpack = (check: NonNullable<RegisteredTarget['lastCheck']>): ProbeResult => (typeof check === 'number' ? { kind: 'response', status: check } : { kind: check })

/** Whether an HTTP code matches the group's matcher: `200`, `200,302` or `200-299`. */
export function matches(matcher: string | undefined, status: number): boolean {
  return matcherRanges(matcher ?? '200').some(([lo, hi]) => status >= lo && status <= hi)
}

/** Parsed matchers: a round checks the same one for every target. */
const parsedMatchers = new Map<string, [number, number][]>()
function matcherRanges(matcher: string): [number, number][] {
  let ranges = parsedMatchers.get(matcher)
  if (!ranges) {
    ranges = matcher.split(',').map((part) => {
      const [lo, hi] = part.trim().split('-').map(Number)
      return [lo, hi ?? lo]
    })
    if (parsedMatchers.size > 1000) parsedMatchers.clear()
    parsedMatchers.set(matcher, ranges)
  }
  return ranges
}

function failureReason(tg: TargetGroup, result: ProbeResult): { reason: string; description: string } | undefined {
  if (result.kind === 'timeout') return { reason: 'Target.Timeout', description: REASONS['Target.Timeout'] }
  if (result.kind === 'refused') return { reason: 'Target.FailedHealthChecks', description: REASONS['Target.FailedHealthChecks'] }
  if (tg.HealthCheckProtocol === 'TCP' || matches(tg.Matcher?.HttpCode, result.status)) return undefined
  return { reason: 'Target.ResponseCodeMismatch', description: `${REASONS['Target.ResponseCodeMismatch']}[${result.status}]` }
}

/** Counts one check and moves the target's health when a threshold is crossed (targetHealth.machine.ts). */
function record(ctx: SimContext, tg: TargetGroup, target: RegisteredTarget, result: ProbeResult): void {
  const failure = failureReason(tg, result)
  if (failure) {
    target.failures++
    target.passes = 0
  } else {
    target.passes++
    target.failures = 0
  }
  const from = target.state
  let event: 'PASSED' | 'FAILED' | undefined
  if (from === 'initial') {
    if (!failure) event = 'PASSED'
    else if (target.failures >= tg.UnhealthyThresholdCount) event = 'FAILED'
    else Object.assign(target, { reason: 'Elb.InitialHealthChecking', description: REASONS['Elb.InitialHealthChecking'] })
  } else if (from === 'healthy' && failure && target.failures >= tg.UnhealthyThresholdCount) event = 'FAILED'
  else if (from === 'unhealthy' && !failure && target.passes >= tg.HealthyThresholdCount) event = 'PASSED'
  else if (from === 'unhealthy' && failure) Object.assign(target, failure)
  if (!event) return
  const to = stepTargetHealth(from, event) as RegisteredTarget['state'] | undefined
  if (!to) return
  target.state = to
  if (to === 'healthy') {
    delete target.reason
    delete target.description
  } else if (failure) Object.assign(target, failure)
  ctx.log(tg.TargetGroupArn, `target ${target.Id}:${target.Port} ${from} → ${to}`, failure ? `${failure.reason}: ${failure.description}` : `passed ${to === 'healthy' && from === 'unhealthy' ? tg.HealthyThresholdCount : 1} health check(s)`)
}
