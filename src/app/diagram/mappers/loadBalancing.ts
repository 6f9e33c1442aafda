import type { Action, Rule, RuleCondition, TargetGroup, World } from '../../../sandbox/index.ts'
import { conditionValues, forwardedTargetGroups, hostPortBindings, targetGroupHealth, targetHealth, terminalAction } from '../../../sandbox/views.ts'
import { statusOf } from '../status.ts'
import type { DiagramStatus } from '../types.ts'
import { abbreviate } from './ecs.ts'
import { azNodeId } from './network.ts'
import { creationOrder, type ResourceMapper } from './registry.ts'

// Elastic Load Balancing on the diagram: the load balancer inside its VPC, stretched across the AZ columns of its
// subnets, with its listeners (and their rules) inside it; target groups in a row below it; edges from each rule
// to the target groups it forwards to (labelled listener port → target port) and from each target group to its
// targets (a task's ENI, labelled with the target port and coloured by target health).

export const LB_SIZES = {
  loadBalancer: { width: 260, height: 110 },
  listener: { width: 200, height: 84 },
  rule: { width: 184, height: 46 },
  targetGroup: { width: 240, height: 64 },
} as const

/** The last segment of an ELB ARN's name part, e.g. `FargateLoadBalancer`. */
const nameFromArn = (arn: string): string => arn.split('/').at(-2) ?? arn

/** A rule's conditions in a few words: `path /api/*`, `host api.example.com`. */
export function conditionText(conditions: readonly RuleCondition[]): string {
  return conditions
    .map((c) => {
      const values = conditionValues(c)
      const field = c.Field === 'path-pattern' ? 'path' : c.Field === 'host-header' ? 'host' : c.Field
      return `${field} ${values.join(', ')}`
    })
    .join(' and ')
}

function actionText(world: Readonly<World>, action: Action | undefined): string {
  if (!action) return 'no action'
  const tgs = forwardedTargetGroups(action)
  if (tgs.length) return `forward to ${tgs.map((arn) => world.elbv2.targetGroups[arn]?.TargetGroupName ?? nameFromArn(arn)).join(', ')}`
  if (action.Type === 'fixed-response') return `fixed response ${action.FixedResponseConfig?.StatusCode ?? ''}`.trim()
  if (action.Type === 'redirect') return `redirect ${action.RedirectConfig?.StatusCode ?? ''}`.trim()
  return action.Type
}

export const loadBalancerMapper: ResourceMapper = {
  kind: 'Load balancer',
  map(world, out) {
    Object.values(world.elbv2.loadBalancers).forEach((lb, i) => {
      const zones = lb.AvailabilityZones.map((z) => z.ZoneName)
      const groups = (lb.SecurityGroups ?? []).map((id) => world.ec2.securityGroups[id]?.GroupName ?? id)
      const state = lb.State.Code
      out.addNode({
        id: lb.LoadBalancerArn,
        parentId: lb.VpcId,
        nodeType: 'group',
        section: 'loadBalancers',
        order: creationOrder(i),
        size: LB_SIZES.loadBalancer,
        spanAcross: lb.AvailabilityZones.map((z) => azNodeId(lb.VpcId, z.ZoneName)),
        data: {
          kind: 'Load balancer',
          label: lb.LoadBalancerName,
          detail: `${lb.Type} · ${lb.Scheme} · ${lb.DNSName}`,
          state,
          status: statusOf(state),
          securityGroups: groups,
          ariaLabel:
            `Load balancer ${lb.LoadBalancerName} ${state}, ${lb.Type}, ${lb.Scheme}, ${lb.DNSName}, in ${zones.join(', ')}` +
            `${groups.length ? `, security group ${groups.join(', ')}` : ''}`,
        },
      })
    })
  },
}

export const listenerMapper: ResourceMapper = {
  kind: 'Listener',
  map(world, out) {
    Object.values(world.elbv2.listeners).forEach((l) => {
      const lb = world.elbv2.loadBalancers[l.LoadBalancerArn]
      if (!lb) return
      const action = actionText(world, terminalAction(l.DefaultActions))
      out.addNode({
        id: l.ListenerArn,
        parentId: l.LoadBalancerArn,
        nodeType: 'group',
        section: 'listeners',
        // Listeners read in port order, whatever order they were created in.
        order: String(l.Port).padStart(5, '0'),
        size: LB_SIZES.listener,
        data: {
          kind: 'Listener',
          label: `${l.Protocol}:${l.Port}`,
          detail: `default: ${action}`,
          status: 'neutral',
          ariaLabel: `Listener ${l.Protocol}:${l.Port} on ${lb.LoadBalancerName}, default action ${action}`,
        },
      })
    })
  },
}

