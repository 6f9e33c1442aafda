import type { Sandbox } from '../../sandbox/types.ts'

/**
 * "Run until": how far the clock may go looking for the selected resource's next change. An hour of simulated time
 * covers every lifecycle the course shows (a deployment, a draining delay of 300 s, health checks), and the step
 * count stops a world whose only timers are periodic (metrics every minute) from spinning.
 */
export const RUN_UNTIL_LIMIT = { ms: 3_600_000, steps: 5_000 } as const

export type RunUntilOutcome =
  | { kind: 'changed'; change: string; at: number }
  | { kind: 'nothing-scheduled' }
  | { kind: 'limit'; ms: number }

/**
 * Steps the clock event by event (each step exactly to the next scheduled event, sandbox.advanceToNextEvent) until
 * the event log records a change to `resource`, the way the inspector's state history matches entries (by the id the
 * diagram selected). Stops at the first such change, so the world shows that moment.
 */
export function runUntilChange(sandbox: Sandbox, resource: string, limit: { ms: number; steps: number } = RUN_UNTIL_LIMIT): RunUntilOutcome {
  const start = sandbox.now()
  const log = sandbox.world().log
  let seen = log.nextId
  for (let step = 0; step < limit.steps; step++) {
    const due = sandbox.nextEventAt()
    if (due === undefined) return { kind: 'nothing-scheduled' }
    if (due - start > limit.ms) break
    sandbox.advanceToNextEvent()
    const entries = sandbox.world().log.entries
    // New entries are at the end; walk back only over those logged by this step.
    for (let i = entries.length - 1; i >= 0 && entries[i].id >= seen; i--) {
      const entry = entries[i]
      if (entry.resource === resource) {
        const first = firstChange(entries, i, seen, resource)
        return { kind: 'changed', change: first.why ? `${first.change} (${first.why})` : first.change, at: first.at }
      }
    }
    seen = sandbox.world().log.nextId
  }
  return { kind: 'limit', ms: limit.ms }
}

/** The earliest of this step's entries about `resource` (one event may log several changes). */
function firstChange(entries: readonly { id: number; resource: string; change: string; why?: string; at: number }[], from: number, seen: number, resource: string) {
  let first = entries[from]
  for (let i = from - 1; i >= 0 && entries[i].id >= seen; i--) if (entries[i].resource === resource) first = entries[i]
  return first
}
