import { AwsError, DerivedCache, ownEntry, unproxied } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { listenerNotFound, loadBalancerNotFound, ruleNotFound, targetGroupNotFound } from './errors.ts'
import { forwardedTargetGroups } from '../views/routing.ts'
import type { Elbv2State, LoadBalancer, Listener, Rule, TargetGroup } from './state.ts'

/** Finders that throw ELBv2's not-found errors, and the relations the API computes instead of storing. */
export function getLoadBalancer(ctx: SimContext, arn: string | undefined): LoadBalancer {
  const lb = arn ? ownEntry(ctx.world.elbv2.loadBalancers, arn) : undefined
  // Seen in real DescribeListeners errors: `Load balancer 'arn:…' not found`.
  if (!lb) throw arn ? new AwsError('LoadBalancerNotFound', `Load balancer '${arn}' not found`) : loadBalancerNotFound()
  return lb
}

export function getTargetGroup(ctx: SimContext, arn: string | undefined): TargetGroup {
  const tg = arn ? ownEntry(ctx.world.elbv2.targetGroups, arn) : undefined
  if (!tg) throw targetGroupNotFound()
  return tg
}

export function getListener(ctx: SimContext, arn: string | undefined): Listener {
  const listener = arn ? ownEntry(ctx.world.elbv2.listeners, arn) : undefined
  if (!listener) throw listenerNotFound()
  return listener
}

export function getRule(ctx: SimContext, arn: string | undefined): Rule {
  const rule = arn ? ownEntry(ctx.world.elbv2.rules, arn) : undefined
  if (!rule) throw ruleNotFound()
  return rule
}

/** Every target group an action sends traffic to: the read model's rule (../views/routing.ts). */
export const actionTargetGroups = forwardedTargetGroups

/**
 * The load balancers whose listeners or rules forward to this target group (TargetGroup.LoadBalancerArns).
 * Health checks and ECS ask this constantly, so the answers are kept until routing changes: every handler that adds,
 * removes or edits a listener or rule calls `forgetRouting` (and a rollback forgets every derived answer).
 */
const lbCache = new DerivedCache<Elbv2State, Map<string, readonly string[]>>()

/** Drops the cached answers after a listener or rule was added, removed or changed. */
export const forgetRouting = (state: Elbv2State): void => lbCache.delete(unproxied(state))

export function loadBalancerArnsOf(state: Elbv2State, targetGroupArn: string): readonly string[] {
  const key = unproxied(state)
  let byTargetGroup = lbCache.get(key)
  if (!byTargetGroup) lbCache.set(key, (byTargetGroup = new Map()))
  let found = byTargetGroup.get(targetGroupArn)
  if (!found) byTargetGroup.set(targetGroupArn, (found = computeLoadBalancerArns(state, targetGroupArn)))
  return found
}

function computeLoadBalancerArns(state: Elbv2State, targetGroupArn: string): string[] {
  const out = new Set<string>()
  for (const listener of Object.values(state.listeners))
    if (listener.DefaultActions.some((a) => actionTargetGroups(a).includes(targetGroupArn))) out.add(listener.LoadBalancerArn)
  for (const rule of Object.values(state.rules)) {
    if (rule.IsDefault || !rule.Actions.some((a) => actionTargetGroups(a).includes(targetGroupArn))) continue
    const listener = state.listeners[rule.ListenerArn]
    if (listener) out.add(listener.LoadBalancerArn)
  }
  return [...out]
}

/** ARN tail after the resource type: `app/web/0123…` for `…:loadbalancer/app/web/0123…`. */
export const arnTail = (arn: string): string => arn.split(':').slice(5).join(':').split('/').slice(1).join('/')
