import { initialTransition, transition, type AnyStateMachine } from 'xstate'

/**
 * Lifecycles are xstate v5 machines, stepped purely: the resource keeps its state value as plain data
 * (e.g. `lastStatus`), and the scheduler sends plain events at virtual times. Timers never live inside xstate,
 * so a snapshot taken mid-transition resumes exactly (issue 3: "keep timers in the sandbox's scheduler and
 * send the machines plain events").
 *
 * What a transition does (attach an ENI, schedule the next step, record an exit code) is declared by the machine
 * itself, as named xstate actions (`entry`, or a transition's `actions`) implemented in its `setup`. xstate's pure
 * `transition` returns those actions without running them; `send` runs them after the caller stored the new state,
 * handing each the event the machine received (which carries the simulation context: nothing of it is stored).
 */
export function initialState(machine: AnyStateMachine): string {
  const [snapshot] = initialTransition(machine)
  return String(snapshot.value)
}

/** An effect a machine declares for a transition: the name of one of its actions, and the action's static params. */
export interface DeclaredEffect {
  readonly type: string
  readonly params?: unknown
}

/** Where a transition lands and what the machine says to do on the way. */
export interface Transition {
  readonly value: string
  readonly effects: readonly DeclaredEffect[]
}

/**
 * The machines here have no context and no guards, and their actions take static params, so (state, event type)
 * decides the transition: it is worked out by xstate once and kept, which keeps xstate's resolution off the hot
 * path (an hour of 1,000 tasks is ~16,000 task steps and thousands of target health changes).
 */
const memo = new WeakMap<AnyStateMachine, Map<string, Transition | undefined>>()

/** The transition `eventType` takes from `state`, or undefined when the machine does not accept it there. */
export function transitionOf(machine: AnyStateMachine, state: string, eventType: string): Transition | undefined {
  let known = memo.get(machine)
  if (!known) memo.set(machine, (known = new Map()))
  const key = `${state} ${eventType}`
  if (known.has(key)) return known.get(key)
  const from = machine.resolveState({ value: state, context: {} })
  let found: Transition | undefined
  if (from.can({ type: eventType })) {
    const [next, actions] = transition(machine, from, { type: eventType })
    found = { value: String(next.value), effects: actions.map((a) => ({ type: a.type, params: a.params })) }
  }
  known.set(key, found)
  return found
}

/**
 * The state after `event`, or undefined when the machine does not accept the event in `state`
 * (so callers can tell a legal transition from a no-op). For machines that declare no effects.
 */
export function step(machine: AnyStateMachine, state: string, event: { type: string }): string | undefined {
  return transitionOf(machine, state, event.type)?.value
}

type ActionImplementation = (args: { context: object; event: { type: string } }, params: unknown) => void

/**
 * Runs the effects the machine declared for `t`, in the machine's order, with the event it received. Call it
 * after storing `t.value` on the resource: entry effects see the resource in its new state.
 */
export function runEffects<E extends { type: string }>(machine: AnyStateMachine, t: Transition, event: E): void {
  const actions = machine.implementations.actions as Record<string, ActionImplementation | undefined>
  for (const effect of t.effects) {
    const run = actions[effect.type]
    if (!run) throw new Error(`${machine.id}: no implementation for the declared effect ${effect.type}`)
    run({ context: {}, event }, effect.params)
  }
}
