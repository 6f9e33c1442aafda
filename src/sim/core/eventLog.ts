/**
 * The simulation's event log: every change with its virtual time, the resource, what changed and why.
 * Service events, the inspector's state history, the diagram's highlights and lesson goals read from it
 * (../shared/DESIGN.md "One engine, one door").
 */
export interface LogEntry {
  /** Running number, stable across snapshot/resume. */
  id: number
  at: number
  /** ARN or ID of the resource that changed. */
  resource: string
  /** What changed, e.g. `lastStatus PENDING → RUNNING` or `created`. */
  change: string
  /** Why, in words a learner reads, e.g. `placed in us-east-1b to spread across AZs`. */
  why?: string
}

/** Oldest entries are dropped past this many (give or take a tenth), so long runs keep memory bounded. */
export const EVENT_LOG_LIMIT = 5000

export interface EventLogState {
  nextId: number
  entries: LogEntry[]
  /**
   * How many changes the log has recorded (requests are recorded too, but change nothing): `worldVersion`. Absent in
   * snapshots saved before it existed.
   */
  version?: number
}

/**
 * A number that moves whenever the world changes, and only then: every change is logged, and requests (which only
 * count traffic) are logged as traffic. What is worked out from an unchanged world can be reused (health checks, the
 * service scheduler's polls, routing), even while curl keeps sending requests.
 */
export const worldVersion = (log: EventLogState): number => log.version ?? log.nextId

export const emptyEventLog = (): EventLogState => ({ nextId: 1, entries: [] })

export function appendLog(log: EventLogState, at: number, resource: string, change: string, why?: string, traffic = false): LogEntry {
  if (!traffic) log.version = worldVersion(log) + 1
  const entry: LogEntry = why === undefined ? { id: log.nextId++, at, resource, change } : { id: log.nextId++, at, resource, change, why }
  log.entries.push(entry)
  // Trim in batches (a tenth of the limit at a time) so a busy simulation does not shift the array on every entry.
  if (log.entries.length > EVENT_LOG_LIMIT * 1.1) log.entries.splice(0, log.entries.length - EVENT_LOG_LIMIT)
  return entry
}
