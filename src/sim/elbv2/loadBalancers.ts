import { arn, AwsError, elbHex, ownEntry, step } from '../core/index.ts'
import { handler, type TimerHandler } from '../context.ts'
import { createNetworkInterface, deleteNetworkInterface, hasInternetRoute } from '../ec2/index.ts'
import { checkName, constraint, loadBalancerNotFound, validation } from './errors.ts'
import { INITIAL_LOAD_BALANCER_STATE, loadBalancerMachine } from './loadBalancer.machine.ts'
import { getLoadBalancer } from './lookup.ts'
import { deleteListenerAndRules } from './listeners.ts'
import type { Attribute, LoadBalancer, Tag } from './state.ts'
import { ELBV2_TIMINGS } from './timings.ts'

interface CreateLoadBalancerRequest {
  Name: string
  Subnets?: string[]
  SubnetMappings?: { SubnetId?: string }[]
  SecurityGroups?: string[]
  Scheme?: string
  Tags?: Tag[]
  Type?: string
  IpAddressType?: string
}

/**
 * Route 53 hosted zone of the load balancers' DNS names, per region and type (AWS General Reference,
 * "Elastic Load Balancing endpoints and quotas", https://docs.aws.amazon.com/general/latest/gr/elb.html).
 */
const HOSTED_ZONES: Record<string, { application: string; network: string }> = {
  'us-east-1': { application: 'Z35SXDOTRQ7X7K', network: 'Z26RNL4JYFTOTI' },
  'us-east-2': { application: 'Z3AADJGX6KTTL2', network: 'ZLMOA37VPKANP' },
  'us-west-2': { application: 'Z1H1FL5HABSF5', network: 'Z18D5FSROUN65G' },
  'eu-west-1': { application: 'Z32O12XQLNTSW2', network: 'Z2IFOLAFXWLO4F' },
}

/** Attributes a new load balancer has (ALB User Guide, "Load balancer attributes"); the course uses deletion protection. */
const defaultAttributes = (type: string): Attribute[] =>
  type === 'application'
    ? [
        { Key: 'access_logs.s3.enabled', Value: 'false' },
        { Key: 'deletion_protection.enabled', Value: 'false' },
        { Key: 'idle_timeout.timeout_seconds', Value: String(ELBV2_TIMINGS.idleTimeoutSeconds) },
        { Key: 'routing.http2.enabled', Value: 'true' },
        { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'false' },
      ]
    : [
        { Key: 'access_logs.s3.enabled', Value: 'false' },
        { Key: 'deletion_protection.enabled', Value: 'false' },
        { Key: 'load_balancing.cross_zone.enabled', Value: 'false' },
      ]

/**
 * CreateLoadBalancer (fidelity §4.1, §4.5, §4.6): validates names, subnets (an ALB needs two AZs), scheme and
 * security groups against EC2, creates one node ENI per subnet, and answers `provisioning`; the scheduler makes it
 * `active`. Same name with the same settings returns the existing one (the API is idempotent).
 */
