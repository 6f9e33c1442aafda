import { AwsError, ownEntry, unproxied } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { invalidParameter } from './errors.ts'
import { evaluate, parseQuery, QuerySyntaxError, referencedFields, type RecordSource } from './insights/index.ts'
import { findGroup, retainedFrom } from './lookup.ts'
import { columnsOf, EVENT, ptrOf, type EventRecord } from './records.ts'
import type { Query } from './state.ts'

/**
 * StartQuery / GetQueryResults / StopQuery / DescribeQueries (§6.2). A query is checked when it starts (a syntax
 * error is a MalformedQueryException, §6.3), then runs on the virtual clock: Scheduled, Running after
 * `QUERY_TIMINGS.startMs`, Complete after `runMs` more, when its results are worked out over the events then stored.
 */
export const QUERY_TIMINGS = {
  /** Scheduled → Running. Seen in the console as a moment's wait; an estimate. */
  startMs: 500,
  /** Running → Complete. The course's queries finish in a second or two in the console; an estimate. */
  runMs: 1500,
}

/** StartQuery's `limit` default (API Reference: "The default is 10,000") and the most a query may return. */
const DEFAULT_LIMIT = 10_000

export const startQuery = handler((ctx, input: { logGroupName?: string; logGroupNames?: string[]; logGroupIdentifiers?: string[]; startTime: number; endTime: number; queryString: string; limit?: number; queryLanguage?: string }) => {
  const names = [...(input.logGroupName !== undefined ? [input.logGroupName] : []), ...(input.logGroupNames ?? []), ...(input.logGroupIdentifiers ?? [])]
  if (names.length === 0 && !/^\s*SOURCE\b/i.test(input.queryString)) throw invalidParameter('Log group name or identifier must be specified.')
  if (input.endTime < input.startTime) throw invalidParameter('End time should not be before the start time.')
  const limit = input.limit ?? DEFAULT_LIMIT
  if (!(limit >= 1 && limit <= DEFAULT_LIMIT)) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 10000`)
  for (const name of names) findGroup(ctx.world, name)
  try {
    parseQuery(input.queryString)
  } catch (e) {
    if (e instanceof QuerySyntaxError) throw new AwsError('MalformedQueryException', e.message)
    throw e
  }
  const queryId = ctx.rng.uuid()
  const query: Query = { queryId, queryString: input.queryString, status: 'Scheduled', createTime: ctx.now(), logGroupName: names[0], logGroupNames: names, startTime: input.startTime, endTime: input.endTime, limit }
  ctx.world.logs.queries[queryId] = query
  ctx.scheduler.schedule(ctx.now() + QUERY_TIMINGS.startMs, 'logs.query.step', { queryId })
  return { queryId }
})

/** The timer: Scheduled → Running → Complete (a stopped query stays Cancelled). */
export function queryStep(ctx: SimContext, payload: Record<string, unknown>): void {
  const query = ownEntry(ctx.world.logs.queries, String(payload.queryId))
  if (!query) return
  if (query.status === 'Scheduled') {
    query.status = 'Running'
    ctx.scheduler.schedule(ctx.now() + QUERY_TIMINGS.runMs, 'logs.query.step', { queryId: query.queryId })
  } else if (query.status === 'Running') {
    const { results, statistics } = runQuery(ctx, query)
    query.results = results
    query.statistics = statistics
    query.status = 'Complete'
  }
}

/** Fields every event has without reading its message (§6.1 discovered fields). */
const DISCOVERED = new Set(['@timestamp', '@message', '@logStream', '@log', '@ingestionTime', '@ptr'])

/**
 * Runs a query over its groups' events in its time range (epoch seconds, end inclusive), newest first. Each row
 * carries only the fields the query reads (`referencedFields`), taken from columns kept beside the events
 * (records.ts), so the course notes' query over a day of events builds small rows and parses no JSON twice.
 */
export function runQuery(ctx: SimContext, query: Pick<Query, 'queryString' | 'logGroupNames' | 'startTime' | 'endTime' | 'limit'>): Pick<Required<Query>, 'results' | 'statistics'> {
  const commands = parseQuery(query.queryString)
  const wanted = [...referencedFields(commands)]
  const jsonFields = wanted.filter((f) => !DISCOVERED.has(f))
  const want = (f: string) => wanted.includes(f)
  const [message, logStream, log, ingestion, pointer] = ['@message', '@logStream', '@log', '@ingestionTime', '@ptr'].map(want)
  // Stream numbers are small and dense: an array by number is the cheapest lookup per event.
  const sources: ({ log: string; stream: string; from: number } | undefined)[] = []
  let groupsScanned = 0
  for (const name of query.logGroupNames) {
    const group = ownEntry(ctx.world.logs.groups, name)
    if (!group) continue
    groupsScanned++
    const from = Math.max(query.startTime * 1000, retainedFrom(group, ctx.now()))
    for (const s of Object.values(group.streams)) sources[s.id] = { log: `${ctx.world.accountId}:${name}`, stream: s.logStreamName, from }
  }
  const events = unproxied(ctx.world.logs.events)
  const to = query.endTime * 1000 + 1000
  let positions = new Int32Array(events.length)
  let count = 0
  let bytesScanned = 0
  let sorted = true
  for (let p = 0, last = -Infinity; p < events.length; p++) {
    const e = events[p]
    const source = sources[e.s]
    if (source === undefined || e.t < source.from || e.t >= to) continue
    if (e.t < last) sorted = false
    last = e.t
    positions[count++] = p
    bytesScanned += e.m.length
  }
  positions = positions.subarray(0, count)
  if (!sorted) positions = Int32Array.from([...positions].sort((a, b) => events[a].t - events[b].t || a - b))
  const columns = columnsOf(events, jsonFields)
  const last = positions.length - 1
  const source: RecordSource = {
    count: positions.length,
    fill(i, record) {
      const p = positions[last - i]
      const e = events[p]
      const into = record as EventRecord
      into['@timestamp'] = e.t
      if (message) into['@message'] = e.m
      if (logStream || log) {
        const where = sources[e.s]
        if (logStream) into['@logStream'] = where?.stream
        if (log) into['@log'] = where?.log
      }
      if (ingestion) into['@ingestionTime'] = e.i
      if (pointer) into['@ptr'] = ptrOf(e)
      for (let f = 0; f < jsonFields.length; f++) into[jsonFields[f]] = columns[f][p]
      into[EVENT] = e
      return into
    },
  }
  const output = evaluate(commands, source, query.limit, (row) => {
    const e = (row as EventRecord)[EVENT]
    return e && ptrOf(e)
  })
  const recordsScanned = positions.length
  return { results: output.results, statistics: { recordsMatched: output.recordsMatched, recordsScanned, bytesScanned, logGroupsScanned: groupsScanned } }
}

const queryNotFound = (id: string) => new AwsError('ResourceNotFoundException', `Query does not exist: ${id}`)

export const getQueryResults = handler((ctx, input: { queryId: string }) => {
  const query = ownEntry(ctx.world.logs.queries, input.queryId)
  if (!query) throw queryNotFound(input.queryId)
  const s = query.statistics ?? { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0, logGroupsScanned: 0 }
  return {
    queryLanguage: 'CWLI',
    results: query.results ?? [],
    statistics: { recordsMatched: s.recordsMatched, recordsScanned: s.recordsScanned, estimatedRecordsSkipped: 0, bytesScanned: s.bytesScanned, estimatedBytesSkipped: 0, logGroupsScanned: s.logGroupsScanned },
    status: query.status,
  }
})

export const stopQuery = handler((ctx, input: { queryId: string }) => {
  const query = ownEntry(ctx.world.logs.queries, input.queryId)
  if (!query) throw queryNotFound(input.queryId)
  if (query.status !== 'Scheduled' && query.status !== 'Running') throw invalidParameter(`Query is not in Running or Scheduled state: ${input.queryId}`)
  query.status = 'Cancelled'
  return { success: true }
})

export const describeQueries = handler((ctx, input: { logGroupName?: string; status?: Query['status']; maxResults?: number }) => {
  const queries = Object.values(ctx.world.logs.queries)
    .filter((q) => (input.logGroupName === undefined || q.logGroupNames.includes(input.logGroupName)) && (input.status === undefined || q.status === input.status))
    .sort((a, b) => b.createTime - a.createTime)
    .slice(0, input.maxResults ?? 1000)
  return { queries: queries.map((q) => ({ queryLanguage: 'CWLI', queryId: q.queryId, queryString: q.queryString, status: q.status, createTime: q.createTime, logGroupName: q.logGroupName })) }
})
