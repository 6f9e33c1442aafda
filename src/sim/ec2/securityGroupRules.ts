import { AwsError } from '../core/index.ts'
import { handler } from '../context.ts'
import { applyFilters, type Filter } from './filters.ts'
import type { IpPermission, SecurityGroup } from './state.ts'

/**
 * Security group rules one by one, as DescribeSecurityGroupRules and the Authorize/Revoke answers list them: one rule
 * per (direction, protocol, ports, peer), each with its `sgr-…` ID (EC2 User Guide, "Security group rules").
 * A rule's ID is derived from what the rule is, so the ID authorize answers with is the one describe shows, and the
 * world needs no table of IDs beside its `IpPermissions` (same rule, same ID; a rule revoked and added again gets
 * its old ID back, where AWS would mint a new one).
 */
export interface SecurityGroupRule {
  SecurityGroupRuleId: string
  GroupId: string
  GroupOwnerId: string
  IsEgress: boolean
  IpProtocol: string
  FromPort: number
  ToPort: number
  CidrIpv4?: string
  ReferencedGroupInfo?: { GroupId: string; UserId: string }
  Description?: string
  Tags: []
  SecurityGroupRuleArn: string
}

/** One peer of a permission: a CIDR range or a group. */
export interface Peer {
  cidr?: string
  group?: string
  description?: string
}

export function peersOf(p: IpPermission): Peer[] {
  return [
    ...p.IpRanges.map((r) => ({ cidr: r.CidrIp, description: r.Description })),
    ...p.UserIdGroupPairs.map((g) => ({ group: g.GroupId, description: g.Description })),
  ]
}

/** FNV-1a over the rule's identity, as 17 hex digits (the length of EC2's long IDs). */
function ruleHash(text: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < text.length; i++) {
    h1 = Math.imul(h1 ^ text.charCodeAt(i), 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ text.charCodeAt(i), 0x811c9dc5) >>> 0
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).padStart(17, '0')
}

export function ruleOf(group: SecurityGroup, isEgress: boolean, p: IpPermission, peer: Peer, region: string): SecurityGroupRule {
  const id = `sgr-${ruleHash([group.GroupId, isEgress ? 'egress' : 'ingress', p.IpProtocol, p.FromPort ?? -1, p.ToPort ?? -1, peer.cidr ?? peer.group].join('|'))}`
  return {
    SecurityGroupRuleId: id,
    GroupId: group.GroupId,
    GroupOwnerId: group.OwnerId,
    IsEgress: isEgress,
    IpProtocol: p.IpProtocol,
    FromPort: p.FromPort ?? -1,
    ToPort: p.ToPort ?? -1,
    ...(peer.cidr ? { CidrIpv4: peer.cidr } : { ReferencedGroupInfo: { GroupId: peer.group ?? '', UserId: group.OwnerId } }),
    ...(peer.description ? { Description: peer.description } : {}),
    Tags: [],
    SecurityGroupRuleArn: `arn:aws:ec2:${region}:${group.OwnerId}:security-group-rule/${id}`,
  }
}

/** Every rule of a group: inbound first, then outbound, in the order of its permissions. */
export function rulesOfGroup(group: SecurityGroup, region: string): SecurityGroupRule[] {
  const out: SecurityGroupRule[] = []
  for (const [isEgress, list] of [[false, group.IpPermissions], [true, group.IpPermissionsEgress]] as const)
    for (const p of list) for (const peer of peersOf(p)) out.push(ruleOf(group, isEgress, p, peer, region))
  return out
}

/** DescribeSecurityGroupRules: by rule IDs or filters (`group-id`, `security-group-rule-id`). */
export const describeSecurityGroupRules = handler((ctx, input: { SecurityGroupRuleIds?: string[]; Filters?: Filter[] }) => {
  const { world } = ctx
  const all = Object.values(world.ec2.securityGroups).flatMap((g) => rulesOfGroup(g, world.region))
  const ids = input.SecurityGroupRuleIds
  const missing = (ids ?? []).find((id) => !all.some((r) => r.SecurityGroupRuleId === id))
  if (missing) throw new AwsError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${missing}' does not exist`)
  const picked = ids?.length ? all.filter((r) => ids.includes(r.SecurityGroupRuleId)) : all
  return {
    SecurityGroupRules: applyFilters(picked, input.Filters, {
      'group-id': (r) => r.GroupId,
      'security-group-rule-id': (r) => r.SecurityGroupRuleId,
    }),
  }
})
