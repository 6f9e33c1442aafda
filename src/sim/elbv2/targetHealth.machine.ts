import { setup } from 'xstate'
import { step } from '../core/index.ts'

/**
 * A registered target's health state (ALB User Guide, "Health checks for your target groups",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html):
 * `initial` until it passes one check (→ healthy) or fails UnhealthyThresholdCount in a row (→ unhealthy);
 * healthy ↔ unhealthy after the thresholds; deregistering drains, then the target is gone.
 * The counters live beside the state (healthChecks.ts); the machine is only stepped when a threshold is crossed.
 */
export const targetHealthMachine = setup({
  types: { events: {} as { type: 'PASSED' } | { type: 'FAILED' } | { type: 'DEREGISTER' } },
}).createMachine({
  id: 'targetHealth',
  initial: 'initial',
  states: {
    initial: { on: { PASSED: 'healthy', FAILED: 'unhealthy', DEREGISTER: 'draining' } },
    healthy: { on: { FAILED: 'unhealthy', DEREGISTER: 'draining' } },
    unhealthy: { on: { PASSED: 'healthy', DEREGISTER: 'draining' } },
    draining: { type: 'final' },
  },
})

/** The reason codes and their descriptions: data, in reasons.ts (the read model reads it without the machine). */
export { REASONS } from './reasons.ts'

const transitions = new Map<string, string | undefined>()

/**
 * `step` over the target health machine, memoised: the machine has no context, so (state, event) decides the
 * next state, and a thousand targets crossing a threshold in one round should not pay xstate's resolution each time.
 */
export function stepTargetHealth(state: string, event: 'PASSED' | 'FAILED' | 'DEREGISTER'): string | undefined {
  const key = `${state} ${event}`
  if (!transitions.has(key)) transitions.set(key, step(targetHealthMachine, state, { type: event }))
  return transitions.get(key)
}
