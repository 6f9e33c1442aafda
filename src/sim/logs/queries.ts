import { AwsError, ownEntry, unproxied } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { invalidParameter } from './errors.ts'
import { evaluate, parseQuery, QuerySyntaxError, referencedFields, type RecordSource, type Value } from './insights/index.ts'
import { findGroup, retainedFrom } from './lookup.ts'
import { columnsOf, EVENT, ptrOf, type EventPlace, type EventRecord } from './records.ts'
import { formatOf } from './batches.ts'
import { isBatch, type Query, type StoredLogBatch, type StoredLogEntry, type StoredLogEvent } from './state.ts'
import type { World } from '../world.ts'

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
 * (records.ts) or answered by a producer's batch (batches.ts), so the course notes' query over a day of events builds
 * no rows, parses no JSON twice and writes no message.
 */
export function runQuery(ctx: SimContext, query: Pick<Query, 'queryString' | 'logGroupNames' | 'startTime' | 'endTime' | 'limit'>): Pick<Required<Query>, 'results' | 'statistics'> {
  const commands = parseQuery(query.queryString)
  const wanted = [...referencedFields(commands)]
  const jsonFields = wanted.filter((f) => !DISCOVERED.has(f))
  const world = unproxied(ctx.world)
  // Stream numbers are small and dense: an array by number is the cheapest lookup per event.
  const sources: ({ log: string; stream: string; from: number } | undefined)[] = []
  let groupsScanned = 0
  for (const name of query.logGroupNames) {
    const group = ownEntry(world.logs.groups, name)
    if (!group) continue
    groupsScanned++
    const from = Math.max(query.startTime * 1000, retainedFrom(group, ctx.now()))
    for (const s of Object.values(group.streams)) sources[s.id] = { log: `${world.accountId}:${name}`, stream: s.logStreamName, from }
  }
  const scanned = scan(world, sources, query.endTime * 1000 + 1000)
  const { events, count, bytesScanned } = scanned
  // Each event's place, made when a reader first needs it (a query that reads runs never does).
  let expanded: Places | undefined
  const placesOf = (): Places => (expanded ??= scanned.expand())
  const columns = columnsOf(events, jsonFields)
  const last = count - 1
  // A batch's column of a field, by the batch's place in the events (asked of its format once per query).
  const batchColumns = jsonFields.map((): ArrayLike<Value>[] => [])
  const batchColumn = (f: number, p: number): ArrayLike<Value> =>
    (batchColumns[f][p] ??= formatOf(events[p] as StoredLogBatch).column(world, events[p] as StoredLogBatch, jsonFields[f]))
  // Each field's value of event `i` (newest first, the order the query reads them): from the text columns, or from
  // the column its batch answers (looked up once per batch entry, not per event). Made when first asked for: a query
  // that reads runs (`runs` below) never needs them.
  const values: ((i: number) => Value)[] = []
  const valueOf = (f: number): ((i: number) => Value) => (values[f] ??= valueReader(f))
  const valueReader = (f: number): ((i: number) => Value) => {
    const text = columns[f]
    const byPlace = batchColumns[f]
    const { entry, index } = placesOf()
    for (let k = 0; k < count; k++) {
      const p = entry[k]
      if (index[k] >= 0 && byPlace[p] === undefined) batchColumn(f, p)
    }
    return (i) => {
      const k = last - i
      const j = index[k]
      return j < 0 ? text[entry[k]] : byPlace[entry[k]][j]
    }
  }
  const event = (i: number): StoredLogEntry => events[placesOf().entry[last - i]]
  const place = (i: number): EventPlace => {
    const e = event(i)
    const j = placesOf().index[last - i]
    return j < 0 ? (e as StoredLogEvent) : { s: placesOf().stream[last - i], n: e.n + j, t: e.t }
  }
  const message = (i: number): string => {
    const e = event(i)
    const j = placesOf().index[last - i]
    return j < 0 ? (e as StoredLogEvent).m : formatOf(e as StoredLogBatch).message(world, e as StoredLogBatch, j)
  }
  const discovered: Record<string, (i: number) => Value> = {
    '@timestamp': (i) => event(i).t,
    '@message': message,
    '@logStream': (i) => sources[placesOf().stream[last - i]]?.stream,
    '@log': (i) => sources[placesOf().stream[last - i]]?.log,
    '@ingestionTime': (i) => event(i).i,
    '@ptr': (i) => ptrOf(place(i)),
  }
  let readers: [string, (i: number) => Value][] | undefined
  const readersOf = (): [string, (i: number) => Value][] => [
    ...wanted.filter((f) => DISCOVERED.has(f)).map((f): [string, (i: number) => Value] => [f, discovered[f]]),
    ...jsonFields.map((field, f): [string, (i: number) => Value] => [field, valueOf(f)]),
  ]
  const source: RecordSource = {
    count,
    fill(i, record) {
      const into = record as EventRecord
      for (const [name, read] of (readers ??= readersOf())) into[name] = read(i)
      into[EVENT] = place(i)
      return into
    },
    column(name) {
      const f = jsonFields.indexOf(name)
      if (f >= 0) return valueOf(f)
      // The message and the pointer are written per event: no column holds them.
      return name === '@message' || name === '@ptr' ? undefined : discovered[name]
    },
    runs(fields) {
      const at = fields.map((name) => jsonFields.indexOf(name))
      if (at.some((f) => f < 0)) return undefined
      return (visit) => {
        const arrays: ArrayLike<Value>[] = at.map(() => [])
        // Reading order is newest first. In time order, the segments read backwards are the runs: a batch's segment
        // from its last event down (step -1), a single event alone.
        if (scanned.sorted) {
          const { segments } = scanned
          for (let g = segments.entry.length - 1; g >= 0; g--) {
            const p = segments.entry[g]
            const from = segments.from[g]
            if (from < 0) {
              for (let a = 0; a < at.length; a++) arrays[a] = columns[at[a]]
              visit(events[p].t, 1, arrays, p, 1)
            } else {
              for (let a = 0; a < at.length; a++) arrays[a] = batchColumn(at[a], p)
              visit(events[p].t, segments.count[g], arrays, from + segments.count[g] - 1, -1)
            }
          }
          return
        }
        // Sorted by time afterwards: a batch's events in the range still sit side by side with their indexes
        // ascending, so read backwards they are a run with step -1.
        const { entry, index } = placesOf()
        let k = last
        while (k >= 0) {
          const p = entry[k]
          const j = index[k]
          let n = 1
          if (j < 0) {
            for (let a = 0; a < at.length; a++) arrays[a] = columns[at[a]]
            visit(events[p].t, 1, arrays, p, 1)
          } else {
            while (k - n >= 0 && entry[k - n] === p && index[k - n] === j - n) n++
            for (let a = 0; a < at.length; a++) arrays[a] = batchColumn(at[a], p)
            visit(events[p].t, n, arrays, j, -1)
          }
          k -= n
        }
      }
    },
  }
  const output = evaluate(commands, source, query.limit, (row) => {
    const e = (row as EventRecord)[EVENT]
    return e && ptrOf(e)
  })
  return { results: output.results, statistics: { recordsMatched: output.recordsMatched, recordsScanned: count, bytesScanned, logGroupsScanned: groupsScanned } }
}

