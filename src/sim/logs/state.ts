import type { ResultRow } from './insights/index.ts'

/**
 * CloudWatch Logs as plain data. Log groups and streams are API-shaped records (the model's `LogGroup`/`LogStream`
 * members); the events themselves are one append-only stream for the account (`events`), appended through the
 * engine (`ctx.putLogEvent`, core/stream.ts) and never through the journal, so a day of events does not cost every
 * command a copy.
 */
export interface LogsState {
  groups: Record<string, LogGroup>
  /** Events as they were stored, oldest first: single events, and batches AWS's own producers wrote at once. */
  events: StoredLogEntry[]
  queries: Record<string, Query>
  /** Numbers streams (an event names its stream by number: a deleted group's events are unreachable). */
  nextStreamId: number
  /** Numbers events, for `eventId` and the `@ptr` of results. */
  nextEventNumber: number
}

export interface LogGroup {
  logGroupName: string
  creationTime: number
  retentionInDays?: number
  metricFilterCount: number
  arn: string
  logGroupClass: 'STANDARD'
  logGroupArn: string
  streams: Record<string, LogStream>
}

export interface LogStream {
  id: number
  logStreamName: string
  creationTime: number
  firstEventTimestamp?: number
  lastEventTimestamp?: number
  lastIngestionTime?: number
  arn: string
  storedBytes: number
}

/** One event, kept small: stream number, timestamp, message, ingestion time, event number. */
export interface StoredLogEvent {
  s: number
  t: number
  m: string
  i: number
  n: number
}

/**
 * Events one of AWS's producers wrote at the same moment (Container Insights' Task and Container events of a minute),
 * kept as the producer's data rather than text: `count` events numbered `n` to `n + count - 1`, all at `t`, each
 * message written only when something reads it (batches.ts; a day of them for 200 tasks is 1,440 small records, not
 * 576,000 JSON strings). `kind` names the format that reads `data`; `data` is plain JSON, so snapshots keep it.
 */
export interface StoredLogBatch {
  kind: string
  t: number
  i: number
  n: number
  count: number
  data: unknown
}

export type StoredLogEntry = StoredLogEvent | StoredLogBatch

export const isBatch = (entry: StoredLogEntry): entry is StoredLogBatch => (entry as StoredLogBatch).kind !== undefined

export interface Query {
  queryId: string
  queryString: string
  status: 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout'
  createTime: number
  logGroupName: string
  logGroupNames: string[]
  /** Epoch seconds, as StartQuery takes them. */
  startTime: number
  endTime: number
  limit: number
  results?: ResultRow[]
  statistics?: { recordsMatched: number; recordsScanned: number; bytesScanned: number; logGroupsScanned: number }
}

export const emptyLogsState = (): LogsState => ({ groups: {}, events: [], queries: {}, nextStreamId: 1, nextEventNumber: 1 })

/**
 * How many entries (events, or producers' batches) the account keeps at most (oldest dropped first): bounds memory in
 * long runs. A day of per-minute Task events for 200 tasks put as text is 288,000 (about 300 MB of heap with their
 * JSON text: `npm run bench`); Container Insights' own events are batches of a minute each.
 */
export const LOG_EVENTS_LIMIT = 500_000
