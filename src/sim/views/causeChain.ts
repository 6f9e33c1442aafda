import type { LogEntry } from '../core/index.ts'
import type { World } from '../world.ts'

/** One link of a cause chain: an event of the log, and the command that made it when a command did. */
export interface CauseLink {
  entry: LogEntry
  /** The command line that made this change directly: the chain's end. */
  command?: string
}

/**
 * "Why?" on an event (core/causes.ts): the event, then what caused it, and so on back to the command that started
 * it, newest first. The chain stops where the simulation does not know a cause, or where the log dropped the older
 * entry (it keeps the last EVENT_LOG_LIMIT); a chain that ends without a command says so by its last link.
 */
export function causeChain(world: World, eventId: number): CauseLink[] {
  const { entries } = world.log
  const chain: CauseLink[] = []
  const seen = new Set<number>()
  for (let entry = entryById(entries, eventId); entry && !seen.has(entry.id); entry = entry.cause === undefined ? undefined : entryById(entries, entry.cause)) {
    seen.add(entry.id)
    chain.push(entry.command === undefined ? { entry } : { entry, command: entry.command })
  }
  return chain
}

/** Entries are appended in id order, so a binary search finds one (ids skip only where a rollback took entries back). */
function entryById(entries: readonly LogEntry[], id: number): LogEntry | undefined {
  let lo = 0
  let hi = entries.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = entries[mid].id
    if (at === id) return entries[mid]
    if (at < id) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}
