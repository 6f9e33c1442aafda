import { because, lastEntry, runEffects, sliceVersion, transitionOf, type Slice } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { probe, type ProbeResult } from '../network/probe.ts'
import { targetAddress } from '../network/targetAddress.ts'
import { countsOf, groupBookkeeping, setCounts } from './bookkeeping.ts'
import { isInService } from './loadBalancer.machine.ts'
import { loadBalancerArnsOf } from './lookup.ts'
import type { RegisteredTarget, TargetBookkeeping, TargetGroup, TargetGroupBookkeeping } from './state.ts'
import { REASONS, targetHealthMachine, type TargetHealthEvent } from './targetHealth.machine.ts'
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
  if (!elbv2.targetGroups[targetGroupArn] || elbv2.bookkeeping[targetGroupArn]?.healthCheckAt !== undefined) return
  if (!elbv2.targets[targetGroupArn]?.length || !loadBalancerArnsOf(elbv2, targetGroupArn).length) return
  schedule(ctx, targetGroupArn, ctx.now() + ELBV2_TIMINGS.registrationMs)
}

function schedule(ctx: SimContext, targetGroupArn: string, at: number) {
  groupBookkeeping(ctx, targetGroupArn).healthCheckAt = at
  ctx.scheduler.schedule(at, 'elbv2.targetGroup.healthCheck', { targetGroupArn })
}

/** The health-check port and the enabled-zone rule: the read model's (../views/targetHealth.ts). */
export { healthCheckPort, inEnabledZone }

/** One round of checks for a target group (timer `elbv2.targetGroup.healthCheck`). */
export const healthCheckRound: TimerHandler = (ctx, payload) => {
  const arn = String(payload.targetGroupArn)
  const { elbv2 } = ctx.world
  const book = groupBookkeeping(ctx, arn)
  delete book.healthCheckAt
  const tg = elbv2.targetGroups[arn]
  const targets = elbv2.targets[arn]
  if (!tg || !targets?.length) return
  const next = ctx.now() + tg.HealthCheckIntervalSeconds * 1000
  // Nothing changed since a round that found every target healthy: they all pass again, and a healthy target's
  // count of passes matters no more (it restarts at its first failure), so there is nothing to record.
  const last = book.lastRound
  if (last?.allHealthy && last.version === sliceVersion(ctx.world.log, CHECKS_READ)) return schedule(ctx, arn, next)
  const lbs = loadBalancerArnsOf(elbv2, arn).map((a) => elbv2.loadBalancers[a])
  if (lbs.length === 0) {
    // Detached: the targets wait, unused, and start over when a listener forwards to the group again.
    for (const t of targets) send(ctx, tg, t, book, { type: 'RESET' })
    return
  }
  const lb = lbs.find((l) => isInService(l.State.Code))
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
    const quiet = last?.version === sliceVersion(ctx.world.log, CHECKS_READ)
    for (const target of targets) {
      const counts = countsOf(book, target)
      if (target.state === 'draining' || !counts || now - counts.registeredAt < ELBV2_TIMINGS.registrationMs) continue
      // Checks come from the node in the target's AZ; a target in a zone the load balancer is not in is not checked.
      const node = target.AvailabilityZone ? nodeByZone.get(target.AvailabilityZone) : anyNode
      if (node === undefined) continue
      const address = targetAddress(ctx.world, target.Id)
      if (address === undefined) continue // a stopped instance is not checked: it is unused (Target.InvalidState)
      const result = quiet && counts.lastCheck !== undefined ? unpack(counts.lastCheck) : probe(ctx, node, groups, address, healthCheckPort(tg, target), path, tg.HealthCheckProtocol)
      const packed = result.kind === 'response' ? result.status : result.kind
      if (counts.lastCheck !== packed) counts.lastCheck = packed
      record(ctx, tg, target, counts, result, groups)
    }
    // After this round's own log entries (health changes, which no check's outcome depends on).
    const allHealthy = targets.every((t) => t.state === 'healthy' && countsOf(book, t)?.failures === 0)
    book.lastRound = { version: sliceVersion(ctx.world.log, CHECKS_READ), allHealthy }
  }
  schedule(ctx, arn, next)
}

