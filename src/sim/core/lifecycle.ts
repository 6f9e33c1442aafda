import { initialTransition, transition, type AnyStateMachine } from 'xstate'

/**
 * Lifecycles are xstate v5 machines, stepped purely: the resource keeps its state value as plain data
 * (e.g. `lastStatus`), and the scheduler sends plain events at virtual times. Timers never live inside xstate,
 * so a snapshot taken mid-transition resumes exactly (issue 3: "keep timers in the sandbox's scheduler and
 * send the machines plain events").
 */
export function initialState(machine: AnyStateMachine): string {
  const [snapshot] = initialTransition(machine)
  return String(snapshot.value)
}

/**
 * The state after `event`, or undefined when the machine does not accept the event in `state`
 * (so callers can tell a legal transition from a no-op).
 */
export function step(machine: AnyStateMachine, state: string, event: { type: string }): string | undefined {
  const from = machine.resolveState({ value: state, context: {} })
  if (!from.can(event)) return undefined
  const [next] = transition(machine, from, event)
  return String(next.value)
}