/** Rules by priority with the default rule last, as ELB evaluates them. */
const ruleOrder = (r: Rule): string => (r.IsDefault ? '999999' : r.Priority.padStart(6, '0'))

export const ruleMapper: ResourceMapper = {
  kind: 'Listener rule',
  map(world, out) {
    const requests = requestsByEdge(world)
    for (const rule of Object.values(world.elbv2.rules)) {
      const listener = world.elbv2.listeners[rule.ListenerArn]
      if (!listener) continue
      const action = terminalAction(rule.Actions)
      const when = conditionText(rule.Conditions)
      const then = actionText(world, action)
      const name = rule.IsDefault ? 'default' : rule.Priority
      out.addNode({
        id: rule.RuleArn,
        parentId: rule.ListenerArn,
        nodeType: 'resource',
        section: 'rules',
        order: ruleOrder(rule),
        size: LB_SIZES.rule,
        data: {
          kind: 'Listener rule',
          label: rule.IsDefault ? 'default' : `${rule.Priority}: ${when}`,
          detail: then,
          status: 'neutral',
          ariaLabel: `Listener rule ${name} on ${listener.Protocol}:${listener.Port}${when ? `, if ${when}` : ''}, ${then}`,
        },
      })
      for (const tgArn of action ? forwardedTargetGroups(action) : []) {
        const tg = world.elbv2.targetGroups[tgArn]
        if (!tg) continue
        const id = `${rule.RuleArn}->${tgArn}`
        const label = `${listener.Port} → ${tg.Port ?? '?'}`
        const count = requests.get(id) ?? 0
        out.addEdge({
          id,
          source: rule.RuleArn,
          target: tgArn,
          label,
          zIndex: 10,
          ...trafficStyle(count),
          data: {
            relation: `Listener rule ${name} on ${listener.Protocol}:${listener.Port} forwards to target group ${tg.TargetGroupName} (port ${label})`,
            requests: count,
          },
        })
      }
    }
  },
}

/**
 * Healthy / all as describe-target-health reports them (the read model), and the colour that says it: any unhealthy
 * target is an error, any new one pending, any draining a warning; targets the load balancer does not use (no
 * listener forwards to the group) are neither healthy nor failing, so a group of only those is neutral.
 */
function groupHealth(world: Readonly<World>, tg: TargetGroup): { healthy: number; total: number; status: DiagramStatus; others: string } {
  const { healthy, total, states } = targetGroupHealth(world, tg.TargetGroupArn)
  const has = (state: string) => (states[state] ?? 0) > 0
  const status: DiagramStatus =
    has('unhealthy') ? 'error' : has('initial') ? 'pending' : has('draining') ? 'warning' : healthy > 0 ? 'ok' : 'neutral'
  const others = Object.entries(states)
    .filter(([state]) => state !== 'healthy')
    .map(([state, n]) => `, ${n} ${state}`)
    .join('')
  return { healthy, total, status, others }
}

/** Per world: a pass over every ENI, asked for by the target-group mapper and the request flow. */
const targetNodes = new WeakMap<Readonly<World>, Map<string, string>>()

/** The diagram node a target stands for: the ENI with that IP (a Fargate task), else the task, else nothing. */
function targetNodeIds(world: Readonly<World>): Map<string, string> {
  const known = targetNodes.get(world)
  if (known) return known
  const out = new Map<string, string>()
  targetNodes.set(world, out)
  for (const eni of Object.values(world.ec2.networkInterfaces)) {
    if (world.ecs.tasks[eni.RequesterId] !== undefined) out.set(eni.PrivateIpAddress, eni.NetworkInterfaceId)
  }
  for (const [endpoint, { taskArn }] of Object.entries(world.ecs.endpoints ?? {})) {
    const ip = endpoint.slice(0, endpoint.lastIndexOf(':'))
    if (!out.has(ip)) out.set(ip, taskArn)
  }
  // Instance targets (bridge, host): several tasks share the instance, so the key is the target itself, `i-…:port`.
  for (const [target, { taskArn }] of hostPortBindings(world)) out.set(target, taskArn)
  return out
}

