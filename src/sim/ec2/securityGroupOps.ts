import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { isCidrBlock } from './cidr.ts'
import { newSecurityGroup } from './securityGroups.ts'
import { defaultVpcId } from './vpcs.ts'
import { peersOf, ruleOf, type Peer } from './securityGroupRules.ts'
import type { IpPermission, SecurityGroup, Tag } from './state.ts'

/**
 * Security groups the learner makes and changes: the lever for "a rule that blocks, and its fix". Error codes and
 * messages as the EC2 API answers them (EC2 API Reference, "Error codes"; messages as seen in CLI output).
 */
type PermissionInput = {
  IpProtocol?: string
  FromPort?: number
  ToPort?: number
  IpRanges?: { CidrIp?: string; Description?: string }[]
  UserIdGroupPairs?: { GroupId?: string; GroupName?: string; UserId?: string; Description?: string }[]
}

interface RuleRequest {
  GroupId?: string
  GroupName?: string
  IpPermissions?: PermissionInput[]
  IpProtocol?: string
  FromPort?: number
  ToPort?: number
  CidrIp?: string
  SourceSecurityGroupName?: string
}

/** A group ID that is not `sg-…` is refused before any lookup. */
export function checkGroupIdFormat(id: string): void {
  if (!id.startsWith('sg-')) throw new AwsError('InvalidGroupId.Malformed', `Invalid id: "${id}" (expecting "sg-...")`)
}

/** A name that is not found, as EC2 words it: names are looked up in the default VPC only. */
export const groupNameNotFound = (name: string, vpcId: string) =>
  new AwsError('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId}'`)

function findGroup(ctx: SimContext, input: { GroupId?: string; GroupName?: string }): SecurityGroup {
  const { securityGroups } = ctx.world.ec2
  if (input.GroupId) {
    checkGroupIdFormat(input.GroupId)
    const group = ownEntry(securityGroups, input.GroupId)
    if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${input.GroupId}' does not exist`)
    return group
  }
  if (!input.GroupName) throw new AwsError('MissingParameter', 'The request must contain the parameter groupName or groupId')
  const defaultVpc = defaultVpcId(ctx.world.ec2) ?? ''
  const group = Object.values(securityGroups).find((g) => g.GroupName === input.GroupName && g.VpcId === defaultVpc)
  if (!group) throw groupNameNotFound(input.GroupName, defaultVpc)
  return group
}

const protocolWord = (p: string) => (p === '-1' ? 'ALL' : p.toUpperCase())

/** The permissions a request names, in the stored shape: either `IpPermissions` or the flat legacy members. */
function requestedPermissions(ctx: SimContext, input: RuleRequest): IpPermission[] {
  const list: PermissionInput[] = input.IpPermissions?.length
    ? input.IpPermissions
    : [{
        IpProtocol: input.IpProtocol,
        FromPort: input.FromPort,
        ToPort: input.ToPort,
        IpRanges: input.CidrIp ? [{ CidrIp: input.CidrIp }] : [],
        UserIdGroupPairs: input.SourceSecurityGroupName ? [{ GroupName: input.SourceSecurityGroupName }] : [],
      }]
  return list.map((p) => {
    const protocol = String(p.IpProtocol ?? '').toLowerCase()
    if (!['tcp', 'udp', 'icmp', '-1', 'all'].includes(protocol))
      throw new AwsError('InvalidParameterValue', `Invalid value '${p.IpProtocol ?? ''}' for IP protocol. Unknown protocol.`)
    const ipProtocol = protocol === 'all' ? '-1' : protocol
    const ports = ipProtocol === '-1' ? {} : { FromPort: p.FromPort ?? -1, ToPort: p.ToPort ?? -1 }
    if (ipProtocol === 'tcp' || ipProtocol === 'udp') {
      if (p.FromPort === undefined || p.ToPort === undefined) throw new AwsError('InvalidParameterValue', `Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.`)
    }
    const pairs = (p.UserIdGroupPairs ?? []).map((pair) => {
      const source = findGroup(ctx, { GroupId: pair.GroupId, GroupName: pair.GroupName })
      return { UserId: ctx.world.accountId, GroupId: source.GroupId, ...(pair.Description ? { Description: pair.Description } : {}) }
    })
    const ranges = (p.IpRanges ?? []).map((r) => {
      if (!r.CidrIp || !isCidrBlock(r.CidrIp)) throw new AwsError('InvalidParameterValue', `CIDR block ${r.CidrIp ?? ''} is malformed`)
      return { CidrIp: r.CidrIp, ...(r.Description ? { Description: r.Description } : {}) }
    })
    return { IpProtocol: ipProtocol, ...ports, UserIdGroupPairs: pairs, IpRanges: ranges, Ipv6Ranges: [], PrefixListIds: [] }
  })
}

