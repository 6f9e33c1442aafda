import type { Command, Expr, Named } from './ast.ts'
import { AGGREGATES, type Accumulator } from './aggregates.ts'
import { resultTimestamp } from './time.ts'
import { compile, fromRow, TIME_FIELDS, type FieldRead } from './compile.ts'
import { DEFAULT_COLUMNS, referencedFields } from './fields.ts'
import { compare, toNumber, truthy, type Value } from './values.ts'

/** One log event as the query sees it: its discovered fields (`@timestamp`, `@message`, …) and its JSON flattened. */
export type QueryRecord = Record<string, Value>

/** Events to query, newest first, read on demand: `fill` writes event `i`'s fields into `into` and returns it. */
export interface RecordSource {
  count: number
  fill(i: number, into: QueryRecord): QueryRecord
  /**
   * A field's value of event `i`, when the source reads it without writing a row (undefined otherwise): filters and
   * stats then read fields, not rows (the course notes' query over a day of events).
   */
  column?(name: string): ((i: number) => Value) | undefined
  /**
   * The events as runs of neighbours that share their `@timestamp`, in reading order, each with `fields`' values (run
   * values of field `f`: `arrays[f][start + step * e]` for `e < count`), when the source holds every one of those
   * fields so (undefined otherwise). `stats` grouped by time alone then finds a run's group once and adds its values
   * in one loop (the course notes' query: a minute's performance events are one run).
   */
  runs?(fields: readonly string[]): ((visit: (timestamp: number, count: number, arrays: readonly ArrayLike<Value>[], start: number, step: number) => void) => void) | undefined
}

/** A group's accumulator of rows (`add`), or of a run of events at one time whose values are in arrays (`addRun`). */
interface Grouper {
  add(row: QueryRecord): void
  /** `arrays[s]`: the values of aggregate `s`'s argument (undefined for `count(*)`), read as `RecordSource.runs` says. */
  addRun(row: QueryRecord, timestamp: number, count: number, arrays: readonly (ArrayLike<Value> | undefined)[], start: number, step: number): void
  rows(): QueryRecord[]
}

/** A row of results in GetQueryResults' shape: every value a string (§6.2). */
export type ResultRow = { field: string; value: string }[]

export interface QueryOutput {
  results: ResultRow[]
  /** Records that passed the query's filters (before any `stats`), as `statistics.recordsMatched` counts them. */
  recordsMatched: number
}

/**
 * Runs parsed commands over `records` (newest first, the order the service scans in) and returns the results as
 * GetQueryResults shows them. `limit`: StartQuery's limit (the `limit` command lowers it). `ptr`: each event row's
 * `@ptr` (results carry one per row unless the query aggregates).
 */