export const createLoadBalancer = handler((ctx, input: CreateLoadBalancerRequest) => {
  const { world } = ctx
  const name = input.Name ?? ''
  checkName('LoadBalancer', name)
  const type = input.Type ?? 'application'
  if (type === 'gateway') throw validation('Gateway Load Balancers are not simulated in this sandbox')
  if (type !== 'application' && type !== 'network') throw constraint(type, 'type', 'Member must satisfy enum value set: [application, network, gateway]')
  const scheme = input.Scheme ?? 'internet-facing'
  if (scheme !== 'internet-facing' && scheme !== 'internal') throw constraint(scheme, 'scheme', 'Member must satisfy enum value set: [internet-facing, internal]')
  const ipAddressType = input.IpAddressType ?? 'ipv4'
  const subnetIds = [...(input.Subnets ?? []), ...(input.SubnetMappings ?? []).map((m) => m.SubnetId ?? '')]
  if (subnetIds.length === 0) throw validation('At least one subnet must be specified')
  const subnets = subnetIds.map((id) => {
    const subnet = world.ec2.subnets[id]
    if (!subnet) throw new AwsError('SubnetNotFound', `The subnet ID '${id}' is not valid`)
    return subnet
  })
  const vpcId = subnets[0].VpcId
  if (subnets.some((s) => s.VpcId !== vpcId)) throw new AwsError('InvalidConfigurationRequest', 'The subnets must all belong to the same VPC')
  const zones = new Set(subnets.map((s) => s.AvailabilityZone))
  if (zones.size < subnets.length) throw new AwsError('InvalidConfigurationRequest', 'A load balancer cannot be attached to multiple subnets in the same Availability Zone')
  if (type === 'application' && zones.size < 2) throw validation('At least two subnets in two different Availability Zones must be specified')
  let groups = input.SecurityGroups
  if (type === 'application' && (groups === undefined || groups.length === 0)) {
    // Omitted: the VPC's default group (fidelity §4.5).
    const fallback = Object.values(world.ec2.securityGroups).find((g) => g.VpcId === vpcId && g.GroupName === 'default')
    groups = fallback ? [fallback.GroupId] : []
  }
  for (const id of groups ?? []) {
    const sg = world.ec2.securityGroups[id]
    if (!sg || sg.VpcId !== vpcId) throw new AwsError('InvalidSecurityGroup', `Security group '${id}' does not exist`)
  }
  if (scheme === 'internet-facing' && !hasInternetRoute(ctx, vpcId)) throw new AwsError('InvalidSubnet', `VPC ${vpcId} has no internet gateway`)

  const existing = Object.values(world.elbv2.loadBalancers).find((lb) => lb.LoadBalancerName === name)
  if (existing) {
    const same =
      existing.Type === type &&
      existing.Scheme === scheme &&
      existing.AvailabilityZones.map((z) => z.SubnetId).sort().join() === [...subnetIds].sort().join() &&
      (existing.SecurityGroups ?? []).slice().sort().join() === (groups ?? []).slice().sort().join()
    if (same) return { LoadBalancers: [existing] }
    throw new AwsError('DuplicateLoadBalancerName', `A load balancer with the same name '${name}' exists, but with different settings`)
  }

  const { region, accountId } = world
  const hex = elbHex(ctx.rng)
  const kind = type === 'application' ? 'app' : 'net'
  const lbArn = arn({ service: 'elasticloadbalancing', region, accountId, resource: `loadbalancer/${kind}/${name}/${hex}` })
  const prefix = scheme === 'internal' ? 'internal-' : ''
  const dnsName =
    type === 'application'
      ? `${prefix}${name}-${ctx.rng.int(100_000_000, 2_147_483_647)}.${region}.elb.amazonaws.com`
      : `${prefix}${name}-${ctx.rng.hex(16)}.elb.${region}.amazonaws.com`
  const lb: LoadBalancer = {
    LoadBalancerArn: lbArn,
    DNSName: dnsName,
    CanonicalHostedZoneId: (HOSTED_ZONES[region] ?? HOSTED_ZONES['us-east-1'])[type],
    CreatedTime: ctx.now(),
    LoadBalancerName: name,
    Scheme: scheme,
    VpcId: vpcId,
    State: { Code: INITIAL_LOAD_BALANCER_STATE },
    Type: type,
    AvailabilityZones: subnets.map((s) => ({ ZoneName: s.AvailabilityZone, SubnetId: s.SubnetId, LoadBalancerAddresses: [] })),
    SecurityGroups: groups,
    IpAddressType: ipAddressType,
  }
  const nodes = subnets.map(
    (s) =>
      createNetworkInterface(ctx, {
        subnetId: s.SubnetId,
        groupIds: groups ?? [],
        description: `ELB ${kind}/${name}/${hex}`,
        interfaceType: type === 'application' ? 'interface' : 'network_load_balancer',
        requesterId: 'amazon-elb',
        assignPublicIp: scheme === 'internet-facing',
      }).NetworkInterfaceId,
  )
  world.elbv2.loadBalancers[lbArn] = lb
  world.elbv2.loadBalancerNodes[lbArn] = nodes
  world.elbv2.loadBalancerAttributes[lbArn] = defaultAttributes(type)
  if (input.Tags?.length) world.elbv2.tags[lbArn] = input.Tags.map((t) => ({ ...t }))
  ctx.scheduler.schedule(ctx.now() + ELBV2_TIMINGS.loadBalancerActiveMs[type], 'elbv2.loadBalancer.step', { loadBalancerArn: lbArn, event: 'ACTIVE' })
  ctx.log(lbArn, { kind: 'resource.created', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', detail: `${type} load balancer ${name}, ${scheme}, in ${[...zones].join(', ')}; State provisioning` })
  return { LoadBalancers: [lb] }
})

/** Sends a scheduled event to the load balancer's lifecycle machine. */
export const loadBalancerStep: TimerHandler = (ctx, payload) => {
  const lb = ctx.world.elbv2.loadBalancers[String(payload.loadBalancerArn)]
  if (!lb) return
  const next = step(loadBalancerMachine, lb.State.Code, { type: String(payload.event) })
  if (next === undefined || next === lb.State.Code) return
  ctx.log(lb.LoadBalancerArn, { kind: 'resource.status', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', attribute: 'State', from: lb.State.Code, to: next })
  lb.State = { Code: next }
}

interface DescribeLoadBalancersRequest {
  LoadBalancerArns?: string[]
  Names?: string[]
}

export const describeLoadBalancers = handler((ctx, input: DescribeLoadBalancersRequest) => {
  const all = Object.values(ctx.world.elbv2.loadBalancers)
  if (input.LoadBalancerArns?.length && input.Names?.length) throw validation('Load balancer names and load balancer ARNs cannot be specified at the same time')
  if (input.LoadBalancerArns?.length) {
    const found = input.LoadBalancerArns.map((a) => ownEntry(ctx.world.elbv2.loadBalancers, a))
    if (found.some((lb) => !lb)) throw loadBalancerNotFound()
    return { LoadBalancers: found }
  }
  if (input.Names?.length) {
    const missing = input.Names.filter((n) => !all.some((lb) => lb.LoadBalancerName === n))
    // Real wording, seen in Terraform issue hashicorp/terraform-provider-aws#10669.
    if (missing.length) throw new AwsError('LoadBalancerNotFound', `Load balancers '[${missing.join(', ')}]' not found`)
    return { LoadBalancers: input.Names.map((n) => all.find((lb) => lb.LoadBalancerName === n)) }
  }
  return { LoadBalancers: all }
})

/**
 * DeleteLoadBalancer also deletes its listeners and rules and releases its node ENIs; the target groups and their
 * targets stay. Refused while deletion protection is on. A load balancer that does not exist is not an error
 * (ELBv2 API Reference, DeleteLoadBalancer: "If the load balancer does not exist or has already been deleted, the
 * call succeeds").
 */
export const deleteLoadBalancer = handler((ctx, input: { LoadBalancerArn: string }) => {
  const { elbv2 } = ctx.world
  const lb = ownEntry(elbv2.loadBalancers, input.LoadBalancerArn)
  if (!lb) {
    if (!/^arn:aws:elasticloadbalancing:/.test(input.LoadBalancerArn ?? '')) throw validation(`'${input.LoadBalancerArn}' is not a valid load balancer ARN`)
    return {}
  }
  if (attributeValue(elbv2.loadBalancerAttributes[lb.LoadBalancerArn], 'deletion_protection.enabled') === 'true')
    throw new AwsError('OperationNotPermitted', `Load balancer '${lb.LoadBalancerArn}' cannot be deleted because deletion protection is enabled`)
  for (const listener of Object.values(elbv2.listeners)) if (listener.LoadBalancerArn === lb.LoadBalancerArn) deleteListenerAndRules(ctx, listener.ListenerArn)
  for (const eni of elbv2.loadBalancerNodes[lb.LoadBalancerArn] ?? []) deleteNetworkInterface(ctx, eni)
  delete elbv2.loadBalancers[lb.LoadBalancerArn]
  delete elbv2.loadBalancerNodes[lb.LoadBalancerArn]
  delete elbv2.loadBalancerAttributes[lb.LoadBalancerArn]
  delete elbv2.tags[lb.LoadBalancerArn]
  ctx.scheduler.cancel((e) => e.kind === 'elbv2.loadBalancer.step' && e.payload.loadBalancerArn === lb.LoadBalancerArn)
  ctx.log(lb.LoadBalancerArn, { kind: 'resource.deleted', type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' })
  return {}
})

export const attributeValue = (attributes: Attribute[] | undefined, key: string): string | undefined => attributes?.find((a) => a.Key === key)?.Value

export const describeLoadBalancerAttributes = handler((ctx, input: { LoadBalancerArn: string }) => {
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn)
  return { Attributes: ctx.world.elbv2.loadBalancerAttributes[lb.LoadBalancerArn] ?? [] }
})

export const modifyLoadBalancerAttributes = handler((ctx, input: { LoadBalancerArn: string; Attributes: Attribute[] }) => {
  const lb = getLoadBalancer(ctx, input.LoadBalancerArn)
  const attributes = ctx.world.elbv2.loadBalancerAttributes[lb.LoadBalancerArn]
  mergeAttributes(attributes, input.Attributes ?? [], 'load balancer')
  return { Attributes: attributes }
})

/** Sets each attribute; an unknown key is refused as ELBv2 does ("Load balancer attribute key 'x' is not recognized"). */
export function mergeAttributes(attributes: Attribute[], changes: Attribute[], what: 'load balancer' | 'target group'): void {
  for (const change of changes) {
    const current = attributes.find((a) => a.Key === change.Key)
    if (!current) throw validation(`${what === 'load balancer' ? 'Load balancer' : 'Target group'} attribute key '${change.Key}' is not recognized`)
  }
  for (const change of changes) {
    const current = attributes.find((a) => a.Key === change.Key)
    if (current) current.Value = String(change.Value)
  }
}
