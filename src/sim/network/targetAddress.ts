import type { World } from '../world.ts'

/**
 * Where a load balancer sends a registered target's packets. An `ip` target is its own address; an `instance` target
 * (`i-…`) is the instance's primary private IPv4 address, and the request keeps the registered port, so a bridge
 * task's dynamic host port on that instance is what answers (ALB User Guide, "Target type"; ECS Developer Guide,
 * "Use a load balancer": "the instance ID and port combination"). A stopped or terminated instance has no address.
 */
export function targetAddress(world: Readonly<World>, id: string): string | undefined {
  if (!id.startsWith('i-')) return id
  const instance = world.ec2.instances[id]
  return instance?.State.Name === 'running' ? instance.PrivateIpAddress : undefined
}

/** The target as the learner reads it on a hop: `i-0abc (10.0.1.5):32768` or `10.0.1.7:8080`. */
export function targetLabel(world: Readonly<World>, id: string, port: number): string {
  const address = id.startsWith('i-') ? targetAddress(world, id) : undefined
  return address ? `${id} (${address}):${port}` : `${id}:${port}`
}