export const targetGroupMapper: ResourceMapper = {
  kind: 'Target group',
  map(world, out) {
    const groups = Object.values(world.elbv2.targetGroups)
    if (groups.length === 0) return
    const nodeOfTarget = targetNodeIds(world)
    const requests = requestsByEdge(world)
    groups.forEach((tg, i) => {
      const { healthy, total, status, others } = groupHealth(world, tg)
      const proto = tg.Protocol && tg.Port ? `${tg.Protocol}:${tg.Port}` : tg.TargetType
      const health = `${healthy} of ${total} target${total === 1 ? '' : 's'} healthy${others}`
      out.addNode({
        id: tg.TargetGroupArn,
        parentId: tg.VpcId ?? world.region,
        nodeType: 'resource',
        section: tg.VpcId ? 'targetGroups' : 'regional',
        order: creationOrder(i),
        size: LB_SIZES.targetGroup,
        data: {
          kind: 'Target group',
          label: tg.TargetGroupName,
          detail: `${proto} · ${tg.TargetType} · ${healthy}/${total} healthy`,
          badge: total > 0 ? `${healthy}/${total}` : undefined,
          status,
          ariaLabel: `Target group ${tg.TargetGroupName} ${proto}, ${tg.TargetType}, ${health}`,
        },
      })
      for (const { Target: t, TargetHealth: health } of targetHealth(world, tg.TargetGroupArn)) {
        // An instance target (bridge or host mode) is one task's host port on that instance: its network bindings say
        // which, and the label shows the mapping (`i-0b1f12f4… :32768 → 80`), so dynamic ports are visible.
        const isInstance = world.ec2.instances[t.Id] !== undefined
        const bound = isInstance ? hostPortBindings(world).get(`${t.Id}:${t.Port}`) : undefined
        const node = isInstance ? (bound?.taskArn ?? t.Id) : nodeOfTarget.get(t.Id)
        if (node === undefined) continue
        const id = `${tg.TargetGroupArn}->${node}`
        const count = requests.get(id) ?? 0
        const style = trafficStyle(count)
        out.addEdge({
          id,
          source: tg.TargetGroupArn,
          target: node,
          label: isInstance ? `${abbreviate(t.Id, 10)} :${t.Port}${bound ? ` → ${bound.containerPort}` : ''}` : `:${t.Port}`,
          zIndex: 10,
          ...style,
          className: `cs-edge-${statusOf(health.State)}`,
          data: {
            relation: `Target group ${tg.TargetGroupName} sends to target ${t.Id}:${t.Port}${t.AvailabilityZone ? ` (${t.AvailabilityZone})` : ''}, ${health.State}`,
            requests: count,
            state: health.State,
          },
        })
      }
    })
  },
}

/** Requests within this much virtual time of the newest one count towards an edge's rate. */
export const RATE_WINDOW_MS = 60_000

/**
 * Recent requests per edge id (rule→target group, target group→target), over the last RATE_WINDOW_MS of
 * `world.elbv2.traffic.recent`. Pure: the same world always gives the same thickness.
 */
export function requestsByEdge(world: Readonly<World>): Map<string, number> {
  const out = new Map<string, number>()
  const recent = world.elbv2.traffic.recent
  const newest = recent.at(-1)?.at
  if (newest === undefined) return out
  const nodeOfTarget = targetNodeIds(world)
  for (const request of recent) {
    if (request.at < newest - RATE_WINDOW_MS) continue
    for (const key of pathEdges(request.hops.map((h) => h.resource), nodeOfTarget)) out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

/** Edge ids a request's hops pass through: rule → target group, target group → target node. */
export function pathEdges(hops: readonly string[], nodeOfTarget: Map<string, string>): string[] {
  const edges: string[] = []
  for (let i = 0; i + 1 < hops.length; i++) {
    const [a, b] = [hops[i], hops[i + 1]]
    if (a.includes(':listener-rule/') && b.includes(':targetgroup/')) edges.push(`${a}->${b}`)
    if (a.includes(':targetgroup/')) {
      const node = nodeOfTarget.get(b) ?? nodeOfTarget.get(b.slice(0, b.lastIndexOf(':')))
      if (node !== undefined) edges.push(`${a}->${node}`)
    }
  }
  return edges
}

/** Diagram node ids a request lit: its listener, rule, target group, target (ENI) and task. */
export function pathNodes(world: Readonly<World>, hops: readonly string[]): string[] {
  const nodeOfTarget = targetNodeIds(world)
  const out: string[] = []
  for (const h of hops) {
    if (h.startsWith('arn:')) out.push(h)
    else {
      const node = nodeOfTarget.get(h) ?? nodeOfTarget.get(h.slice(0, h.lastIndexOf(':')))
      if (node !== undefined) out.push(node)
    }
  }
  return out
}

export { targetNodeIds }

/** Thicker with more requests; animated once there is a sustained rate (two or more in the window). */
function trafficStyle(count: number): { style?: { strokeWidth: number }; animated?: boolean } {
  if (count === 0) return {}
  return { style: { strokeWidth: Math.min(8, 1.5 + count * 0.75) }, animated: count >= 2 }
}