/** Where each event of the query's range is: its entry, its place in a batch (-1 for a single event), its stream. */
interface Places {
  entry: Int32Array
  index: Int32Array
  stream: Int32Array
}

/**
 * The events of the query's range as segments, oldest first: an entry, and for a batch the first of its events the
 * query reads (`from`, -1 for a single event) and how many follow side by side (`count`). A day of Container Insights
 * is 1,440 batches, read whole: 1,440 segments rather than 600,000 places. `expand` gives each event's place.
 */
interface Scanned {
  events: StoredLogEntry[]
  count: number
  bytesScanned: number
  /** Whether the segments are in time order (each entry's time at least the last one's). */
  sorted: boolean
  segments: { entry: number[]; from: number[]; count: number[] }
  /** Each event's place, in time order (oldest first). */
  expand(): Places
}

/**
 * A batch's distinct streams, and its events' bytes together (worked out when a query first reads the whole batch),
 * kept per batch (a batch never changes).
 */
const wholes = new WeakMap<StoredLogBatch, { streams: Int32Array; bytes?: number }>()

function wholeOf(world: World, batch: StoredLogBatch): { streams: Int32Array; bytes: number } {
  const whole = streamsOf(world, batch)
  if (whole.bytes === undefined) {
    const lengths = formatOf(batch).lengths(world, batch)
    let bytes = 0
    for (let j = 0; j < batch.count; j++) bytes += lengths[j]
    whole.bytes = bytes
  }
  return whole as { streams: Int32Array; bytes: number }
}

function streamsOf(world: World, batch: StoredLogBatch): { streams: Int32Array; bytes?: number } {
  let whole = wholes.get(batch)
  if (!whole) wholes.set(batch, (whole = { streams: Int32Array.from(new Set(Array.from(formatOf(batch).streams(world, batch)))) }))
  return whole
}

/** Whether the query reads every event of the batch: each of its streams is read from before the batch's time. */
function readWhole(world: World, batch: StoredLogBatch, fromOf: Float64Array): boolean {
  const { streams } = streamsOf(world, batch)
  for (let i = 0; i < streams.length; i++) if (!(batch.t >= (fromOf[streams[i]] ?? Infinity))) return false
  return true
}

