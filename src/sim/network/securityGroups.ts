import { cidrContains } from '../ec2/cidr.ts'
import type { IpPermission } from '../ec2/state.ts'
import type { World } from '../world.ts'

/**
 * Security group evaluation for one TCP connection (EC2 User Guide, "Security group rules"): a group allows a
 * packet when any of its rules matches the protocol and port and names the peer by CIDR or by security group.
 * Groups are stateful, so replies need no rule. Anything not allowed is dropped silently (the client times out).
 */
const portMatches = (p: IpPermission, port: number): boolean =>
  p.IpProtocol === '-1' || ((p.IpProtocol === 'tcp' || p.IpProtocol === '6') && port >= (p.FromPort ?? 0) && port <= (p.ToPort ?? 65535))

const peerMatches = (p: IpPermission, ip: string, groups: readonly string[]): boolean =>
  p.IpRanges.some((r) => cidrContains(r.CidrIp, ip)) || p.UserIdGroupPairs.some((g) => groups.includes(g.GroupId))

/** Whether `groupIds` let TCP `port` in from `fromIp` (a member of `fromGroups`). */
export function allowsIngress(world: World, groupIds: readonly string[], port: number, fromIp: string, fromGroups: readonly string[]): boolean {
  return groupIds.some((id) => world.ec2.securityGroups[id]?.IpPermissions.some((p) => portMatches(p, port) && peerMatches(p, fromIp, fromGroups)))
}

/** Whether `groupIds` let TCP `port` out to `toIp` (a member of `toGroups`). */
export function allowsEgress(world: World, groupIds: readonly string[], port: number, toIp: string, toGroups: readonly string[]): boolean {
  return groupIds.some((id) => world.ec2.securityGroups[id]?.IpPermissionsEgress.some((p) => portMatches(p, port) && peerMatches(p, toIp, toGroups)))
}

/** Which rule let a connection through, as the learner reads it on a hop: the group, the peer it names, the ports. */
export interface AllowingRule {
  groupId: string
  /** `0.0.0.0/0` or the source (destination) group `sg-…`. */
  peer: string
  /** `TCP 80`, `TCP 32768-65535` or `all traffic`. */
  ports: string
}

function firstRule(world: World, groupIds: readonly string[], which: 'IpPermissions' | 'IpPermissionsEgress', port: number, ip: string, groups: readonly string[]): AllowingRule | undefined {
  for (const id of groupIds) {
    for (const p of world.ec2.securityGroups[id]?.[which] ?? []) {
      if (!portMatches(p, port)) continue
      const range = p.IpRanges.find((r) => cidrContains(r.CidrIp, ip))
      const pair = range ? undefined : p.UserIdGroupPairs.find((g) => groups.includes(g.GroupId))
      if (!range && !pair) continue
      const ports = p.IpProtocol === '-1' ? 'all traffic' : p.FromPort === p.ToPort ? `TCP ${p.FromPort}` : `TCP ${p.FromPort}-${p.ToPort}`
      return { groupId: id, peer: range ? range.CidrIp : (pair?.GroupId ?? ''), ports }
    }
  }
  return undefined
}

/** The inbound rule of `groupIds` that lets TCP `port` in from `fromIp` (in `fromGroups`), if any: `allowsIngress`, naming the rule. */
export const ingressRule = (world: World, groupIds: readonly string[], port: number, fromIp: string, fromGroups: readonly string[]): AllowingRule | undefined =>
  firstRule(world, groupIds, 'IpPermissions', port, fromIp, fromGroups)

/** The outbound rule of `groupIds` that lets TCP `port` out to `toIp` (in `toGroups`), if any. */
export const egressRule = (world: World, groupIds: readonly string[], port: number, toIp: string, toGroups: readonly string[]): AllowingRule | undefined =>
  firstRule(world, groupIds, 'IpPermissionsEgress', port, toIp, toGroups)