export function evaluate(commands: Command[], source: QueryRecord[] | RecordSource, limit: number, ptr: (row: QueryRecord) => string | undefined = () => undefined): QueryOutput {
  let rows: QueryRecord[]
  let columns: string[] | undefined
  let aggregated = false
  let matched: number | undefined
  const timeColumns = new Set(TIME_FIELDS)
  let first = 0
  if (Array.isArray(source)) rows = source
  else {
    // Filters then stats (the course notes' query, and most that aggregate) need no row kept: each event is read into
    // one scratch record, tested, and added to its group. Anything else gets one record per event.
    while (commands[first]?.command === 'filter') first++
    const stats = commands[first]
    const byRuns = first === 0 && stats?.command === 'stats' ? statsByRuns(source, stats, timeColumns) : undefined
    if (stats?.command === 'stats' && byRuns) {
      matched = source.count
      rows = byRuns
      columns = [...stats.by.map((b) => b.name), ...stats.aggregates.map((a) => a.name)]
      aggregated = true
      first++
    } else if (stats?.command === 'stats') {
      const fields = columnRead(source, commands.slice(0, first + 1))
      const tests = commands.slice(0, first).map((c) => compile((c as Command & { command: 'filter' }).expr, fields?.read).get)
      const group = grouper(stats.aggregates, stats.by, timeColumns, fields?.read)
      const scratch: QueryRecord = {}
      const read = fields ? fields.at : (i: number) => source.fill(i, scratch)
      let passed = 0
      for (let i = 0; i < source.count; i++) {
        const row = read(i)
        let ok = true
        for (let t = 0; t < tests.length && ok; t++) ok = truthy(tests[t](row))
        if (!ok) continue
        passed++
        group.add(row)
      }
      matched = passed
      rows = group.rows()
      columns = [...stats.by.map((b) => b.name), ...stats.aggregates.map((a) => a.name)]
      aggregated = true
      first++
    } else {
      first = 0
      rows = new Array<QueryRecord>(source.count)
      for (let i = 0; i < source.count; i++) rows[i] = source.fill(i, {})
    }
  }
  for (const command of commands.slice(first)) {
    switch (command.command) {
      case 'fields': {
        const computed = command.items.filter((item) => !(item.expr.type === 'field' && item.expr.name === item.name))
        const compiled = computed.map((item) => ({ name: item.name, c: compile(item.expr) }))
        for (const { name, c } of compiled) if (c.time) timeColumns.add(name)
        if (compiled.length > 0) rows = rows.map((row) => withFields(row, compiled.map(({ name, c }) => [name, c.get(row)])))
        columns = [...new Set([...(columns ?? []), ...command.items.map((i) => i.name)])]
        break
      }
      case 'display':
        columns = command.names
        break
      case 'filter': {
        const test = compile(command.expr).get
        rows = rows.filter((row) => truthy(test(row)))
        break
      }
      case 'stats': {
        matched ??= rows.length
        const group = grouper(command.aggregates, command.by, timeColumns)
        for (const row of rows) group.add(row)
        rows = group.rows()
        columns = [...command.by.map((b) => b.name), ...command.aggregates.map((a) => a.name)]
        aggregated = true
        break
      }
      case 'sort': {
        const keys = command.keys.map((k) => ({ get: compile(k.expr).get, sign: k.descending ? -1 : 1 }))
        rows = [...rows].sort((a, b) => {
          for (const { get, sign } of keys) {
            const x = get(a)
            const y = get(b)
            // Rows without the value go last either way.
            if (x === undefined || y === undefined) {
              if (x !== y) return x === undefined ? 1 : -1
              continue
            }
            const c = compare(x, y) ?? 0
            if (c !== 0) return c * sign
          }
          return 0
        })
        break
      }
      case 'limit':
        limit = Math.min(limit, command.count)
        break
      case 'parse':
        rows = parse(rows, command)
        break
      case 'dedup':
        rows = dedup(rows, command.names)
        break
    }
  }
  matched ??= rows.length
  const shown = columns ?? DEFAULT_COLUMNS
  const results = rows.slice(0, limit).map((row) => {
    const cells: ResultRow = []
    for (const field of shown) {
      const value = row[field]
      if (value === undefined) continue
      cells.push({ field, value: printValue(value, timeColumns.has(field)) })
    }
    const pointer = aggregated ? undefined : ptr(row)
    if (pointer !== undefined) cells.push({ field: '@ptr', value: pointer })
    return cells
  })
  return { results, recordsMatched: matched }
}

/**
 * `stats` (with no filter before it) whose groups depend on `@timestamp` alone and whose aggregates take plain fields
 * (or count rows), over a source that gives those fields in runs: each run's group is found once, and its values are
 * added in a loop. Each accumulator sees the same values in the same order as row by row, so the results are the same
 * to the last bit. Undefined when the query or the source does not allow it.
 */
function statsByRuns(source: RecordSource, stats: Command & { command: 'stats' }, timeColumns: Set<string>): QueryRecord[] | undefined {
  if (!source.runs) return undefined
  const byFields = referencedFields([{ command: 'stats', aggregates: [], by: stats.by }])
  if (byFields.size !== 1 || !byFields.has('@timestamp')) return undefined
  const fields: string[] = []
  const argument: number[] = []
  for (const a of stats.aggregates) {
    const call = a.expr as Expr & { type: 'call' }
    const arg = call.args[0]
    if (call.name === 'count' && (arg === undefined || (arg.type === 'literal' && arg.value === '*'))) argument.push(-1)
    else if (arg?.type === 'field' && !arg.name.startsWith('@')) {
      if (!fields.includes(arg.name)) fields.push(arg.name)
      argument.push(fields.indexOf(arg.name))
    } else return undefined
  }
  const runs = source.runs(fields)
  if (!runs) return undefined
  let now = 0
  const group = grouper(stats.aggregates, stats.by, timeColumns, (name) => (name === '@timestamp' ? () => now : () => undefined))
  const row: QueryRecord = {}
  const arrays = argument.map((): ArrayLike<Value> | undefined => undefined)
  runs((timestamp, count, values, start, step) => {
    now = timestamp
    for (let s = 0; s < argument.length; s++) arrays[s] = argument[s] < 0 ? undefined : values[argument[s]]
    group.addRun(row, timestamp, count, arrays, start, step)
  })
  return group.rows()
}

/**
 * When every field `commands` read is a column of the source: a reader of fields from the columns at the current
 * event, and `at(i)`, which makes event `i` current (the row it returns only carries the place).
 */
function columnRead(source: RecordSource, commands: Command[]): { read: FieldRead; at(i: number): QueryRecord } | undefined {
  if (!source.column) return undefined
  const columns = new Map<string, (i: number) => Value>()
  for (const name of referencedFields(commands)) {
    const column = source.column(name)
    if (!column) return undefined
    columns.set(name, column)
  }
  let current = 0
  const row: QueryRecord = {}
  return {
    read: (name) => {
      const column = columns.get(name)
      return column ? () => column(current) : () => undefined
    },
    at(i) {
      current = i
      return row
    },
  }
}

