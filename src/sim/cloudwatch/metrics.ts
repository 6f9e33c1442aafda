import { handler } from '../context.ts'
import type { World } from '../world.ts'
import { invalidCombination, invalidValue, timestampOf } from './errors.ts'
import { aggregate, findSeries, putSample, statisticOf } from './series.ts'
import type { Dimension, MetricSeries } from './state.ts'

/**
 * ListMetrics, GetMetricStatistics, GetMetricData (with basic metric math) and PutMetricData over the published
 * series (series.ts). Limits as the API Reference states them: at most 1,440 datapoints per GetMetricStatistics
 * call, periods of 60 s multiples (1, 5, 10, 30 for high resolution), namespaces not starting with `AWS/` for your own.
 */
const MAX_DATAPOINTS = 1440
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']

function matchesFilters(series: MetricSeries, filters: readonly { Name: string; Value?: string }[]): boolean {
  return filters.every((f) => series.Dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)))
}

export const listMetrics = handler((ctx, input: { Namespace?: string; MetricName?: string; Dimensions?: { Name: string; Value?: string }[] }) => {
  const out = Object.values(ctx.world.cloudwatch.series)
    .filter((s) => (input.Namespace === undefined || s.Namespace === input.Namespace) && (input.MetricName === undefined || s.MetricName === input.MetricName) && matchesFilters(s, input.Dimensions ?? []))
    .sort((a, b) => (a.Namespace + a.MetricName < b.Namespace + b.MetricName ? -1 : 1))
  return { Metrics: out.map((s) => ({ Namespace: s.Namespace, MetricName: s.MetricName, Dimensions: s.Dimensions.map((d) => ({ ...d })) })) }
})

function checkPeriod(period: number): void {
  if (!(period >= 1) || (period >= 60 ? period % 60 !== 0 : ![1, 5, 10, 30].includes(period)))
    throw invalidValue('The parameter Period must be a multiple of 60.')
}

export const getMetricStatistics = handler(
  (ctx, input: { Namespace: string; MetricName: string; Dimensions?: Dimension[]; StartTime: unknown; EndTime: unknown; Period: number; Statistics?: string[]; ExtendedStatistics?: string[]; Unit?: string }) => {
    const start = timestampOf('StartTime', input.StartTime)
    const end = timestampOf('EndTime', input.EndTime)
    if (!input.Statistics?.length && !input.ExtendedStatistics?.length) throw invalidCombination('Must specify either Statistics or ExtendedStatistics, but not both.')
    if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.')
    checkPeriod(input.Period)
    const requested = Math.ceil((end - start) / (input.Period * 1000)) * ((input.Statistics?.length ?? 0) + (input.ExtendedStatistics?.length ?? 0))
    if (requested > MAX_DATAPOINTS)
      throw invalidCombination(`You have requested up to ${requested.toLocaleString('en')} datapoints, which exceeds the limit of ${MAX_DATAPOINTS.toLocaleString('en')}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`)
    const series = findSeries(ctx.world, input.Namespace, input.MetricName, input.Dimensions ?? [])
    const unit = input.Unit ?? series?.Unit ?? 'None'
    const datapoints = series && (input.Unit === undefined || input.Unit === series.Unit) ? aggregate(series, start, end, input.Period) : []
    return {
      Label: input.MetricName,
      Datapoints: datapoints.map((a) => {
        const point: Record<string, unknown> = { Timestamp: a.timestamp }
        for (const s of input.Statistics ?? []) if (STATISTICS.includes(s)) point[s] = statisticOf(a, s)
        point.Unit = unit
        return point
      }),
    }
  },
)

interface MetricDataQuery {
  Id: string
  MetricStat?: { Metric: { Namespace?: string; MetricName?: string; Dimensions?: Dimension[] }; Period: number; Stat: string; Unit?: string }
  Expression?: string
  Label?: string
  ReturnData?: boolean
  Period?: number
}

/** A result column: values by period start. */
type Column = Map<number, number>

function statColumn(world: Readonly<World>, q: MetricDataQuery, start: number, end: number): Column {
  const stat = q.MetricStat as NonNullable<MetricDataQuery['MetricStat']>
  checkPeriod(stat.Period)
  const m = stat.Metric
  const series = findSeries(world, m.Namespace ?? '', m.MetricName ?? '', m.Dimensions ?? [])
  const column: Column = new Map()
  if (!series) return column
  for (const a of aggregate(series, start, end, stat.Period)) {
    const v = statisticOf(a, stat.Stat)
    if (v !== undefined) column.set(a.timestamp, v)
  }
  return column
}

/**
 * Metric math, the basics: numbers, query ids, `+ - * /`, parentheses (CloudWatch "Using metric math"). Grammar:
 *   expr   := term (('+' | '-') term)*
 *   term   := factor (('*' | '/') factor)*
 *   factor := number | id | '(' expr ')' | '-' factor
 * Arithmetic between two series pairs their timestamps; with a number it applies to every value.
 */
