import { Rng } from '../../../src/sim/core/index.ts'
import { defaultWorld } from '../../../src/sim/scenario/defaultWorld.ts'
import type { World } from '../../../src/sim/world.ts'
import type { Subnet } from '../../../src/sim/ec2/state.ts'

/** The real starting world, as the sandbox builds it. */
export const startingWorld = (): World => defaultWorld(Rng.fromSeed(1), { accountId: '123456789012', region: 'us-east-1', createdAt: 0 })

/** A copy of the world with one more subnet, shaped like an existing one. */
export function withSubnet(world: World, subnetId: string, az: string, cidr: string): World {
  const next = structuredClone(world)
  const template = Object.values(next.ec2.subnets)[0]
  const subnet: Subnet = { ...template, SubnetId: subnetId, AvailabilityZone: az, CidrBlock: cidr, DefaultForAz: false }
  next.ec2.subnets[subnetId] = subnet
  return next
}
