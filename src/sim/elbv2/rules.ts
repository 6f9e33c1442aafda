import { arn, AwsError, elbHex } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { normalizeActions } from './actions.ts'
import { constraint, validation } from './errors.ts'
import { startHealthChecks } from './healthChecks.ts'
import { describeActions } from './listeners.ts'
import { actionTargetGroups, arnTail, forgetRouting, getListener, getLoadBalancer, getRule } from './lookup.ts'
import type { Action, Rule, RuleCondition, Tag } from './state.ts'

const FIELDS = ['http-header', 'http-request-method', 'host-header', 'path-pattern', 'query-string', 'source-ip']
const CONFIG_OF: Record<string, keyof RuleCondition> = {
  'path-pattern': 'PathPatternConfig',
  'host-header': 'HostHeaderConfig',
  'http-header': 'HttpHeaderConfig',
  'query-string': 'QueryStringConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'source-ip': 'SourceIpConfig',
}

/**
 * Conditions as ELBv2 echoes them: the legacy `Values` and the `*Config` form both (fidelity §4.5; which
 * form AWS echoes is unverified). Limits per the ALB guide: ≤128 characters per value, ≤5 values per rule.
 */
export function normalizeConditions(conditions: RuleCondition[] | undefined): RuleCondition[] {
  if (!conditions || conditions.length === 0) throw validation('A rule must have at least one condition')
  let total = 0
  const out = conditions.map((c, i) => {
    if (!FIELDS.includes(c.Field)) throw constraint(c.Field, `conditions.${i + 1}.member.field`, `Member must satisfy enum value set: [${FIELDS.join(', ')}]`)
    const key = CONFIG_OF[c.Field]
    const config = c[key] as { Values?: unknown[] } | undefined
    const values = (c.Values?.length ? c.Values : (config?.Values ?? [])) as string[]
    if (values.length === 0) throw validation(`A '${c.Field}' condition must have at least one value`)
    total += values.length
    for (const v of values) if (typeof v === 'string' && v.length > 128) throw validation(`The '${c.Field}' value '${v.slice(0, 20)}…' exceeds the maximum length of 128 characters`)
    if (c.Field === 'path-pattern' || c.Field === 'host-header') return { Field: c.Field, Values: values, [key]: { Values: values } }
    return { Field: c.Field, [key]: { ...config, Values: values } }
  })
  if (total > 5) throw validation('A rule can only have a maximum of 5 condition values')
  return out
}

function checkPriority(ctx: SimContext, listenerArn: string, priority: number | undefined, except?: string): string {
  if (priority === undefined) throw validation('A rule priority must be specified')
  if (!Number.isInteger(priority) || priority < 1 || priority > 50000) throw constraint(priority, 'priority', 'Member must have value between 1 and 50000')
  const taken = Object.values(ctx.world.elbv2.rules).some((r) => r.ListenerArn === listenerArn && r.RuleArn !== except && r.Priority === String(priority))
  if (taken) throw new AwsError('PriorityInUse', `Priority '${priority}' is currently in use`)
  return String(priority)
}

/** A rule as ELBv2 returns it: the listener it belongs to is kept for lookups but is not a member of `Rule`. */
const described = ({ ListenerArn: _listenerArn, ...rule }: Rule) => rule

interface CreateRuleRequest {
  ListenerArn: string
  Conditions: RuleCondition[]
  Priority: number
  Actions: Action[]
  Tags?: Tag[]
}

/** CreateRule (fidelity §4.5): priorities unique per listener (PriorityInUse), lowest evaluated first. */
export const createRule = handler((ctx, input: CreateRuleRequest) => {
  const listener = getListener(ctx, input.ListenerArn)
  const lb = getLoadBalancer(ctx, listener.LoadBalancerArn)
  if (lb.Type !== 'application') throw validation('Rules are only supported for Application Load Balancer listeners')
  const conditions = normalizeConditions(input.Conditions)
  const actions = normalizeActions(ctx, lb, input.Actions, 'actions')
  const priority = checkPriority(ctx, listener.ListenerArn, input.Priority)
  const ruleArn = arn({ service: 'elasticloadbalancing', region: ctx.world.region, accountId: ctx.world.accountId, resource: `listener-rule/${arnTail(listener.ListenerArn)}/${elbHex(ctx.rng)}` })
  const rule: Rule = { RuleArn: ruleArn, Priority: priority, Conditions: conditions, Actions: actions, IsDefault: false, ListenerArn: listener.ListenerArn }
  ctx.world.elbv2.rules[ruleArn] = rule
  forgetRouting(ctx.world.elbv2)
  if (input.Tags?.length) ctx.world.elbv2.tags[ruleArn] = input.Tags.map((t) => ({ ...t }))
  ctx.log(ruleArn, { kind: 'resource.created', type: 'AWS::ElasticLoadBalancingV2::ListenerRule', detail: `priority ${priority}: ${describeConditions(conditions)} → ${describeActions(actions)}` })
  for (const tgArn of actions.flatMap(actionTargetGroups)) startHealthChecks(ctx, tgArn)
  return { Rules: [described(rule)] }
})

