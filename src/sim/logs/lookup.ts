import { ownEntry, unproxied } from '../core/index.ts'
import type { World } from '../world.ts'
import { groupNotFound, streamNotFound } from './errors.ts'
import type { LogGroup, LogStream, StoredLogEvent } from './state.ts'

const DAY_MS = 86_400_000

export function findGroup(world: World, name: string | undefined): LogGroup {
  const group = name === undefined ? undefined : ownEntry(world.logs.groups, name)
  if (!group) throw groupNotFound()
  return group
}

export function findStream(group: LogGroup, name: string): LogStream {
  const stream = ownEntry(group.streams, name)
  if (!stream) throw streamNotFound()
  return stream
}

/** The oldest timestamp the group's retention still keeps at `now`: retention applies on the clock. */
export const retainedFrom = (group: LogGroup, now: number): number => (group.retentionInDays === undefined ? -Infinity : now - group.retentionInDays * DAY_MS)

/**
 * The events of `streams` with `from <= timestamp < to`, in timestamp order (oldest first; ties in arrival order).
 * Read from the plain array: through the journal's view every element would be proxied.
 */
export function eventsOf(world: World, streams: readonly LogStream[], from: number, to: number): StoredLogEvent[] {
  const ids = new Set(streams.map((s) => s.id))
  const all = unproxied(world.logs.events)
  const out: StoredLogEvent[] = []
  let sorted = true
  let last = -Infinity
  for (let i = 0; i < all.length; i++) {
    const e = all[i]
    if (!ids.has(e.s) || e.t < from || e.t >= to) continue
    if (e.t < last) sorted = false
    last = e.t
    out.push(e)
  }
  return sorted ? out : out.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e)
}
