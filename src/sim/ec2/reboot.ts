import { AwsError } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import type { World } from '../world.ts'
import { instancesById } from './describeInstances.ts'
import { INSTANCE_TIMINGS } from './instance.machine.ts'
import { tellHostOf } from './instance.ts'

/**
 * RebootInstances restarts the operating system; the instance keeps its State `running`, its addresses and its
 * volumes throughout (EC2 User Guide, "Reboot your instance"; EC2 API Reference, RebootInstances: "Requests to reboot
 * terminated instances are ignored"). What ran on it does not survive: its processes, and so its containers and the
 * ECS agent, stop, and the agent starts again once the OS is up (../ecs/agent.ts hears of both ends through the same
 * host timer a stop or a start uses). The State is not the machine's business here: a reboot is no state change.
 *
 * A reboot takes as long as a boot in the sandbox (INSTANCE_TIMINGS.pendingMs: observation, not documentation).
 * A reboot asked for while one is under way changes nothing; a stop or a termination ends it (instance.ts).
 */
export const REBOOT_MS = INSTANCE_TIMINGS.pendingMs

/** Whether the instance's OS is restarting after RebootInstances (its State still reads `running`). */
export const isRebooting = (world: World, instanceId: string): boolean => world.ec2.instanceData[instanceId]?.rebootingUntil !== undefined

export const rebootInstances = handler((ctx, input: { InstanceIds: string[] }) => {
  if (!input.InstanceIds?.length) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceIds')
  const instances = instancesById(ctx, input.InstanceIds)
  // Wording as the other state changes phrase it; EC2's exact text for a reboot while shutting down is unverified.
  const refused = instances.find((i) => i.State.Name === 'shutting-down')
  if (refused) throw new AwsError('IncorrectInstanceState', `This instance '${refused.InstanceId}' is not in a state from which it can be rebooted.`)
  for (const instance of instances) {
    const data = ctx.world.ec2.instanceData[instance.InstanceId]
    // Only a running OS can restart: a pending, stopping or stopped instance (and a terminated one) is left alone.
    if (instance.State.Name !== 'running' || !data || data.rebootingUntil !== undefined) continue
    const until = ctx.now() + REBOOT_MS
    data.rebootingUntil = until
    ctx.log(instance.InstanceId, { kind: 'resource.modified', type: 'AWS::EC2::Instance', detail: 'rebooting: the operating system restarts, the instance stays running' })
    tellHostOf(ctx, instance.InstanceId)
    ctx.scheduler.schedule(until, 'ec2.instance.rebooted', { instanceId: instance.InstanceId, until })
  }
  return {}
})

/** Timer: the OS is up again; software on the instance (the ECS agent) starts as after a boot. */
export const instanceRebooted: TimerHandler = (ctx: SimContext, payload) => {
  const instanceId = String(payload.instanceId)
  const data = ctx.world.ec2.instanceData[instanceId]
  // A stop or termination since (instance.ts) cleared the reboot; a later reboot has its own timer.
  if (!data || data.rebootingUntil !== Number(payload.until)) return
  delete data.rebootingUntil
  if (ctx.world.ec2.instances[instanceId]?.State.Name !== 'running') return
  ctx.log(instanceId, { kind: 'resource.modified', type: 'AWS::EC2::Instance', detail: 'rebooted: the operating system is up again' })
  tellHostOf(ctx, instanceId)
}
