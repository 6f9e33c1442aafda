import { AwsError } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { instancesById } from './describeInstances.ts'
import { sendInstance, type InstanceEvent, type InstanceStateName } from './instance.machine.ts'
import { instanceMachine, type Instance } from './instance.ts'

/**
 * Stop, start, terminate and reboot, as the EC2 API Reference describes them: each call answers every instance's
 * `PreviousState` and `CurrentState` (InstanceStateChange). A call that names an instance in a state it cannot act on
 * fails whole with IncorrectInstanceState before anything changes; one already where the call leads is answered
 * unchanged (stopping a stopped instance, terminating a terminated one).
 */
interface Plan {
  event: InstanceEvent['type']
  /** States the call leaves as they are. */
  already: readonly InstanceStateName[]
  refusal: (id: string) => string
}

const PLANS: Record<'stop' | 'start' | 'terminate', Plan> = {
  stop: { event: 'STOP', already: ['stopping', 'stopped'], refusal: (id) => `This instance '${id}' is not in a state from which it can be stopped.` },
  start: { event: 'START', already: ['pending', 'running'], refusal: (id) => `The instance '${id}' is not in a state from which it can be started.` },
  terminate: { event: 'TERMINATE', already: ['shutting-down', 'terminated'], refusal: (id) => `The instance '${id}' may not be terminated.` },
}

function change(ctx: SimContext, ids: string[], plan: Plan) {
  if (!ids.length) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceIds')
  const instances = instancesById(ctx, ids)
  // Validate all, then act: a refused instance leaves every other one as it was.
  const refused = instances.find((i) => !plan.already.includes(i.State.Name) && !canTake(i, plan.event))
  if (refused) throw new AwsError('IncorrectInstanceState', plan.refusal(refused.InstanceId))
  return instances.map((instance) => {
    const PreviousState = { ...instance.State }
    if (!plan.already.includes(instance.State.Name)) sendInstance(instanceMachine, { type: plan.event, ctx, instance })
    return { InstanceId: instance.InstanceId, CurrentState: { ...instance.State }, PreviousState }
  })
}

const canTake = (instance: Instance, event: InstanceEvent['type']) => {
  const accepts: Record<string, readonly InstanceStateName[]> = { STOP: ['running'], START: ['stopped'], TERMINATE: ['pending', 'running', 'stopping', 'stopped'] }
  return accepts[event].includes(instance.State.Name)
}

export const stopInstances = handler((ctx, input: { InstanceIds: string[] }) => ({ StoppingInstances: change(ctx, input.InstanceIds, PLANS.stop) }))
export const startInstances = handler((ctx, input: { InstanceIds: string[] }) => ({ StartingInstances: change(ctx, input.InstanceIds, PLANS.start) }))
export const terminateInstances = handler((ctx, input: { InstanceIds: string[] }) => ({ TerminatingInstances: change(ctx, input.InstanceIds, PLANS.terminate) }))
