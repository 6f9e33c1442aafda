/**
 * The sandbox's one scheduler: a plain-data queue of future events on the virtual clock.
 * Because the queue is data (not closures), a snapshot taken in the middle of a transition resumes exactly.
 * Events due at the same virtual millisecond run in the order they were scheduled (`seq`).
 */
export interface ScheduledEvent {
  /** Virtual time (ms since the epoch) at which the event fires. */
  at: number
  /** Tie-breaker: scheduling order. */
  seq: number
  /** Name of a registered timer handler, e.g. `ecs.task.step`. */
  kind: string
  /** Plain JSON the handler needs (resource ids, the machine event to send). */
  payload: Record<string, unknown>
}

export interface SchedulerState {
  nextSeq: number
  queue: ScheduledEvent[]
}

export const emptyScheduler = (): SchedulerState => ({ nextSeq: 1, queue: [] })

export class Scheduler {
  state: SchedulerState

  constructor(state: SchedulerState) {
    this.state = state
  }

  schedule(at: number, kind: string, payload: Record<string, unknown> = {}): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.state.nextSeq++, kind, payload }
    // Keep the queue sorted by (at, seq); insertion from the back is cheap for the common "later" case.
    const q = this.state.queue
    let i = q.length
    while (i > 0 && (q[i - 1].at > at || (q[i - 1].at === at && q[i - 1].seq > event.seq))) i--
    q.splice(i, 0, event)
    return event
  }

  /** Drop pending events matching a predicate (e.g. timers of a deleted resource). */
  cancel(match: (e: ScheduledEvent) => boolean): void {
    this.state.queue = this.state.queue.filter((e) => !match(e))
  }

  /** Remove and return the earliest event due at or before `until`, if any. */
  takeDue(until: number): ScheduledEvent | undefined {
    const first = this.state.queue[0]
    if (!first || first.at > until) return undefined
    return this.state.queue.shift()
  }
}
