import type { SimContext } from '../context.ts'
import { impairInstance } from '../ec2/statusChecks.ts'
import { DrillError } from './state.ts'

/**
 * An EC2 instance's host fails: its system and instance status checks go `impaired` (ec2/statusChecks.ts:
 * describe-instance-status shows it). In an Auto Scaling group the EC2 health check marks it Unhealthy and the group
 * replaces it (with a capacity provider's managed draining, ECS moves its tasks first); on its own it stays impaired
 * until you stop and start it, which moves it to healthy hardware. State lives in EC2's own data, not the drills slice:
 * describe-instance-status is the API that reports it.
 */
export function impairInstanceDrill(ctx: SimContext, instanceId: string): string {
  const instance = ctx.world.ec2.instances[instanceId]
  if (!instance) throw new DrillError(`no instance ${instanceId}`)
  if (instance.State.Name !== 'running') throw new DrillError(`instance ${instanceId} is ${instance.State.Name}: only a running instance can be impaired`)
  if (!impairInstance(ctx, instanceId)) throw new DrillError(`instance ${instanceId} is already impaired`)
  return `${instanceId} is impaired: its status checks fail (aws ec2 describe-instance-status); an Auto Scaling group replaces it, a stop and start repairs it`
}
