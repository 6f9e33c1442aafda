import { ownEntry, unproxied } from '../core/index.ts'
import type { World } from '../world.ts'
import { groupNotFound, streamNotFound } from './errors.ts'
import { singleEvents } from './batches.ts'
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
 * The events of `streams` with `from <= timestamp < to`, in timestamp order (oldest first; ties in arrival order),
 * producers' batches opened into single events. Read from the plain array: through the journal's view every element
 * would be proxied.
 */
export function eventsOf(world: World, streams: readonly LogStream[], from: number, to: number): StoredLogEvent[] {
  const plain = unproxied(world)
  const out = singleEvents(plain, plain.logs.events, new Set(streams.map((s) => s.id)), from, to)
  let sorted = true
  for (let i = 1; i < out.length && sorted; i++) if (out[i].t < out[i - 1].t) sorted = false
  return sorted ? out : out.map((e, i) => ({ e, i })).sort((a, b) => a.e.t - b.e.t || a.i - b.i).map((x) => x.e)
}
