import { describeEvent, SLICES, sliceOf, type LogEvent, type Slice } from './events.ts'

/**
 * The simulation's event log: every change with its virtual time, the resource, and what changed as a typed event
 * (core/events.ts) with its words derived. Service events, the inspector's state history, the diagram's highlights
 * and lesson goals read from it (../shared/DESIGN.md "One engine, one door").
 */
export type LogEntry = LogEvent & {
  /** Running number, stable across snapshot/resume. */
  id: number
  at: number
  /** ARN or ID of the resource that changed. */
  resource: string
  /** What changed, e.g. `lastStatus PENDING → RUNNING` or `created` (derived from the event: `describeEvent`). */
  change: string
  /** Why, in words a learner reads, e.g. `placed in us-east-1b to spread across AZs` (derived too). */
  why?: string
  /** The id of the entry that caused this one (core/causes.ts), when the simulation knows it. */
  cause?: number
  /** The command line that made this change, for a change a command made directly (no earlier cause). */
  command?: string
}

/** Oldest entries are dropped past this many (give or take a tenth), so long runs keep memory bounded. */
export const EVENT_LOG_LIMIT = 5000

export interface EventLogState {
  nextId: number
  /** Appended through the engine's streams (core/stream.ts), never through the journal. */
  entries: LogEntry[]
  /**
   * Per world slice, how many logged changes it has had. Every change is logged, so a slice whose version has not
   * moved is unchanged: what is worked out from it can be reused. Requests change nothing and move none of them, and
   * periodic writes to one slice (metrics) leave answers that read only the others valid.
   */
  versions: Record<Slice, number>
}

export const emptyVersions = (): Record<Slice, number> => ({ ec2: 0, iam: 0, ecr: 0, ecs: 0, elbv2: 0, logs: 0 })

/** One number that moves whenever any of `slices` changes, and only then (each version only grows between rollbacks). */
export function sliceVersion(log: EventLogState, slices: readonly Slice[]): number {
  let sum = 0
  for (const slice of slices) sum += log.versions[slice]
  return sum
}

/** A number that moves whenever any slice of the world changes (requests do not count). */
export const worldVersion = (log: EventLogState): number => sliceVersion(log, SLICES)

export const emptyEventLog = (): EventLogState => ({ nextId: 1, entries: [], versions: emptyVersions() })

/** The entry for `event`, numbered from the log, with the slice it changes versioned; the caller appends it. */
export function logEntry(log: EventLogState, at: number, resource: string, event: LogEvent): LogEntry {
  const slice = sliceOf(event)
  if (slice) log.versions[slice]++
  const { change, why } = describeEvent(event)
  const entry = { id: log.nextId++, at, resource, ...event, change } as LogEntry
  if (why !== undefined) entry.why = why
  return entry
}