/**
 * A check's outcome depends only on the world (addresses, security group rules, tasks and their containers, the
 * group's settings, the images the containers run), and every change to those moves the versions of the slices they
 * live in (`CHECKS_READ`; requests and metrics do not). So while those versions are the
 * one of the group's last round, each target answers as it did then, and the round reuses that instead of probing again: a
 * quiet hour of 1,000 targets checked every 30 s costs a fraction (`npm run bench`). States move as if probed.
 */
/** What a check reads: subnets, security groups, ENIs, images, tasks, targets (everything but traffic and metrics). */
const CHECKS_READ: readonly Slice[] = ['ec2', 'ecr', 'ecs', 'elbv2']

const unpack = (check: NonNullable<TargetBookkeeping['lastCheck']>): ProbeResult => (typeof check === 'number' ? { kind: 'response', status: check } : { kind: check })

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

/**
 * Sends an event to the target's health machine (targetHealth.machine.ts): its new state, then the machine's
 * effects (the reason ELBv2 shows, the drain timer). Returns the state it left, or undefined when not accepted.
 */
export function send(
  ctx: SimContext,
  tg: TargetGroup,
  target: RegisteredTarget,
  book: TargetGroupBookkeeping,
  event: { type: 'PASSED' | 'FAILED' | 'RESET' | 'DRAINED'; failure?: { reason: string; description: string } } | { type: 'DEREGISTER'; delayMs: number },
): string | undefined {
  const t = transitionOf(targetHealthMachine, target.state, event.type)
  if (!t) return undefined
  const from = target.state
  const counts = countsOf(book, target) ?? setCounts(book, target, { registeredAt: ctx.now(), passes: 0, failures: 0 })
  target.state = t.value as RegisteredTarget['state']
  runEffects(targetHealthMachine, t, { ...event, ctx, tg, target, book: counts } as TargetHealthEvent)
  return from
}

/** Counts one check and moves the target's health when a threshold is crossed (targetHealth.machine.ts). */
function record(ctx: SimContext, tg: TargetGroup, target: RegisteredTarget, counts: TargetBookkeeping, result: ProbeResult, groups: readonly string[]): void {
  const failure = failureReason(tg, result)
  if (failure) {
    counts.failures++
    counts.passes = 0
  } else {
    counts.passes++
    counts.failures = 0
  }
  const from = target.state
  let event: 'PASSED' | 'FAILED' | undefined
  if (from === 'initial') {
    if (!failure) event = 'PASSED'
    else if (counts.failures >= tg.UnhealthyThresholdCount) event = 'FAILED'
    else Object.assign(target, { reason: 'Elb.InitialHealthChecking', description: REASONS['Elb.InitialHealthChecking'] })
  } else if (from === 'healthy' && failure && counts.failures >= tg.UnhealthyThresholdCount) event = 'FAILED'
  else if (from === 'unhealthy' && !failure && counts.passes >= tg.HealthyThresholdCount) event = 'PASSED'
  else if (from === 'unhealthy' && failure) Object.assign(target, failure)
  if (!event) return
  because(ctx, ruleChangeBehind(ctx, target, result, groups), () => {
    if (send(ctx, tg, target, groupBookkeeping(ctx, tg.TargetGroupArn), { type: event, failure }) === undefined) return
    const to = target.state
    ctx.log(tg.TargetGroupArn, { kind: 'target.health', targetId: target.Id, port: target.Port, from, to, ...(failure ? { reasonCode: failure.reason, description: failure.description } : { checks: to === 'healthy' && from === 'unhealthy' ? tg.HealthyThresholdCount : 1 }) })
  })
}

/**
 * The cause of a health change when it is a security group rule (core/causes.ts): a check that times out after a rule
 * was removed from the load balancer's groups (`groups`) or the target's; a rule is what turns a check into a timeout
 * (no answer) in this network model (network/connect.ts). Other changes have no known cause yet.
 */
function ruleChangeBehind(ctx: SimContext, target: RegisteredTarget, result: ProbeResult, groups: readonly string[]): number | undefined {
  if (result.kind !== 'timeout') return undefined
  const address = targetAddress(ctx.world, target.Id)
  const eni = Object.values(ctx.world.ec2.networkInterfaces).find((n) => n.PrivateIpAddress === address)
  const involved = new Set([...groups, ...(eni?.Groups.map((g) => g.GroupId) ?? [])])
  return lastEntry(ctx.world.log, (e) => e.kind === 'securityGroup.rule' && e.action === 'removed' && involved.has(e.resource))?.id
}