export const describeConditions = (conditions: RuleCondition[]): string =>
  conditions.map((c) => `${c.Field} ${(c.Values ?? (c[CONFIG_OF[c.Field]] as { Values?: unknown[] })?.Values ?? []).map(String).join(',')}`).join(' and ')

/** A listener's rules by priority, the default rule last (the order ELBv2 evaluates them). */
export function rulesOf(ctx: SimContext, listenerArn: string): Rule[] {
  const rules = Object.values(ctx.world.elbv2.rules).filter((r) => r.ListenerArn === listenerArn)
  return rules.sort((a, b) => (a.IsDefault ? 1 : 0) - (b.IsDefault ? 1 : 0) || Number(a.Priority) - Number(b.Priority))
}

export const describeRules = handler((ctx, input: { ListenerArn?: string; RuleArns?: string[] }) => {
  if (input.RuleArns?.length) return { Rules: input.RuleArns.map((a) => described(getRule(ctx, a))) }
  if (!input.ListenerArn) throw validation('You must specify either listener ARNs or rule ARNs')
  const listener = getListener(ctx, input.ListenerArn)
  return { Rules: rulesOf(ctx, listener.ListenerArn).map(described) }
})

export const modifyRule = handler((ctx, input: { RuleArn: string; Conditions?: RuleCondition[]; Actions?: Action[] }) => {
  const rule = getRule(ctx, input.RuleArn)
  const listener = getListener(ctx, rule.ListenerArn)
  const lb = getLoadBalancer(ctx, listener.LoadBalancerArn)
  if (rule.IsDefault && input.Conditions?.length) throw new AwsError('OperationNotPermitted', 'The conditions of a default rule cannot be modified')
  const conditions = input.Conditions ? normalizeConditions(input.Conditions) : rule.Conditions
  const actions = input.Actions ? normalizeActions(ctx, lb, input.Actions, 'actions') : rule.Actions
  rule.Conditions = conditions
  rule.Actions = actions
  if (rule.IsDefault) listener.DefaultActions = actions
  forgetRouting(ctx.world.elbv2)
  ctx.log(rule.RuleArn, { kind: 'resource.modified', type: 'AWS::ElasticLoadBalancingV2::ListenerRule', detail: `${rule.IsDefault ? 'default' : `priority ${rule.Priority}: ${describeConditions(conditions)}`} → ${describeActions(actions)}` })
  for (const tgArn of actions.flatMap(actionTargetGroups)) startHealthChecks(ctx, tgArn)
  return { Rules: [described(rule)] }
})

export const deleteRule = handler((ctx, input: { RuleArn: string }) => {
  const rule = getRule(ctx, input.RuleArn)
  if (rule.IsDefault) throw new AwsError('OperationNotPermitted', `Default rule '${rule.RuleArn}' cannot be deleted`)
  delete ctx.world.elbv2.rules[rule.RuleArn]
  forgetRouting(ctx.world.elbv2)
  delete ctx.world.elbv2.tags[rule.RuleArn]
  ctx.log(rule.RuleArn, { kind: 'resource.deleted', type: 'AWS::ElasticLoadBalancingV2::ListenerRule' })
  return {}
})

export const setRulePriorities = handler((ctx, input: { RulePriorities: { RuleArn: string; Priority: number }[] }) => {
  const changes = (input.RulePriorities ?? []).map((p) => ({ rule: getRule(ctx, p.RuleArn), priority: p.Priority }))
  for (const { rule } of changes) if (rule.IsDefault) throw new AwsError('OperationNotPermitted', `Default rule '${rule.RuleArn}' priority cannot be changed`)
  const moving = new Set(changes.map((c) => c.rule.RuleArn))
  const seen = new Set<string>()
  for (const { rule, priority } of changes) {
    if (!Number.isInteger(priority) || priority < 1 || priority > 50000) throw constraint(priority, 'priority', 'Member must have value between 1 and 50000')
    const key = `${rule.ListenerArn} ${priority}`
    const taken = Object.values(ctx.world.elbv2.rules).some((r) => r.ListenerArn === rule.ListenerArn && !moving.has(r.RuleArn) && r.Priority === String(priority))
    if (taken || seen.has(key)) throw new AwsError('PriorityInUse', `Priority '${priority}' is currently in use`)
    seen.add(key)
  }
  for (const { rule, priority } of changes) {
    ctx.log(rule.RuleArn, { kind: 'resource.status', type: 'AWS::ElasticLoadBalancingV2::ListenerRule', attribute: 'priority', from: String(rule.Priority), to: String(priority) })
    rule.Priority = String(priority)
  }
  return { Rules: changes.map((c) => described(c.rule)) }
})