function evaluateExpression(text: string, columns: Map<string, Column>, id: string): Column | number {
  const tokens = text.match(/\d+(\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/()]|\S/g) ?? []
  let at = 0
  const fail = (): never => {
    throw invalidValue(`The expression for ${id} is not valid: ${text}`)
  }
  const combine = (a: Column | number, b: Column | number, op: string): Column | number => {
    const f = (x: number, y: number) => (op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y)
    if (typeof a === 'number' && typeof b === 'number') return f(a, b)
    const out: Column = new Map()
    if (typeof a === 'number') for (const [t, v] of b as Column) out.set(t, f(a, v))
    else if (typeof b === 'number') for (const [t, v] of a) out.set(t, f(v, b))
    else for (const [t, v] of a) if (b.has(t)) out.set(t, f(v, b.get(t) as number))
    return out
  }
  const factor = (): Column | number => {
    const t = tokens[at++]
    if (t === undefined) return fail()
    if (t === '(') {
      const v = expr()
      if (tokens[at++] !== ')') fail()
      return v
    }
    if (t === '-') return combine(0, factor(), '-')
    if (/^\d/.test(t)) return Number(t)
    const column = columns.get(t)
    return column ?? fail()
  }
  const term = (): Column | number => {
    let v = factor()
    while (tokens[at] === '*' || tokens[at] === '/') {
      const op = tokens[at++]
      v = combine(v, factor(), op)
    }
    return v
  }
  const expr = (): Column | number => {
    let v = term()
    while (tokens[at] === '+' || tokens[at] === '-') {
      const op = tokens[at++]
      v = combine(v, term(), op)
    }
    return v
  }
  const value = expr()
  if (at !== tokens.length) fail()
  return value
}

export const getMetricData = handler((ctx, input: { MetricDataQueries: MetricDataQuery[]; StartTime: unknown; EndTime: unknown; ScanBy?: string; MaxDatapoints?: number }) => {
  const start = timestampOf('StartTime', input.StartTime)
  const end = timestampOf('EndTime', input.EndTime)
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.')
  const ids = new Set<string>()
  for (const q of input.MetricDataQueries) {
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(q.Id)) throw invalidValue(`The value ${q.Id} for parameter MetricDataQueries.member.Id is invalid.`)
    if (ids.has(q.Id)) throw invalidValue(`The value ${q.Id} for parameter MetricDataQueries.member.Id is duplicated.`)
    ids.add(q.Id)
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) throw invalidCombination(`Exactly one of MetricStat and Expression must be specified for ${q.Id}.`)
  }
  const columns = new Map<string, Column>()
  for (const q of input.MetricDataQueries) if (q.MetricStat) columns.set(q.Id, statColumn(ctx.world, q, start, end))
  for (const q of input.MetricDataQueries) {
    if (!q.Expression) continue
    const v = evaluateExpression(q.Expression, columns, q.Id)
    columns.set(q.Id, typeof v === 'number' ? new Map() : v)
  }
  const descending = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending'
  const results = input.MetricDataQueries.filter((q) => q.ReturnData !== false).map((q) => {
    const entries = [...(columns.get(q.Id) ?? new Map<number, number>())].sort((a, b) => (descending ? b[0] - a[0] : a[0] - b[0]))
    return { Id: q.Id, Label: q.Label ?? q.MetricStat?.Metric.MetricName ?? q.Id, Timestamps: entries.map((e) => e[0]), Values: entries.map((e) => e[1]), StatusCode: 'Complete' }
  })
  return { MetricDataResults: results, Messages: [] }
})

interface MetricDatum {
  MetricName: string
  Dimensions?: Dimension[]
  Timestamp?: unknown
  Value?: number
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number }
  Values?: number[]
  Counts?: number[]
  Unit?: string
}

export const putMetricData = handler((ctx, input: { Namespace: string; MetricData?: MetricDatum[] }) => {
  if (input.Namespace.startsWith('AWS/')) throw invalidValue(`The value AWS/ for parameter Namespace is invalid.`)
  const data = input.MetricData ?? []
  const now = ctx.now()
  const points = data.map((d, i) => {
    const at = d.Timestamp === undefined ? now : timestampOf(`MetricData.member.${i + 1}.Timestamp`, d.Timestamp)
    if (at > now + 2 * 3_600_000 || at < now - 14 * 86_400_000)
      throw invalidValue(`The parameter MetricData.member.${i + 1}.Timestamp must specify a time no more than two weeks in the past or two hours in the future.`)
    if (d.Value === undefined && d.StatisticValues === undefined && d.Values === undefined)
      throw missingValue(i)
    return { d, at: Math.floor(at / 1000) * 1000 }
  })
  for (const { d, at } of points) {
    const unit = d.Unit ?? 'None'
    const dims = d.Dimensions ?? []
    if (d.StatisticValues) putSample(ctx.world.cloudwatch, input.Namespace, d.MetricName, dims, unit, at, d.StatisticValues.Sum, d.StatisticValues.SampleCount, d.StatisticValues.Minimum, d.StatisticValues.Maximum)
    else if (d.Values) d.Values.forEach((v, j) => putSample(ctx.world.cloudwatch, input.Namespace, d.MetricName, dims, unit, at, v * (d.Counts?.[j] ?? 1), d.Counts?.[j] ?? 1, v, v))
    else putSample(ctx.world.cloudwatch, input.Namespace, d.MetricName, dims, unit, at, d.Value as number)
  }
  return {}
})

const missingValue = (i: number) => invalidCombination(`The parameters MetricData.member.${i + 1}.Value, MetricData.member.${i + 1}.StatisticValues and MetricData.member.${i + 1}.Values are mutually exclusive and you must specify one of them.`)