function printValue(value: Value, time: boolean): string {
  if (time) {
    const n = toNumber(value)
    if (n !== undefined) return resultTimestamp(n)
  }
  return String(value)
}

/** The row with more fields, sharing the rest (a fresh object per row, its prototype the row it extends). */
function withFields(row: QueryRecord, fields: [string, Value][]): QueryRecord {
  const next = Object.create(row) as QueryRecord
  for (const [name, value] of fields) next[name] = value
  return next
}

/** A `stats` command as an accumulator of rows: `add` each row, then `rows()` gives one row per group. */
function grouper(aggregates: Named[], by: Named[], timeColumns: Set<string>, read: FieldRead = fromRow): Grouper {
  const keys = by.map((b) => compile(b.expr, read))
  const timestampOf = read('@timestamp') as (row: QueryRecord) => number
  by.forEach((b, i) => {
    if (keys[i].time) timeColumns.add(b.name)
  })
  const specs = aggregates.map((a) => {
    const call = a.expr as Expr & { type: 'call' }
    const aggregate = AGGREGATES[call.name]
    const all = call.name === 'count' && (call.args.length === 0 || (call.args[0].type === 'literal' && call.args[0].value === '*'))
    const arg = call.args[0] && !all ? compile(call.args[0], read) : undefined
    const constant = call.args[1]?.type === 'literal' ? call.args[1].value : undefined
    if (aggregate.keepsType && arg?.time) timeColumns.add(a.name)
    return { make: () => aggregate.make(all ? '*' : constant), get: arg ? arg.get : () => true }
  })
  const groups = new Map<string | number, { key: Value[]; accumulators: Accumulator[] }>()
  const single = keys.length === 1 ? keys[0].get : undefined
  let lastOne: Value
  let lastGroup: { key: Value[]; accumulators: Accumulator[] } | undefined
  const find = (row: QueryRecord): Accumulator[] => {
    // One numeric key (a bin) needs no key text: the common case, and the course notes' query. Events come in time
    // order, so a bin's events come one after another: the last group is kept at hand.
    const one = single?.(row)
    let group: { key: Value[]; accumulators: Accumulator[] } | undefined
    if (typeof one === 'number' && one === lastOne && lastGroup) group = lastGroup
    else {
      const key = single ? [one] : keys.map((k) => k.get(row))
      const id = typeof one === 'number' ? one : JSON.stringify(key)
      group = groups.get(id)
      if (!group) groups.set(id, (group = { key, accumulators: specs.map((s) => s.make()) }))
      lastOne = one
      lastGroup = group
    }
    return group.accumulators
  }
  return {
    add(row) {
      const accumulators = find(row)
      const timestamp = timestampOf(row)
      for (let i = 0; i < specs.length; i++) accumulators[i].add(specs[i].get(row), timestamp)
    },
    addRun(row, timestamp, count, arrays, start, step) {
      const accumulators = find(row)
      for (let s = 0; s < specs.length; s++) {
        const accumulator = accumulators[s]
        const values = arrays[s]
        if (values === undefined) for (let e = 0; e < count; e++) accumulator.add(true, timestamp)
        else for (let e = 0, x = start; e < count; e++, x += step) accumulator.add(values[x], timestamp)
      }
    },
    rows() {
      // With no `by`, an aggregate over no rows still answers one row (count() = 0).
      if (groups.size === 0 && by.length === 0) groups.set('', { key: [], accumulators: specs.map((s) => s.make()) })
      return [...groups.values()].map(({ key, accumulators }) => {
        const out: QueryRecord = {}
        by.forEach((b, i) => (out[b.name] = key[i]))
        aggregates.forEach((a, i) => (out[a.name] = accumulators[i].result()))
        return out
      })
    },
  }
}

/** `parse`: a glob's `*`s (lazy, but the last one takes the rest when it ends the pattern) or a regex's named groups. */
function parse(rows: QueryRecord[], command: Command & { command: 'parse' }): QueryRecord[] {
  const source = compile(command.source).get
  let regex: RegExp
  if ('glob' in command.pattern) {
    const parts = command.pattern.glob.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    regex = new RegExp(parts.map((p, i) => (i === 0 ? p : (i === parts.length - 1 && p === '' ? '(.*)' : '(.*?)') + p)).join(''), 's')
  } else regex = command.pattern.regex
  const glob = 'glob' in command.pattern
  return rows.map((row) => {
    const text = source(row)
    const m = text === undefined ? null : regex.exec(String(text))
    return withFields(row, command.names.map((name, i) => [name, m ? (glob ? m[i + 1] : m.groups?.[name]) : undefined]))
  })
}

/** Keeps the first row of each combination of values; a row missing one of them is never a duplicate. */
function dedup(rows: QueryRecord[], names: string[]): QueryRecord[] {
  const seen = new Set<string>()
  return rows.filter((row) => {
    const values = names.map((n) => row[n])
    if (values.some((v) => v === undefined)) return true
    const key = JSON.stringify(values)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
