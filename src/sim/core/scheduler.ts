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
  /** The log entry whose change scheduled it (core/causes.ts): what the timer logs is caused by it. */
  cause?: number
}

export interface SchedulerState {
  nextSeq: number
  /**
   * Pending events as a binary min-heap on (at, seq): the earliest is first, the rest in heap order. A sorted array
   * is a valid heap, so snapshots saved when this was a sorted list resume as they are.
   */
  queue: ScheduledEvent[]
}

export const emptyScheduler = (): SchedulerState => ({ nextSeq: 1, queue: [] })

const before = (a: ScheduledEvent, b: ScheduledEvent) => a.at < b.at || (a.at === b.at && a.seq < b.seq)

/**
 * A heap rather than a sorted list: an hour of 1,000 tasks queues tens of thousands of timers, most due soon while
 * an hour's worth of expiry timers wait behind them; inserting into a sorted array walked past all of those.
 */
export class Scheduler {
  state: SchedulerState
  /** Set by the engine: the log entry that events scheduled now are caused by (core/causes.ts). */
  cause: number | undefined

  constructor(state: SchedulerState) {
    this.state = state
  }

  schedule(at: number, kind: string, payload: Record<string, unknown> = {}): ScheduledEvent {
    const event: ScheduledEvent = { at, seq: this.state.nextSeq++, kind, payload }
    if (this.cause !== undefined) event.cause = this.cause
    const q = this.state.queue
    let i = q.push(event) - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(event, q[parent])) break
      q[i] = q[parent]
      i = parent
    }
    q[i] = event
    return event
  }

  /** Drop pending events matching a predicate (e.g. timers of a deleted resource). */
  cancel(match: (e: ScheduledEvent) => boolean): void {
    const kept = this.state.queue.filter((e) => !match(e))
    if (kept.length === this.state.queue.length) return
    this.state.queue = kept.sort((a, b) => (before(a, b) ? -1 : 1))
  }

  /** Remove and return the earliest event due at or before `until`, if any. */
  takeDue(until: number): ScheduledEvent | undefined {
    const q = this.state.queue
    const first = q[0]
    if (!first || first.at > until) return undefined
    const last = q.pop() as ScheduledEvent
    if (q.length === 0) return first
    // Sift the last event down from the root.
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      if (left >= q.length) break
      const child = left + 1 < q.length && before(q[left + 1], q[left]) ? left + 1 : left
      if (!before(q[child], last)) break
      q[i] = q[child]
      i = child
    }
    q[i] = last
    return first
  }
}
