import type { SimContext } from '../context.ts'
import type { World } from '../world.ts'

/**
 * EC2 status checks. In the sandbox they pass as soon as an instance runs, unless a drill (`drill impair-instance`)
 * fails its system status check, as a loss of network connectivity or of power on the host would (EC2 User Guide,
 * "Status checks for Amazon EC2 instances": a system status check failure needs AWS to repair the host, or you to
 * stop and start the instance, which moves it to another one). The instance status check fails with it: the
 * instance cannot be reached either. An Auto Scaling group's EC2 health check counts an impaired system status as
 * unhealthy and replaces the instance (EC2 Auto Scaling User Guide, "Health checks for instances in an Auto Scaling
 * group").
 */

/** When the instance's system status check started failing, while it does. */
export const impairedSince = (world: Readonly<World>, instanceId: string): number | undefined => world.ec2.instanceData[instanceId]?.impairedSince

/** Fails the instance's status checks from now on (a running instance only); false when it cannot be impaired. */
export function impairInstance(ctx: SimContext, instanceId: string): boolean {
  const instance = ctx.world.ec2.instances[instanceId]
  const data = ctx.world.ec2.instanceData[instanceId]
  if (instance?.State.Name !== 'running' || !data || data.impairedSince !== undefined) return false
  data.impairedSince = ctx.now()
  ctx.log(instanceId, { kind: 'resource.modified', type: 'AWS::EC2::Instance', detail: 'system status check failed: the instance is impaired (reachability)' })
  return true
}
