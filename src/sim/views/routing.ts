import { loadBalancerArnsOf } from '../elbv2/lookup.ts'
import type { Action, Listener, RuleCondition } from '../elbv2/state.ts'
import type { World } from '../world.ts'

/**
 * Where listeners and rules send requests, as ELBv2 decides it. The simulation's own routing (network/routing.ts),
 * ELBv2's bookkeeping (elbv2/lookup.ts), the diagram's edges and lesson goals all ask these.
 */

/** Every target group a forward action sends to: `TargetGroupArn` or `ForwardConfig`'s weighted list (no duplicates). */
export function forwardedTargetGroups(action: Action): string[] {
  if (action.Type !== 'forward') return []
  const arns = (action.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn)
  if (action.TargetGroupArn) arns.push(action.TargetGroupArn)
  return [...new Set(arns)]
}

/** Target groups a list of actions (a listener's default actions, a rule's actions) forwards to. */
export const targetGroupsOfActions = (actions: readonly Action[]): string[] => [...new Set(actions.flatMap(forwardedTargetGroups))]

const isTerminal = (a: Action) => a.Type === 'forward' || a.Type === 'fixed-response' || a.Type === 'redirect'

/**
 * The action that answers a request: authenticate-* actions come first by `Order` and are not simulated, so it is the
 * first forward, fixed-response or redirect (ALB User Guide, "Listener rules", rule action types).
 */
export function terminalAction(actions: readonly Action[]): Action | undefined {
  if (actions.length === 1) return isTerminal(actions[0]) ? actions[0] : undefined
  return [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).find(isTerminal)
}

/** A condition's values, from the old `Values` form or the `*Config` form (ELBv2 echoes both; rules.ts). */
export const conditionValues = (c: RuleCondition): string[] =>
  c.Values ?? ((c.PathPatternConfig ?? c.HostHeaderConfig ?? c.HttpRequestMethodConfig ?? c.SourceIpConfig ?? c.HttpHeaderConfig)?.Values as string[] | undefined) ?? []

/** The load balancers that send to a target group (DescribeTargetGroups' `LoadBalancerArns`). */
export const loadBalancersOfTargetGroup = (world: Readonly<World>, targetGroupArn: string): readonly string[] =>
  loadBalancerArnsOf(world.elbv2, targetGroupArn)

/** A load balancer's listeners, in creation order (DescribeListeners). */
export const listenersOf = (world: Readonly<World>, loadBalancerArn: string): Listener[] =>
  Object.values(world.elbv2.listeners).filter((l) => l.LoadBalancerArn === loadBalancerArn)