const samePorts = (a: IpPermission, b: IpPermission) => a.IpProtocol === b.IpProtocol && a.FromPort === b.FromPort && a.ToPort === b.ToPort

/** Each (peer, protocol, ports) of a permission on its own: how EC2 compares and reports rules. */
const peers = peersOf

function describeRule(p: IpPermission, peer: Peer): string {
  const ports = p.IpProtocol === '-1' ? '' : `, from port: ${p.FromPort}, to port: ${p.ToPort}`
  return `peer: ${peer.cidr ?? peer.group}, ${protocolWord(p.IpProtocol)}${ports}, ALLOW`
}

function hasPeer(existing: IpPermission[], p: IpPermission, peer: Peer): boolean {
  return existing.some((e) => samePorts(e, p) && (peer.cidr ? e.IpRanges.some((r) => r.CidrIp === peer.cidr) : e.UserIdGroupPairs.some((g) => g.GroupId === peer.group)))
}

export const createSecurityGroup = handler((ctx, input: { GroupName: string; Description: string; VpcId?: string; TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[] }) => {
  const { ec2, accountId, region } = ctx.world
  const vpcId = input.VpcId ?? defaultVpcId(ec2)
  if (!vpcId || !ownEntry(ec2.vpcs, vpcId)) throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${input.VpcId ?? ''}' does not exist`)
  if (input.GroupName.startsWith('sg-')) throw new AwsError('InvalidParameterValue', "Group names may not be in the format sg-*")
  if (Object.values(ec2.securityGroups).some((g) => g.VpcId === vpcId && g.GroupName === input.GroupName))
    throw new AwsError('InvalidGroup.Duplicate', `The security group '${input.GroupName}' already exists for VPC '${vpcId}'`)
  const group = newSecurityGroup(ctx.rng, { accountId, region, vpcId, name: input.GroupName, description: input.Description, ingress: () => [] })
  group.Tags = (input.TagSpecifications ?? []).filter((t) => t.ResourceType === 'security-group').flatMap((t) => t.Tags ?? [])
  ec2.securityGroups[group.GroupId] = group
  ctx.log(group.GroupId, { kind: 'resource.created', type: 'AWS::EC2::SecurityGroup', detail: `security group ${input.GroupName} in ${vpcId}: no inbound rules, all outbound allowed` })
  return { GroupId: group.GroupId, Tags: group.Tags.length ? group.Tags : undefined, SecurityGroupArn: group.SecurityGroupArn }
})

export const deleteSecurityGroup = handler((ctx, input: { GroupId?: string; GroupName?: string }) => {
  const { ec2 } = ctx.world
  const group = findGroup(ctx, input)
  if (group.GroupName === 'default')
    throw new AwsError('CannotDelete', `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`)
  const inUse = Object.values(ec2.networkInterfaces).some((n) => n.Groups.some((g) => g.GroupId === group.GroupId))
  const referenced = Object.values(ec2.securityGroups).some((g) => g !== group && g.IpPermissions.some((p) => p.UserIdGroupPairs.some((u) => u.GroupId === group.GroupId)))
  if (inUse || referenced) throw new AwsError('DependencyViolation', `resource ${group.GroupId} has a dependent object`)
  delete ec2.securityGroups[group.GroupId]
  ctx.log(group.GroupId, { kind: 'resource.deleted', type: 'AWS::EC2::SecurityGroup' })
  return {}
})

type Direction = 'IpPermissions' | 'IpPermissionsEgress'

/**
 * Authorize for either direction: every requested (peer, protocol, ports) must be new (else InvalidPermission.Duplicate,
 * nothing added); each becomes a rule with its `sgr-…` ID (securityGroupRules.ts).
 */
