import { ownEntry, unproxied } from '../core/index.ts'
import { writable, type SimContext } from '../context.ts'
import type { LogStream } from './state.ts'

/**
 * How AWS's own producers write into CloudWatch Logs (Container Insights' performance events, the awslogs driver):
 * the same events PutLogEvents stores, without a client's batch limits. `createGroup` says whether a missing group
 * is created (Container Insights creates its group; awslogs only with `awslogs-create-group`); otherwise a missing
 * group means the caller decides what fails. Returns whether the event was stored.
 */
export function produceLogEvent(ctx: SimContext, groupName: string, streamName: string, timestamp: number, message: string, createGroup: boolean): boolean {
  const stream = producerStream(ctx, groupName, streamName, createGroup)
  if (!stream) return false
  ctx.putLogEvent({ s: stream.id, t: timestamp, m: message, i: ctx.now(), n: ctx.world.logs.nextEventNumber++ })
  noteStored(ctx, stream, timestamp, message.length)
  return true
}

/** What storing events of `bytes` at `timestamp` changes on their stream (describe-log-streams shows it). */
export function noteStored(ctx: SimContext, kept: LogStream, timestamp: number, bytes: number): void {
  // Written directly, kept by the journal first: Container Insights notes every task's events every minute.
  const stream = writable(ctx, kept)
  stream.storedBytes += bytes
  if (stream.firstEventTimestamp === undefined || timestamp < stream.firstEventTimestamp) stream.firstEventTimestamp = timestamp
  if (stream.lastEventTimestamp === undefined || timestamp > stream.lastEventTimestamp) stream.lastEventTimestamp = timestamp
  stream.lastIngestionTime = ctx.now()
}

/**
 * Stores `count` events a producer wrote at once as one batch of its `kind` (state.ts `StoredLogBatch`): they take the
 * next `count` event numbers. The producer notes each stream's bytes itself (`noteStored`).
 */
export function produceLogBatch(ctx: SimContext, kind: string, timestamp: number, count: number, data: unknown): void {
  if (count === 0) return
  const { logs } = ctx.world
  const n = logs.nextEventNumber
  logs.nextEventNumber += count
  ctx.putLogEvent({ kind, t: timestamp, i: ctx.now(), n, count, data })
}

/**
 * The stream, created (with its group when `createGroup`) as the producer would; undefined when the group is missing.
 * Looked up in the plain world (a read through the journal's view is a proxy's work per step, and Container Insights
 * asks for every task every minute): the stream given back is the world's own, changed only through `noteStored`.
 */
export function producerStream(ctx: SimContext, groupName: string, streamName: string, createGroup: boolean): LogStream | undefined {
  const { logs } = unproxied(ctx.world)
  let group = ownEntry(logs.groups, groupName)
  if (!group) {
    if (!createGroup) return undefined
    ctx.call('logs', 'CreateLogGroup', { logGroupName: groupName })
    group = ownEntry(logs.groups, groupName)
    if (!group) return undefined
  }
  if (!ownEntry(group.streams, streamName)) ctx.call('logs', 'CreateLogStream', { logGroupName: groupName, logStreamName: streamName })
  return ownEntry(group.streams, streamName)
}

export const hasLogGroup = (ctx: SimContext, groupName: string): boolean => ownEntry(ctx.world.logs.groups, groupName) !== undefined
