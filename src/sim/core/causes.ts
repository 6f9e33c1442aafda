import type { SimContext } from '../context.ts'
import type { EventLogState, LogEntry } from './eventLog.ts'

/**
 * Causes in the event log ("why?" on an event, ../shared/DESIGN.md "A timeline with causes"). An entry names the
 * entry that caused it (`cause`) or, when a command made the change directly, the command line (`command`). The
 * engine fills both as it logs: a timer's entries are caused by the entry whose change scheduled the timer (the
 * scheduler carries that id), a command's own entries name the command. A rule that knows a cause the scheduling
 * chain does not carry (a health check failing because a rule was revoked) says so with `because`.
 */

/** Runs `fn` with entry `cause` as the cause of what it logs and schedules (a context without causes just runs it). */
export const because = <T>(ctx: SimContext, cause: number | undefined, fn: () => T): T => (ctx.becauseOf ? ctx.becauseOf(cause, fn) : fn())

/** The newest entry matching `match`, searching back from the end (rare: called when a state flips, not per check). */
export function lastEntry(log: EventLogState, match: (entry: LogEntry) => boolean): LogEntry | undefined {
  for (let i = log.entries.length - 1; i >= 0; i--) if (match(log.entries[i])) return log.entries[i]
  return undefined
}
