import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { invalidParameter } from './errors.ts'
import { evaluate, parseQuery, QuerySyntaxError, type QueryRecord } from './insights/index.ts'
import { eventsOf, findGroup, retainedFrom } from './lookup.ts'
import { recordOf } from './records.ts'
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

/** Runs a query over its groups' events in its time range (epoch seconds, end inclusive), newest first. */
export function runQuery(ctx: SimContext, query: Pick<Query, 'queryString' | 'logGroupNames' | 'startTime' | 'endTime' | 'limit'>): Pick<Required<Query>, 'results' | 'statistics'> {
  const records: QueryRecord[] = []
  let bytesScanned = 0
  let groupsScanned = 0
  for (const name of query.logGroupNames) {
    const group = ownEntry(ctx.world.logs.groups, name)
    if (!group) continue
    groupsScanned++
    const streams = Object.values(group.streams)
    const names = new Map(streams.map((s) => [s.id, s.logStreamName]))
    const log = `${ctx.world.accountId}:${name}`
    const from = Math.max(query.startTime * 1000, retainedFrom(group, ctx.now()))
    for (const e of eventsOf(ctx.world, streams, from, query.endTime * 1000 + 1000)) {
      records.push(recordOf(e, log, names.get(e.s) ?? ''))
      bytesScanned += e.m.length
    }
  }
  if (query.logGroupNames.length > 1) records.sort((a, b) => (a['@timestamp'] as number) - (b['@timestamp'] as number))
  records.reverse()
  const output = evaluate(parseQuery(query.queryString), records, query.limit)
  return { results: output.results, statistics: { recordsMatched: output.recordsMatched, recordsScanned: records.length, bytesScanned, logGroupsScanned: groupsScanned } }
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
