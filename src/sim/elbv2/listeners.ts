import { arn, AwsError, elbHex } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { normalizeActions } from './actions.ts'
import { constraint, validation } from './errors.ts'
import { startHealthChecks } from './healthChecks.ts'
import { actionTargetGroups, arnTail, forgetRouting, getListener, getLoadBalancer } from './lookup.ts'
import type { Action, Listener, Rule, Tag } from './state.ts'

interface CreateListenerRequest {
  LoadBalancerArn: string
  Protocol?: string
  Port?: number
  SslPolicy?: string
  Certificates?: { CertificateArn?: string }[]
  DefaultActions: Action[]
  Tags?: Tag[]
}

const PROTOCOLS = { application: ['HTTP', 'HTTPS'], network: ['TCP', 'TLS', 'UDP', 'TCP_UDP'] }

function checkProtocolAndPort(type: 'application' | 'network', protocol: string | undefined, port: number | undefined, certificates: unknown[] | undefined) {
  if (!protocol) throw validation('A listener protocol must be specified')
  if (!PROTOCOLS[type].includes(protocol)) throw validation(`Listener protocol '${protocol}' must be one of '${PROTOCOLS[type].slice().reverse().join(', ')}'`)
  if (port === undefined) throw validation('A listener port must be specified')
  if (port < 1 || port > 65535) throw constraint(port, 'port', 'Member must have value between 1 and 65535')
  if ((protocol === 'HTTPS' || protocol === 'TLS') && !certificates?.length) throw validation(`A certificate must be specified for ${protocol} listeners`)
}

/**
 * CreateListener (fidelity §4.5): one listener per port per load balancer (DuplicateListener), its default actions
 * normalized as ELBv2 echoes them, and a default rule. Forwarding to a target group starts its health checks.
 */
export const createListener = handler((ctx, input: CreateListenerRequest) => {
  const { elbv2 } = ctx.world
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn)
  checkProtocolAndPort(lb.Type, input.Protocol, input.Port, input.Certificates)
  const actions = normalizeActions(ctx, lb, input.DefaultActions, 'defaultActions')
  const clash = Object.values(elbv2.listeners).find((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === input.Port)
  if (clash) throw new AwsError('DuplicateListener', 'A listener already exists on this port for this load balancer')
  const listenerArn = arn({
    service: 'elasticloadbalancing',
    region: ctx.world.region,
    accountId: ctx.world.accountId,
    resource: `listener/${arnTail(lb.LoadBalancerArn)}/${elbHex(ctx.rng)}`,
  })
  const listener: Listener = {
    ListenerArn: listenerArn,
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: input.Port ?? 80,
    Protocol: input.Protocol ?? 'HTTP',
    ...(input.Certificates?.length ? { Certificates: input.Certificates, SslPolicy: input.SslPolicy ?? 'ELBSecurityPolicy-2016-08' } : {}),
    DefaultActions: actions,
  }
  elbv2.listeners[listenerArn] = listener
  const ruleArn = arn({ service: 'elasticloadbalancing', region: ctx.world.region, accountId: ctx.world.accountId, resource: `listener-rule/${arnTail(listenerArn)}/${elbHex(ctx.rng)}` })
  elbv2.rules[ruleArn] = { RuleArn: ruleArn, Priority: 'default', Conditions: [], Actions: actions, IsDefault: true, ListenerArn: listenerArn }
  forgetRouting(elbv2)
  if (input.Tags?.length) elbv2.tags[listenerArn] = input.Tags.map((t) => ({ ...t }))
  ctx.log(listenerArn, { kind: 'resource.created', type: 'AWS::ElasticLoadBalancingV2::Listener', detail: `${listener.Protocol}:${listener.Port} on ${lb.LoadBalancerName}, default action ${describeActions(actions)}` })
  for (const tgArn of actions.flatMap(actionTargetGroups)) startHealthChecks(ctx, tgArn)
  return { Listeners: [listener] }
})

