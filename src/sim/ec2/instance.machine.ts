import { setup } from 'xstate'
import { initialState, runEffects, transitionOf } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import type { Instance } from './instance.ts'

/**
 * An EC2 instance's `State`, following the EC2 User Guide "Amazon EC2 instance state changes"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html): pending → running; a stop goes
 * through stopping to stopped, a start from stopped back to pending; a termination goes through shutting-down to
 * terminated, from any state but terminated. A reboot keeps the instance running. The codes are the API's
 * (InstanceState.Code: the low byte).
 */
export const INSTANCE_STATES = ['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped'] as const
export type InstanceStateName = (typeof INSTANCE_STATES)[number]

export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
}

/**
 * How long each transition takes in the sandbox. AWS publishes no figures: the values follow what the console
 * typically shows (a boot in well under a minute, a stop or a termination in about half a minute). Source:
 * observation, not documentation. A terminated instance stays visible to describe calls for about an hour
 * (EC2 User Guide, "Terminate Amazon EC2 instances": "remains visible in the console for a short while").
 */
export const INSTANCE_TIMINGS = {
  pendingMs: 15_000,
  stoppingMs: 30_000,
  shuttingDownMs: 30_000,
  terminatedVisibleMs: 60 * 60_000,
} as const

export type InstanceEvent = { type: 'BOOTED' | 'STOP' | 'STOPPED' | 'START' | 'TERMINATE' | 'TERMINATED'; ctx: SimContext; instance: Instance }

/** What each state change does besides the state: the implementations live in instanceEffects.ts. */
export type InstanceEffects = Record<'scheduleBoot' | 'scheduleStopped' | 'scheduleTerminated' | 'userShutdown' | 'booted' | 'releasePublicIp' | 'restarting' | 'released', (args: { event: InstanceEvent }) => void>

export function instanceMachineWith(effects: InstanceEffects) {
  return setup({ types: { events: {} as InstanceEvent }, actions: effects }).createMachine({
    id: 'ec2Instance',
    initial: 'pending',
    states: {
      pending: { entry: 'scheduleBoot', on: { BOOTED: { target: 'running', actions: 'booted' }, TERMINATE: { target: 'shutting-down', actions: 'userShutdown' } } },
      running: {
        on: {
          STOP: { target: 'stopping', actions: 'userShutdown' },
          TERMINATE: { target: 'shutting-down', actions: 'userShutdown' },
        },
      },
      stopping: { entry: 'scheduleStopped', on: { STOPPED: 'stopped', TERMINATE: { target: 'shutting-down', actions: 'userShutdown' } } },
      stopped: {
        entry: 'releasePublicIp',
        on: { START: { target: 'pending', actions: 'restarting' }, TERMINATE: { target: 'shutting-down', actions: 'userShutdown' } },
      },
      'shutting-down': { entry: 'scheduleTerminated', on: { TERMINATED: 'terminated' } },
      terminated: { type: 'final', entry: 'released' },
    },
  })
}

type InstanceMachine = ReturnType<typeof instanceMachineWith>

/**
 * The state a machine starts in depends on its definition only, so it is worked out by xstate once per machine and kept:
 * resolving it cost ~0.1 ms per RunInstances, once per launch of an Auto Scaling group's instances.
 */
const initialStates = new WeakMap<InstanceMachine, InstanceStateName>()

/** The state RunInstances answers with. */
export function initialInstanceState(machine: InstanceMachine): InstanceStateName {
  let state = initialStates.get(machine)
  if (state === undefined) initialStates.set(machine, (state = initialState(machine) as InstanceStateName))
  return state
}

/**
 * Sends `event` to the instance's machine: stores the new State (name and code) and runs the effects the machine
 * declared; false when the machine does not accept the event in the instance's state.
 */
export function sendInstance(machine: InstanceMachine, event: InstanceEvent): boolean {
  const { instance } = event
  const t = transitionOf(machine, instance.State.Name, event.type)
  if (!t) return false
  const to = t.value as InstanceStateName
  event.ctx.log(instance.InstanceId, { kind: 'resource.status', type: 'AWS::EC2::Instance', attribute: 'State', from: instance.State.Name, to })
  instance.State = { Code: STATE_CODES[to], Name: to }
  runEffects(machine, t, event)
  return true
}
