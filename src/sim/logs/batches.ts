import type { Value } from './insights/index.ts'
import type { World } from '../world.ts'
import { isBatch, type StoredLogBatch, type StoredLogEntry, type StoredLogEvent } from './state.ts'

/**
 * How a producer's batches are read (state.ts `StoredLogBatch`). The producer registers its format by kind; readers
 * ask it for each event's stream, message length, message and Insights fields. Answers derived from a batch never
 * change (a batch is never edited once stored), so a format may keep them per batch object.
 */
export interface BatchFormat {
  /** Each event's stream number. */
  streams(world: Readonly<World>, batch: StoredLogBatch): ArrayLike<number>
  /** Each event's message length (what `storedBytes` and `bytesScanned` count). */
  lengths(world: Readonly<World>, batch: StoredLogBatch): ArrayLike<number>
  /** Event `j`'s message, byte for byte what the producer would have stored as text. */
  message(world: Readonly<World>, batch: StoredLogBatch, j: number): string
  /** Each event's value of a field as Insights discovers it (JSON flattened with dots; `undefined` when absent). */
  column(world: Readonly<World>, batch: StoredLogBatch, field: string): ArrayLike<Value>
}

const FORMATS = new Map<string, BatchFormat>()

/** Called once by the producer's module (Container Insights registers its performance events). */
export function registerBatchFormat(kind: string, format: BatchFormat): void {
  FORMATS.set(kind, format)
}

export function formatOf(batch: StoredLogBatch): BatchFormat {
  const format = FORMATS.get(batch.kind)
  if (!format) throw new Error(`No format registered for log batches of kind ${batch.kind}`)
  return format
}

/**
 * The events of `entries` in the streams `ids` with `from <= timestamp < to`, batches opened into single events with
 * their messages, in stored order.
 */
export function singleEvents(world: Readonly<World>, entries: readonly StoredLogEntry[], ids: ReadonlySet<number>, from: number, to: number): StoredLogEvent[] {
  const out: StoredLogEvent[] = []
  for (let p = 0; p < entries.length; p++) {
    const e = entries[p]
    if (e.t < from || e.t >= to) continue
    if (!isBatch(e)) {
      if (ids.has(e.s)) out.push(e)
      continue
    }
    const format = formatOf(e)
    const streams = format.streams(world, e)
    for (let j = 0; j < e.count; j++) if (ids.has(streams[j])) out.push({ s: streams[j], t: e.t, m: format.message(world, e, j), i: e.i, n: e.n + j })
  }
  return out
}
