import { handler } from '../context.ts'
import { invalidParameter, pageOffset, pageToken } from './errors.ts'
import { compileFilterPattern } from './filterPattern.ts'
import { eventsOf, findGroup, retainedFrom } from './lookup.ts'

/**
 * FilterLogEvents: the group's events matching a filter pattern, all streams interleaved in time order, 10,000 per
 * page at most (API Reference). `eventId` is the 56-digit identifier the service gives each event.
 */
export const filterLogEvents = handler((ctx, input: { logGroupName?: string; logStreamNames?: string[]; logStreamNamePrefix?: string; startTime?: number; endTime?: number; filterPattern?: string; nextToken?: string; limit?: number }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined)
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.')
  const limit = input.limit ?? 10_000
  if (!(limit >= 1 && limit <= 10_000)) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000`)
  const test = compileFilterPattern(input.filterPattern)
  const streams = Object.values(group.streams).filter((s) =>
    input.logStreamNames ? input.logStreamNames.includes(s.logStreamName) : s.logStreamName.startsWith(input.logStreamNamePrefix ?? ''))
  const from = Math.max(input.startTime ?? -Infinity, retainedFrom(group, ctx.now()))
  const names = new Map(streams.map((s) => [s.id, s.logStreamName]))
  const matching = eventsOf(ctx.world, streams, from, input.endTime ?? Infinity).filter((e) => test(e.m))
  const offset = pageOffset(input.nextToken)
  return {
    events: matching.slice(offset, offset + limit).map((e) => ({
      logStreamName: names.get(e.s),
      timestamp: e.t,
      message: e.m,
      ingestionTime: e.i,
      eventId: eventId(e.s, e.n),
    })),
    ...(offset + limit < matching.length ? { nextToken: pageToken(offset + limit) } : {}),
  }
})

export const eventId = (stream: number, n: number): string => `${String(stream).padStart(8, '0')}${String(n).padStart(48, '0')}`
