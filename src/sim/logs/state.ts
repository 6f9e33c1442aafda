import type { ResultRow } from './insights/index.ts'

/**
 * CloudWatch Logs as plain data. Log groups and streams are API-shaped records (the model's `LogGroup`/`LogStream`
 * members); the events themselves are one append-only stream for the account (`events`), appended through the
 * engine (`ctx.putLogEvent`, core/stream.ts) and never through the journal, so a day of events does not cost every
 * command a copy.
 */
export interface LogsState {
  groups: Record<string, LogGroup>
  events: StoredLogEvent[]
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
 * How many events the account keeps at most (oldest dropped first): bounds memory in long runs. A day of per-minute
 * Task events for 200 tasks is 288,000 (about 300 MB of heap with their JSON text: `npm run bench`).
 */
export const LOG_EVENTS_LIMIT = 500_000
