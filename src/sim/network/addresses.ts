import { DerivedCache, unproxied, worldVersion } from '../core/index.ts'
import type { NetworkInterface } from '../ec2/state.ts'
import type { World } from '../world.ts'

/**
 * Where the learner's packets come from: CloudShell's public address, outside every VPC. Documentation range
 * TEST-NET-3 (RFC 5737), so it can never be mistaken for a real host. Security groups must allow it (0.0.0.0/0 or
 * a range containing it) for the learner to reach a load balancer or a task's public IP.
 */
export const LEARNER_IP = '203.0.113.25'

interface Index {
  /**
   * `worldVersion` when built: every ENI change is logged, so an unchanged world means an unchanged set. Never a count
   * of ENIs: a stopped task's ENI deleted and a new task's created leave the count as it was, and a miss trusted on
   * that would make the live world answer differently from the same world resumed from its snapshot.
   */
  version: number
  /** Address → ENI id (ids, not objects: a handler must get the ENI through its own view of the world). */
  byPrivate: Map<string, string>
  byPublic: Map<string, string>
}

/**
 * ENIs by address. A pure cache over `world.ec2.networkInterfaces` (keyed by that object, checked on every hit and
 * rebuilt on a miss once the world has changed), so a health-check round over 1,000 targets does not scan every ENI per target.
 */
const indexes = new DerivedCache<object, Index>()

function build(enis: Record<string, NetworkInterface>, version: number): Index {
  const index: Index = { version, byPrivate: new Map(), byPublic: new Map() }
  for (const eni of Object.values(enis)) {
    index.byPrivate.set(eni.PrivateIpAddress, eni.NetworkInterfaceId)
    if (eni.PublicIp) index.byPublic.set(eni.PublicIp, eni.NetworkInterfaceId)
  }
  indexes.set(unproxied(enis), index)
  return index
}

export function interfaceByIp(world: World, ip: string, which: 'private' | 'public'): NetworkInterface | undefined {
  const enis = world.ec2.networkInterfaces
  const address = (eni: NetworkInterface) => (which === 'private' ? eni.PrivateIpAddress : eni.PublicIp)
  let index = indexes.get(unproxied(enis))
  if (index) {
    const id = (which === 'private' ? index.byPrivate : index.byPublic).get(ip)
    const hit = id === undefined ? undefined : enis[id]
    if (hit && address(hit) === ip) return hit
    if (id === undefined && index.version === worldVersion(world.log)) return undefined
  }
  index = build(enis, worldVersion(world.log))
  const id = (which === 'private' ? index.byPrivate : index.byPublic).get(ip)
  return id === undefined ? undefined : enis[id]
}
