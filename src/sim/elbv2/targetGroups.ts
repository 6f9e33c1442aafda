import { arn, AwsError, elbHex, ownEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import { checkName, constraint, targetGroupNotFound, validation } from './errors.ts'
import { mergeAttributes } from './loadBalancers.ts'
import { getTargetGroup, loadBalancerArnsOf } from './lookup.ts'
import type { Attribute, Elbv2State, Matcher, Tag, TargetGroup } from './state.ts'
import { ELBV2_TIMINGS } from './timings.ts'

interface HealthCheckSettings {
  HealthCheckProtocol?: string
  HealthCheckPort?: string
  HealthCheckEnabled?: boolean
  HealthCheckPath?: string
  HealthCheckIntervalSeconds?: number
  HealthCheckTimeoutSeconds?: number
  HealthyThresholdCount?: number
  UnhealthyThresholdCount?: number
  Matcher?: Matcher
}

interface CreateTargetGroupRequest extends HealthCheckSettings {
  Name: string
  Protocol?: string
  ProtocolVersion?: string
  Port?: number
  VpcId?: string
  TargetType?: string
  Tags?: Tag[]
  IpAddressType?: string
}

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']
const TARGET_TYPES = ['instance', 'ip', 'lambda', 'alb']

/** Target group attributes and their defaults (ALB User Guide, "Target group attributes"). */
const defaultAttributes = (tg: TargetGroup): Attribute[] =>
  tg.TargetType === 'lambda'
    ? [{ Key: 'lambda.multi_value_headers.enabled', Value: 'false' }]
    : [
        { Key: 'deregistration_delay.timeout_seconds', Value: String(ELBV2_TIMINGS.deregistrationDelaySeconds) },
        { Key: 'stickiness.enabled', Value: 'false' },
        { Key: 'stickiness.type', Value: tg.Protocol === 'HTTP' || tg.Protocol === 'HTTPS' ? 'lb_cookie' : 'source_ip' },
        { Key: 'stickiness.lb_cookie.duration_seconds', Value: '86400' },
        { Key: 'slow_start.duration_seconds', Value: '0' },
        { Key: 'load_balancing.algorithm.type', Value: 'round_robin' },
        { Key: 'load_balancing.cross_zone.enabled', Value: 'use_load_balancer_configuration' },
      ]

/** The health-check settings after applying `input` over `base`, validated as ELBv2 does. */
const isHealthCheckMember = (key: string): boolean =>
  key.startsWith('HealthCheck') || key === 'HealthyThresholdCount' || key === 'UnhealthyThresholdCount' || key === 'Matcher'

function healthCheck(base: HealthCheckSettings, input: HealthCheckSettings): HealthCheckSettings {
  const merged = { ...base }
  // Only the health-check members: the request's other members (Name, TargetType, ...) are not a target group's settings.
  for (const [k, v] of Object.entries(input)) if (v !== undefined && isHealthCheckMember(k)) (merged as Record<string, unknown>)[k] = v
  const interval = merged.HealthCheckIntervalSeconds ?? 30
  const timeout = merged.HealthCheckTimeoutSeconds ?? 5
  if (interval < 5 || interval > 300) throw constraint(interval, 'healthCheckIntervalSeconds', 'Member must have value between 5 and 300')
  if (timeout < 2 || timeout > 120) throw constraint(timeout, 'healthCheckTimeoutSeconds', 'Member must have value between 2 and 120')
  for (const [key, at] of [['HealthyThresholdCount', 'healthyThresholdCount'], ['UnhealthyThresholdCount', 'unhealthyThresholdCount']] as const) {
    const n = merged[key] ?? 2
    if (n < 2 || n > 10) throw constraint(n, at, 'Member must have value between 2 and 10')
  }
  if (timeout >= interval) throw validation(`Health check timeout '${timeout}' must be smaller than the interval '${interval}'`)
  const port = merged.HealthCheckPort
  if (port !== undefined && port !== 'traffic-port' && !(Number(port) >= 1 && Number(port) <= 65535))
    throw validation(`Health check port '${port}' must be 'traffic-port' or a number between 1 and 65535`)
  if (merged.HealthCheckPath !== undefined && !merged.HealthCheckPath.startsWith('/')) throw validation(`Health check path '${merged.HealthCheckPath}' must begin with a '/' character`)
  return merged
}

/**
 * CreateTargetGroup with the defaults of fidelity §4.4 (HTTP: 30 s interval, 5 s timeout, 5 healthy, 2 unhealthy,
 * path `/`, matcher 200; `--target-type` instance by default). Same name with the same settings returns the
 * existing group.
 */
export const createTargetGroup = handler((ctx, input: CreateTargetGroupRequest) => {
  const { world } = ctx
  const name = input.Name ?? ''
  checkName('TargetGroup', name)
  const targetType = (input.TargetType ?? 'instance') as TargetGroup['TargetType']
  if (!TARGET_TYPES.includes(targetType)) throw constraint(targetType, 'targetType', `Member must satisfy enum value set: [${TARGET_TYPES.join(', ')}]`)
  let tg: TargetGroup
  if (targetType === 'lambda') {
    if (input.Protocol || input.Port || input.VpcId) throw validation('A protocol, port, and VPC ID cannot be specified for target groups with target type \'lambda\'')
    const d = ELBV2_TIMINGS.healthCheckDefaults.lambda
    const hc = healthCheck({ HealthCheckEnabled: false, HealthCheckPath: '/', HealthCheckIntervalSeconds: d.interval, HealthCheckTimeoutSeconds: d.timeout, HealthyThresholdCount: d.healthy, UnhealthyThresholdCount: d.unhealthy, Matcher: { HttpCode: '200' } }, input)
    tg = { TargetGroupArn: '', TargetGroupName: name, ...hc, HealthCheckEnabled: hc.HealthCheckEnabled ?? false, HealthCheckIntervalSeconds: hc.HealthCheckIntervalSeconds ?? d.interval, HealthCheckTimeoutSeconds: hc.HealthCheckTimeoutSeconds ?? d.timeout, HealthyThresholdCount: hc.HealthyThresholdCount ?? d.healthy, UnhealthyThresholdCount: hc.UnhealthyThresholdCount ?? d.unhealthy, TargetType: targetType }
  } else {
    if (!input.Protocol) throw validation(`A protocol must be specified`)
    if (!PROTOCOLS.includes(input.Protocol)) throw constraint(input.Protocol, 'protocol', `Member must satisfy enum value set: [${PROTOCOLS.join(', ')}]`)
    if (input.Port === undefined) throw validation('A port must be specified')
    if (input.Port < 1 || input.Port > 65535) throw constraint(input.Port, 'port', 'Member must have value between 1 and 65535')
    if (!input.VpcId) throw validation('A VPC ID must be specified')
    if (!world.ec2.vpcs[input.VpcId]) throw validation(`The VPC ID '${input.VpcId}' is not found`)
    const http = input.Protocol === 'HTTP' || input.Protocol === 'HTTPS'
    const d = http ? ELBV2_TIMINGS.healthCheckDefaults.HTTP : ELBV2_TIMINGS.healthCheckDefaults.TCP
    const base: HealthCheckSettings = {
      HealthCheckProtocol: http ? input.Protocol : 'TCP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: d.interval,
      HealthCheckTimeoutSeconds: d.timeout,
      HealthyThresholdCount: d.healthy,
      UnhealthyThresholdCount: d.unhealthy,
      ...(http ? { HealthCheckPath: '/', Matcher: { HttpCode: '200' } } : {}),
    }
    const hc = healthCheck(base, input)
    tg = {
      TargetGroupArn: '',
      TargetGroupName: name,
      Protocol: input.Protocol,
      Port: input.Port,
      VpcId: input.VpcId,
      HealthCheckProtocol: hc.HealthCheckProtocol,
      HealthCheckPort: hc.HealthCheckPort,
      HealthCheckEnabled: hc.HealthCheckEnabled ?? true,
      HealthCheckIntervalSeconds: hc.HealthCheckIntervalSeconds ?? d.interval,
      HealthCheckTimeoutSeconds: hc.HealthCheckTimeoutSeconds ?? d.timeout,
      HealthyThresholdCount: hc.HealthyThresholdCount ?? d.healthy,
      UnhealthyThresholdCount: hc.UnhealthyThresholdCount ?? d.unhealthy,
      HealthCheckPath: hc.HealthCheckPath,
      Matcher: hc.Matcher,
      TargetType: targetType,
      ...(http ? { ProtocolVersion: input.ProtocolVersion ?? 'HTTP1' } : {}),
      IpAddressType: input.IpAddressType ?? 'ipv4',
    }
  }
  const existing = Object.values(world.elbv2.targetGroups).find((g) => g.TargetGroupName === name)
  if (existing) {
    const same = JSON.stringify({ ...existing, TargetGroupArn: '', LoadBalancerArns: undefined }) === JSON.stringify({ ...tg, LoadBalancerArns: undefined })
    if (same) return { TargetGroups: [withLoadBalancers(world.elbv2, existing)] }
    throw new AwsError('DuplicateTargetGroupName', `A target group with the same name '${name}' exists, but with different settings`)
  }
  tg.TargetGroupArn = arn({ service: 'elasticloadbalancing', region: world.region, accountId: world.accountId, resource: `targetgroup/${name}/${elbHex(ctx.rng)}` })
  world.elbv2.targetGroups[tg.TargetGroupArn] = tg
  world.elbv2.targetGroupAttributes[tg.TargetGroupArn] = defaultAttributes(tg)
  world.elbv2.targets[tg.TargetGroupArn] = []
  if (input.Tags?.length) world.elbv2.tags[tg.TargetGroupArn] = input.Tags.map((t) => ({ ...t }))
  ctx.log(tg.TargetGroupArn, { kind: 'resource.created', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', detail: `${tg.TargetType} target group ${name}${tg.Protocol ? ` ${tg.Protocol}:${tg.Port}` : ''}` })
  return { TargetGroups: [withLoadBalancers(world.elbv2, tg)] }
})

/** The group as the API shows it, with `LoadBalancerArns` computed from the listeners and rules. */
export const withLoadBalancers = (state: Elbv2State, tg: TargetGroup): TargetGroup => ({ ...tg, LoadBalancerArns: [...loadBalancerArnsOf(state, tg.TargetGroupArn)] })

interface DescribeTargetGroupsRequest {
  LoadBalancerArn?: string
  TargetGroupArns?: string[]
  Names?: string[]
}

export const describeTargetGroups = handler((ctx, input: DescribeTargetGroupsRequest) => {
  const { elbv2 } = ctx.world
  const all = Object.values(elbv2.targetGroups)
  let found: TargetGroup[]
  if (input.TargetGroupArns?.length) {
    found = input.TargetGroupArns.map((a) => elbv2.targetGroups[a])
    if (found.some((g) => !g)) throw targetGroupNotFound()
  } else if (input.Names?.length) {
    const missing = input.Names.filter((n) => !all.some((g) => g.TargetGroupName === n))
    if (missing.length) throw new AwsError('TargetGroupNotFound', `One or more target groups not found`)
    found = all.filter((g) => input.Names?.includes(g.TargetGroupName))
  } else if (input.LoadBalancerArn) {
    if (!ownEntry(elbv2.loadBalancers, input.LoadBalancerArn)) throw new AwsError('LoadBalancerNotFound', `Load balancer '${input.LoadBalancerArn}' not found`)
    found = all.filter((g) => loadBalancerArnsOf(elbv2, g.TargetGroupArn).includes(input.LoadBalancerArn ?? ''))
  } else found = all
  return { TargetGroups: found.map((g) => withLoadBalancers(elbv2, g)) }
})

export const modifyTargetGroup = handler((ctx, input: HealthCheckSettings & { TargetGroupArn: string }) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  const { TargetGroupArn: _arn, ...changes } = input
  const hc = healthCheck(tg, changes)
  Object.assign(tg, hc)
  ctx.log(tg.TargetGroupArn, { kind: 'resource.settings', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', scope: 'health check', settings: [] })
  return { TargetGroups: [withLoadBalancers(ctx.world.elbv2, tg)] }
})

/** DeleteTargetGroup: refused while a listener or rule forwards to it (ResourceInUse, fidelity §4.6). */
export const deleteTargetGroup = handler((ctx, input: { TargetGroupArn: string }) => {
  const { elbv2 } = ctx.world
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  if (loadBalancerArnsOf(elbv2, tg.TargetGroupArn).length)
    throw new AwsError('ResourceInUse', `Target group '${tg.TargetGroupArn}' is currently in use by a listener or a rule`)
  delete elbv2.targetGroups[tg.TargetGroupArn]
  delete elbv2.targetGroupAttributes[tg.TargetGroupArn]
  delete elbv2.targets[tg.TargetGroupArn]
  delete elbv2.bookkeeping[tg.TargetGroupArn]
  delete elbv2.tags[tg.TargetGroupArn]
  ctx.scheduler.cancel((e) => e.kind.startsWith('elbv2.targetGroup.') && e.payload.targetGroupArn === tg.TargetGroupArn)
  ctx.log(tg.TargetGroupArn, { kind: 'resource.deleted', type: 'AWS::ElasticLoadBalancingV2::TargetGroup' })
  return {}
})

export const describeTargetGroupAttributes = handler((ctx, input: { TargetGroupArn: string }) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  return { Attributes: ctx.world.elbv2.targetGroupAttributes[tg.TargetGroupArn] ?? [] }
})

export const modifyTargetGroupAttributes = handler((ctx, input: { TargetGroupArn: string; Attributes: Attribute[] }) => {
  const tg = getTargetGroup(ctx, input.TargetGroupArn)
  const attributes = ctx.world.elbv2.targetGroupAttributes[tg.TargetGroupArn]
  const delay = input.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')
  if (delay && !(Number(delay.Value) >= 0 && Number(delay.Value) <= 3600 && /^\d+$/.test(String(delay.Value))))
    throw validation(`'deregistration_delay.timeout_seconds' must be a number between 0 and 3600`)
  mergeAttributes(attributes, input.Attributes ?? [], 'target group')
  ctx.log(tg.TargetGroupArn, { kind: 'resource.settings', type: 'AWS::ElasticLoadBalancingV2::TargetGroup', scope: 'attributes', settings: (input.Attributes ?? []).map((a) => ({ name: String(a.Key), value: String(a.Value) })) })
  return { Attributes: attributes }
})

/** Deregistration delay in ms, from the group's attribute. */
export function deregistrationDelayMs(state: Elbv2State, targetGroupArn: string): number {
  const v = state.targetGroupAttributes[targetGroupArn]?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value
  return Number(v ?? ELBV2_TIMINGS.deregistrationDelaySeconds) * 1000
}
