import { parseCidr } from '../ec2/cidr.ts'
import type { IpPermission } from '../ec2/state.ts'
import type { World } from '../world.ts'

/**
 * Security group evaluation for one TCP connection (EC2 User Guide, "Security group rules"): a group allows a
 * packet when any of its rules matches the protocol and port and names the peer by CIDR or by security group.
 * Groups are stateful, so replies need no rule. Anything not allowed is dropped silently (the client times out).
 */
const ranges = new Map<string, { base: number; size: number }>()
const ipInts = new Map<string, number>()

/** cidrContains with both sides memoised: health checks evaluate the same few rules and addresses over and over. */
export function inCidr(cidr: string, ip: string): boolean {
  let range = ranges.get(cidr)
  if (!range) ranges.set(cidr, (range = parseCidr(cidr)))
  let n = ipInts.get(ip)
  if (n === undefined) {
    const [a, b, c, d] = ip.split('.').map(Number)
    n = ((a * 256 + b) * 256 + c) * 256 + d
    if (ipInts.size > 100_000) ipInts.clear()
    ipInts.set(ip, n)
  }
  return n >= range.base && n < range.base + range.size
}

const portMatches = (p: IpPermission, port: number): boolean =>
  p.IpProtocol === '-1' || ((p.IpProtocol === 'tcp' || p.IpProtocol === '6') && port >= (p.FromPort ?? 0) && port <= (p.ToPort ?? 65535))

const peerMatches = (p: IpPermission, ip: string, groups: readonly string[]): boolean =>
  p.IpRanges.some((r) => inCidr(r.CidrIp, ip)) || p.UserIdGroupPairs.some((g) => groups.includes(g.GroupId))

/** Whether `groupIds` let TCP `port` in from `fromIp` (a member of `fromGroups`). */
export function allowsIngress(world: World, groupIds: readonly string[], port: number, fromIp: string, fromGroups: readonly string[]): boolean {
  return groupIds.some((id) => world.ec2.securityGroups[id]?.IpPermissions.some((p) => portMatches(p, port) && peerMatches(p, fromIp, fromGroups)))
}

/** Whether `groupIds` let TCP `port` out to `toIp` (a member of `toGroups`). */
export function allowsEgress(world: World, groupIds: readonly string[], port: number, toIp: string, toGroups: readonly string[]): boolean {
  return groupIds.some((id) => world.ec2.securityGroups[id]?.IpPermissionsEgress.some((p) => portMatches(p, port) && peerMatches(p, toIp, toGroups)))
}
