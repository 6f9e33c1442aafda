import { handler } from '../context.ts'
import { invalidParameter, pageToken } from './errors.ts'
import { eventsOf, findGroup, findStream, retainedFrom } from './lookup.ts'

/**
 * PutLogEvents and GetLogEvents (CloudWatch Logs API Reference). Limits as the PutLogEvents page states them: at most
 * 10,000 events and 1,048,576 bytes (each message's UTF-8 bytes plus 26) per call, in chronological order, spanning at
 * most 24 hours; events more than 2 hours ahead or 14 days behind, or older than the group's retention, are rejected
 * and reported by index (`rejectedLogEventsInfo`), the rest stored.
 */
const MAX_EVENTS = 10_000
const MAX_BATCH_BYTES = 1_048_576
const EVENT_OVERHEAD = 26
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** UTF-8 length without encoding (PutLogEvents counts bytes; encoding every message cost more than storing it). */
function utf8Length(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) continue
    // Two bytes below U+0800, three above, four for a surrogate pair (two UTF-16 units, counted together).
    n += c < 0x800 ? 1 : 2
    if (c >= 0xd800 && c <= 0xdbff) i++
  }
  return n
}

export const putLogEvents = handler((ctx, input: { logGroupName: string; logStreamName: string; logEvents: { timestamp: number; message: string }[] }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  const stream = findStream(group, input.logStreamName)
  const events = input.logEvents
  if (events.length < 1) throw invalidParameter("1 validation error detected: Value '[]' at 'logEvents' failed to satisfy constraint: Member must have length greater than or equal to 1")
  if (events.length > MAX_EVENTS) throw invalidParameter(`1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to ${MAX_EVENTS}`)
  let bytes = 0
  for (let i = 0; i < events.length; i++) {
    if (i > 0 && events[i].timestamp < events[i - 1].timestamp) throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.')
    bytes += utf8Length(events[i].message) + EVENT_OVERHEAD
  }
  if (bytes > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`)
  if (events[events.length - 1].timestamp - events[0].timestamp > DAY_MS)
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.')
  const now = ctx.now()
  const retained = retainedFrom(group, now)
  let expiredEnd = 0
  let tooOldEnd = 0
  let tooNewStart = events.length
  events.forEach((e, i) => {
    if (e.timestamp < retained) expiredEnd = i + 1
    if (e.timestamp < now - 14 * DAY_MS) tooOldEnd = i + 1
    if (e.timestamp > now + 2 * HOUR_MS && tooNewStart === events.length) tooNewStart = i
  })
  const first = Math.max(expiredEnd, tooOldEnd)
  const { logs } = ctx.world
  for (let i = first; i < tooNewStart; i++) {
    const e = events[i]
    ctx.putLogEvent({ s: stream.id, t: e.timestamp, m: e.message, i: now, n: logs.nextEventNumber++ })
    stream.storedBytes += e.message.length
    if (stream.firstEventTimestamp === undefined || e.timestamp < stream.firstEventTimestamp) stream.firstEventTimestamp = e.timestamp
    if (stream.lastEventTimestamp === undefined || e.timestamp > stream.lastEventTimestamp) stream.lastEventTimestamp = e.timestamp
    stream.lastIngestionTime = now
  }
  const rejected: Record<string, number> = {}
  if (tooNewStart < events.length) rejected.tooNewLogEventStartIndex = tooNewStart
  if (tooOldEnd > 0) rejected.tooOldLogEventEndIndex = tooOldEnd
  if (expiredEnd > 0) rejected.expiredLogEventEndIndex = expiredEnd
  return { nextSequenceToken: pageToken(logs.nextEventNumber), ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}) }
})

/**
 * GetLogEvents: one stream's events in time order, a page at a time. Without a token, `startFromHead` starts at the
 * oldest event, otherwise the page ends with the newest (the API's default). Tokens are `f/…` (forward) and `b/…`
 * (backward); at the end of the stream the same forward token comes back, which is how clients know to stop.
 */
export const getLogEvents = handler((ctx, input: { logGroupName?: string; logStreamName: string; startTime?: number; endTime?: number; nextToken?: string; limit?: number; startFromHead?: boolean }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  const stream = findStream(group, input.logStreamName)
  const limit = input.limit ?? MAX_EVENTS
  if (!(limit >= 1 && limit <= MAX_EVENTS)) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${MAX_EVENTS}`)
  const from = Math.max(input.startTime ?? -Infinity, retainedFrom(group, ctx.now()))
  const events = eventsOf(ctx.world, [stream], from, input.endTime ?? Infinity)
  let start: number
  let end: number
  const token = input.nextToken === undefined ? undefined : /^([fb])\/(\d{1,56})$/.exec(input.nextToken)
  if (input.nextToken !== undefined && !token) throw invalidParameter('The specified nextToken is invalid.')
  if (token?.[1] === 'f') {
    start = Math.min(Number(token[2]), events.length)
    end = Math.min(start + limit, events.length)
  } else if (token?.[1] === 'b') {
    end = Math.min(Number(token[2]), events.length)
    start = Math.max(0, end - limit)
  } else if (input.startFromHead) {
    start = 0
    end = Math.min(limit, events.length)
  } else {
    end = events.length
    start = Math.max(0, end - limit)
  }
  return {
    events: events.slice(start, end).map((e) => ({ timestamp: e.t, message: e.m, ingestionTime: e.i })),
    nextForwardToken: `f/${pageToken(end)}`,
    nextBackwardToken: `b/${pageToken(start)}`,
  }
})