/** The events of `sources`' streams before `to` (and from each source's start), oldest first. */
function scan(world: World, sources: readonly ({ from: number } | undefined)[], to: number): Scanned {
  const events = world.logs.events
  const segments = { entry: [] as number[], from: [] as number[], count: [] as number[] }
  let count = 0
  let bytesScanned = 0
  let sorted = true
  let latest = -Infinity
  // Each stream's start (Infinity when the query does not read it), so a batch whose streams are all read from before
  // its time is taken whole, without a look at each of its events.
  const fromOf = new Float64Array(sources.length).fill(Infinity)
  sources.forEach((source, s) => {
    if (source) fromOf[s] = source.from
  })
  for (let p = 0; p < events.length; p++) {
    const e = events[p]
    const t = e.t
    if (t >= to) continue
    if (isBatch(e) && readWhole(world, e, fromOf)) {
      const whole = wholeOf(world, e)
      segments.entry.push(p)
      segments.from.push(0)
      segments.count.push(e.count)
      count += e.count
      bytesScanned += whole.bytes
    } else if (!isBatch(e)) {
      const source = sources[e.s]
      if (source === undefined || t < source.from) continue
      segments.entry.push(p)
      segments.from.push(-1)
      segments.count.push(1)
      count++
      bytesScanned += e.m.length
    } else {
      // A batch's events are all at its time: which of its streams the query reads is all that is checked per event.
      const format = formatOf(e)
      const streams = format.streams(world, e)
      // Lengths are only worked out for a batch the query reads.
      let lengths: ArrayLike<number> | undefined
      const n = e.count
      let run = 0
      for (let j = 0; j <= n; j++) {
        const source = j < n ? sources[streams[j]] : undefined
        if (source !== undefined && t >= source.from) {
          if (lengths === undefined) lengths = format.lengths(world, e)
          bytesScanned += lengths[j]
          run++
        } else if (run > 0) {
          segments.entry.push(p)
          segments.from.push(j - run)
          segments.count.push(run)
          count += run
          run = 0
        }
      }
    }
    if (t < latest) sorted = false
    latest = Math.max(latest, t)
  }
  const expand = (): Places => {
    let places: Places = { entry: new Int32Array(count), index: new Int32Array(count), stream: new Int32Array(count) }
    let k = 0
    for (let g = 0; g < segments.entry.length; g++) {
      const p = segments.entry[g]
      const e = events[p]
      const from = segments.from[g]
      const streams = from < 0 ? undefined : formatOf(e as StoredLogBatch).streams(world, e as StoredLogBatch)
      for (let j = from; j < from + segments.count[g]; j++, k++) {
        places.entry[k] = p
        places.index[k] = from < 0 ? -1 : j
        places.stream[k] = streams ? streams[j] : (e as StoredLogEvent).s
      }
    }
    if (!sorted) {
      const before = places
      const order = timeOrder(count, (k) => events[before.entry[k]].t)
      // Plain loops: Int32Array.from with a map function goes through the iterator protocol, ten times slower here.
      places = { entry: new Int32Array(count), index: new Int32Array(count), stream: new Int32Array(count) }
      for (let k = 0; k < count; k++) {
        const o = order[k]
        places.entry[k] = before.entry[o]
        places.index[k] = before.index[o]
        places.stream[k] = before.stream[o]
      }
    }
    return places
  }
  return { events, count, bytesScanned, sorted, segments, expand }
}

/**
 * The places 0…count−1 ordered by time, ties by place (a stable sort). Where the time span and the count fit one
 * double exactly (span × 2^bits(count) < 2^53: a day of events in milliseconds with up to 2^26 of them), each key is
 * time and place in one number and a typed array sorts them natively, several times faster than a comparator over
 * 300,000 events; otherwise the comparator.
 */
function timeOrder(count: number, timeOf: (k: number) => number): ArrayLike<number> {
  const keys = new Float64Array(count)
  let min = Infinity
  let max = -Infinity
  for (let k = 0; k < count; k++) {
    const t = (keys[k] = timeOf(k))
    if (t < min) min = t
    if (t > max) max = t
  }
  const scale = 2 ** Math.ceil(Math.log2(count + 1))
  if (count === 0 || (max - min + 1) * scale > Number.MAX_SAFE_INTEGER) return Array.from({ length: count }, (_, k) => k).sort((a, b) => keys[a] - keys[b] || a - b)
  for (let k = 0; k < count; k++) keys[k] = (keys[k] - min) * scale + k
  keys.sort()
  const order = new Int32Array(count)
  for (let k = 0; k < count; k++) order[k] = keys[k] % scale
  return order
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
