import { impairedSince } from '../ec2/statusChecks.ts'
import type { World } from '../world.ts'

/**
 * The EC2 health check of a group's member (EC2 Auto Scaling User Guide, "Health checks for instances in an Auto
 * Scaling group"): unhealthy when its instance is in any state other than running (pending is on its way), or when
 * its system status check is impaired (ec2/statusChecks.ts). What it saw, for the log line; undefined while healthy.
 */
export function failedEc2HealthCheck(world: Readonly<World>, instanceId: string, state: string): string | undefined {
  if (state !== 'pending' && state !== 'running') return `instance ${state}`
  if (state === 'running' && impairedSince(world, instanceId) !== undefined) return 'system status check impaired'
  return undefined
}
