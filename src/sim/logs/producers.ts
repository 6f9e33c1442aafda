import { ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
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
  const now = ctx.now()
  ctx.putLogEvent({ s: stream.id, t: timestamp, m: message, i: now, n: ctx.world.logs.nextEventNumber++ })
  stream.storedBytes += message.length
  if (stream.firstEventTimestamp === undefined || timestamp < stream.firstEventTimestamp) stream.firstEventTimestamp = timestamp
  if (stream.lastEventTimestamp === undefined || timestamp > stream.lastEventTimestamp) stream.lastEventTimestamp = timestamp
  stream.lastIngestionTime = now
  return true
}

/** The stream, created (with its group when `createGroup`) as the producer would; undefined when the group is missing. */
export function producerStream(ctx: SimContext, groupName: string, streamName: string, createGroup: boolean): LogStream | undefined {
  let group = ownEntry(ctx.world.logs.groups, groupName)
  if (!group) {
    if (!createGroup) return undefined
    ctx.call('logs', 'CreateLogGroup', { logGroupName: groupName })
    group = ownEntry(ctx.world.logs.groups, groupName)
    if (!group) return undefined
  }
  if (!ownEntry(group.streams, streamName)) ctx.call('logs', 'CreateLogStream', { logGroupName: groupName, logStreamName: streamName })
  return ownEntry(group.streams, streamName)
}

export const hasLogGroup = (ctx: SimContext, groupName: string): boolean => ownEntry(ctx.world.logs.groups, groupName) !== undefined