/** Short words for the event log: `forward to web-tg`, `fixed-response 404`. */
export function describeActions(actions: Action[]): string {
  return actions
    .map((a) =>
      a.Type === 'forward'
        ? `forward to ${(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn.split('/')[1]).join(', ')}`
        : a.Type === 'fixed-response'
          ? `fixed-response ${a.FixedResponseConfig?.StatusCode}`
          : `${a.Type} ${a.RedirectConfig?.StatusCode ?? ''}`.trim(),
    )
    .join(', ')
}

export const describeListeners = handler((ctx, input: { LoadBalancerArn?: string; ListenerArns?: string[] }) => {
  const { elbv2 } = ctx.world
  if (input.ListenerArns?.length) return { Listeners: input.ListenerArns.map((a) => getListener(ctx, a)) }
  if (!input.LoadBalancerArn) throw validation('You must specify either listener ARNs or a load balancer ARN')
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn)
  return { Listeners: Object.values(elbv2.listeners).filter((l) => l.LoadBalancerArn === lb.LoadBalancerArn) }
})

interface ModifyListenerRequest {
  ListenerArn: string
  Port?: number
  Protocol?: string
  Certificates?: { CertificateArn?: string }[]
  DefaultActions?: Action[]
}

export const modifyListener = handler((ctx, input: ModifyListenerRequest) => {
  const { elbv2 } = ctx.world
  const listener = getListener(ctx, input.ListenerArn)
  const lb = getLoadBalancer(ctx, listener.LoadBalancerArn)
  const port = input.Port ?? listener.Port
  const protocol = input.Protocol ?? listener.Protocol
  checkProtocolAndPort(lb.Type, protocol, port, input.Certificates ?? listener.Certificates)
  const actions = input.DefaultActions ? normalizeActions(ctx, lb, input.DefaultActions, 'defaultActions') : listener.DefaultActions
  if (Object.values(elbv2.listeners).some((l) => l !== listener && l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port))
    throw new AwsError('DuplicateListener', 'A listener already exists on this port for this load balancer')
  listener.Port = port
  listener.Protocol = protocol
  if (input.Certificates) listener.Certificates = input.Certificates
  listener.DefaultActions = actions
  const defaultRule = Object.values(elbv2.rules).find((r) => r.ListenerArn === listener.ListenerArn && r.IsDefault)
  if (defaultRule) defaultRule.Actions = actions
  forgetRouting(ctx.world.elbv2)
  ctx.log(listener.ListenerArn, { kind: 'resource.modified', type: 'AWS::ElasticLoadBalancingV2::Listener', detail: `${protocol}:${port}, default action ${describeActions(actions)}` })
  for (const tgArn of actions.flatMap(actionTargetGroups)) startHealthChecks(ctx, tgArn)
  return { Listeners: [listener] }
})

export const deleteListener = handler((ctx, input: { ListenerArn: string }) => {
  const listener = getListener(ctx, input.ListenerArn)
  deleteListenerAndRules(ctx, listener.ListenerArn)
  return {}
})

/** Removes a listener and all its rules (DeleteListener, and DeleteLoadBalancer for each of its listeners). */
export function deleteListenerAndRules(ctx: SimContext, listenerArn: string): void {
  const { elbv2 } = ctx.world
  const rules: Rule[] = Object.values(elbv2.rules).filter((r) => r.ListenerArn === listenerArn)
  for (const rule of rules) {
    delete elbv2.rules[rule.RuleArn]
    delete elbv2.tags[rule.RuleArn]
  }
  delete elbv2.listeners[listenerArn]
  forgetRouting(elbv2)
  delete elbv2.tags[listenerArn]
  ctx.log(listenerArn, { kind: 'resource.deleted', type: 'AWS::ElasticLoadBalancingV2::Listener', detail: rules.length > 1 ? `with ${rules.length - 1} rules` : undefined })
}
