import type { QueryRecord, Value } from './insights/index.ts'
import { isBatch, type StoredLogEntry } from './state.ts'

/**
 * Fields of stored events as Logs Insights discovers them: a JSON message's members, nested ones named with dots
 * (`a.b`, arrays `a.0`: §6.1). Events never change once stored, so a field's values are worked out once per event
 * and kept as a column beside the account's event stream (positions in `world.logs.events`); a query over a day of
 * events then parses no JSON, and keeps only the fields queries asked for. Derived data, outside the world: a stream
 * that was trimmed or rolled back (its first or last indexed event is no longer where it was) is indexed again.
 */
interface Column {
  values: Value[]
  /** The entry at `values.length - 1` when it was indexed. */
  last: StoredLogEntry | undefined
}

interface Columns {
  first: StoredLogEntry | undefined
  byField: Map<string, Column>
}

const indexes = new WeakMap<StoredLogEntry[], Columns>()

/**
 * The columns of `fields` (JSON fields, not the `@` ones) for every single event of `events`, by position (a
 * producer's batch answers its own fields: batches.ts; its place here holds `undefined`).
 */
export function columnsOf(events: StoredLogEntry[], fields: readonly string[]): Value[][] {
  let index = indexes.get(events)
  if (!index || index.first !== events[0]) indexes.set(events, (index = { first: events[0], byField: new Map() }))
  const columns = fields.map((field) => {
    let column = index.byField.get(field)
    const n = column?.values.length ?? 0
    if (!column || n > events.length || (n > 0 && events[n - 1] !== column.last)) index.byField.set(field, (column = { values: [], last: undefined }))
    return column
  })
  const from = Math.min(...columns.map((c) => c.values.length))
  if (from < events.length) {
    const paths = fields.map((f) => f.split('.'))
    for (let p = from; p < events.length; p++) {
      const e = events[p]
      const message = isBatch(e) ? '' : e.m
      let doc: unknown
      if (message.charCodeAt(0) === 123 /* { */) {
        try {
          doc = JSON.parse(message)
        } catch {
          doc = undefined
        }
      }
      for (let f = 0; f < columns.length; f++) if (columns[f].values.length === p) columns[f].values.push(doc === undefined ? undefined : select(doc, paths[f]))
    }
    for (const c of columns) c.last = events[events.length - 1]
  }
  return columns.map((c) => c.values)
}

/** A member by its dotted path; only numbers, strings and booleans are field values (objects are flattened away). */
function select(doc: unknown, path: string[]): Value {
  let v: unknown = doc
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : undefined
}

/** Where a row came from, for its `@ptr` (a symbol: never a field a query can name). */
export const EVENT = Symbol('event')

/** What `@ptr` is made of: the event's stream, number and timestamp. */
export interface EventPlace {
  s: number
  n: number
  t: number
}

export type EventRecord = QueryRecord & { [EVENT]?: EventPlace }

/** An opaque pointer to the event, as `@ptr` is (GetLogRecord takes it; not simulated). */
export const ptrOf = (event: EventPlace): string => btoa(`${event.s}:${event.n}:${event.t}`)