function authorize(ctx: SimContext, input: RuleRequest, direction: Direction) {
  const group = findGroup(ctx, input)
  const wanted = requestedPermissions(ctx, input)
  const list = group[direction]
  for (const p of wanted)
    for (const peer of peers(p))
      if (hasPeer(list, p, peer))
        throw new AwsError('InvalidPermission.Duplicate', `the specified rule "${describeRule(p, peer)}" already exists`)
  const rules = []
  // A permission naming no peer (`--protocol tcp --port 80` alone) allows nothing, so nothing is stored.
  for (const p of wanted.filter((w) => peers(w).length)) {
    const existing = list.find((e) => samePorts(e, p))
    if (existing) {
      existing.IpRanges.push(...p.IpRanges)
      existing.UserIdGroupPairs.push(...p.UserIdGroupPairs)
    } else list.push(p)
    for (const peer of peers(p)) {
      rules.push(ruleOf(group, direction === 'IpPermissionsEgress', p, peer, ctx.world.region))
      ctx.log(group.GroupId, { kind: 'securityGroup.rule', action: 'added', rule: `${direction === 'IpPermissionsEgress' ? 'outbound ' : ''}${describeRule(p, peer)}` })
    }
  }
  return { Return: true, SecurityGroupRules: rules.map(({ SecurityGroupRuleArn: _arn, Tags: _tags, ...rule }) => rule) }
}

/** Revoke for either direction: rules that do not exist come back in UnknownIpPermissions; none at all is an error. */
function revoke(ctx: SimContext, input: RuleRequest, direction: Direction) {
  const group = findGroup(ctx, input)
  const wanted = requestedPermissions(ctx, input)
  // A permission naming no peer matches no rule.
  const unknown = wanted.filter((p) => !peers(p).length || peers(p).some((peer) => !hasPeer(group[direction], p, peer)))
  if (unknown.length === wanted.length) throw new AwsError('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.')
  const revoked = []
  for (const p of wanted) {
    if (unknown.includes(p)) continue
    const existing = group[direction].find((e) => samePorts(e, p)) as IpPermission
    for (const peer of peers(p)) {
      const rule = ruleOf(group, direction === 'IpPermissionsEgress', existing, peer, ctx.world.region)
      revoked.push({
        SecurityGroupRuleId: rule.SecurityGroupRuleId, GroupId: rule.GroupId, IsEgress: rule.IsEgress, IpProtocol: rule.IpProtocol, FromPort: rule.FromPort, ToPort: rule.ToPort,
        ...(peer.cidr ? { CidrIpv4: peer.cidr } : { ReferencedGroupId: peer.group }),
      })
      existing.IpRanges = existing.IpRanges.filter((r) => r.CidrIp !== peer.cidr)
      existing.UserIdGroupPairs = existing.UserIdGroupPairs.filter((g) => g.GroupId !== peer.group)
      ctx.log(group.GroupId, { kind: 'securityGroup.rule', action: 'removed', rule: `${direction === 'IpPermissionsEgress' ? 'outbound ' : ''}${describeRule(p, peer)}` })
    }
    if (!existing.IpRanges.length && !existing.UserIdGroupPairs.length) group[direction] = group[direction].filter((e) => e !== existing)
  }
  return { Return: true, UnknownIpPermissions: unknown.length ? unknown : undefined, RevokedSecurityGroupRules: revoked }
}

export const authorizeSecurityGroupIngress = handler((ctx, input: RuleRequest) => authorize(ctx, input, 'IpPermissions'))
export const revokeSecurityGroupIngress = handler((ctx, input: RuleRequest) => revoke(ctx, input, 'IpPermissions'))
/** Egress rules name a group by ID only (AuthorizeSecurityGroupEgress has no GroupName). */
export const authorizeSecurityGroupEgress = handler((ctx, input: RuleRequest) => authorize(ctx, { ...input, GroupName: undefined }, 'IpPermissionsEgress'))
export const revokeSecurityGroupEgress = handler((ctx, input: RuleRequest) => revoke(ctx, { ...input, GroupName: undefined }, 'IpPermissionsEgress'))
