import type { QueryRecord } from './insights/index.ts'
import type { StoredLogEvent } from './state.ts'

/**
 * An event as Logs Insights sees it: the discovered fields (`@timestamp`, `@message`, `@logStream`, `@log` as
 * `account:group`, `@ingestionTime`, `@ptr`) and, for a JSON message, its members flattened with dots (`a.b`, arrays
 * `a.0`: §6.1). Events never change once stored, so each one's record is worked out once and kept beside it (a weak
 * map: a dropped event takes its record with it); queries over a day of events then parse no JSON.
 */
const cache = new WeakMap<StoredLogEvent, QueryRecord>()

export function recordOf(event: StoredLogEvent, log: string, logStream: string): QueryRecord {
  let record = cache.get(event)
  if (!record) {
    record = { '@timestamp': event.t, '@message': event.m, '@logStream': logStream, '@log': log, '@ingestionTime': event.i, '@ptr': ptr(event) }
    const m = event.m
    if (m.length > 1 && m.charCodeAt(0) === 123 /* { */) {
      try {
        flatten(JSON.parse(m), '', record)
      } catch {
        // Not JSON after all: only the discovered fields.
      }
    }
    cache.set(event, record)
  }
  return record
}

function flatten(value: unknown, prefix: string, into: QueryRecord): void {
  if (value === null || value === undefined) return
  if (typeof value === 'object') {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${key}` : key, into)
    return
  }
  if (prefix && !(prefix in into)) into[prefix] = value as string | number | boolean
}

/** An opaque pointer to the event, as `@ptr` is (GetLogRecord takes it; not simulated). */
const ptr = (event: StoredLogEvent): string => btoa(`${event.s}:${event.n}:${event.t}`)
