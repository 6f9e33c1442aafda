import type { World } from '../world.ts'
import { POINT, type CloudWatchState, type Dimension, type MetricSeries } from './state.ts'
import { seriesKey } from './lookup.ts'

export { seriesKey }

/** Adds `count` samples summing to `sum` (min, max) at `timestamp` (ms) to the series, creating it. */
export function putSample(cw: CloudWatchState, namespace: string, metricName: string, dimensions: Dimension[], unit: string, timestamp: number, sum: number, count = 1, min = sum, max = sum): void {
  putSampleAt(cw, seriesKey(namespace, metricName, dimensions), namespace, metricName, dimensions, unit, timestamp, sum, count, min, max)
}

/** `putSample` with the series' key already known (the per-minute publication knows each key in advance). */
export function putSampleAt(cw: CloudWatchState, key: string, namespace: string, metricName: string, dimensions: readonly Dimension[], unit: string, timestamp: number, sum: number, count: number, min: number, max: number): void {
  const series = (cw.series[key] ??= { Namespace: namespace, MetricName: metricName, Dimensions: dimensions.map((d) => ({ Name: d.Name, Value: d.Value })), Unit: unit, points: [] })
  const p = series.points
  // Points are appended in time order; a sample for the same second as the last point joins it.
  let at = p.length - POINT
  if (at < 0 || p[at] < timestamp) {
    p.push(timestamp, count, sum, min, max)
    return
  }
  while (at >= 0 && p[at] > timestamp) at -= POINT
  if (at >= 0 && p[at] === timestamp) {
    p[at + 1] += count
    p[at + 2] += sum
    p[at + 3] = Math.min(p[at + 3], min)
    p[at + 4] = Math.max(p[at + 4], max)
    return
  }
  p.splice(at + POINT, 0, timestamp, count, sum, min, max)
}

export interface Aggregate {
  /** Period start, ms. */
  timestamp: number
  SampleCount: number
  Sum: number
  Minimum: number
  Maximum: number
  Average: number
}

/** A series' datapoints in [start, end) aggregated per `period` seconds, oldest first; periods without data are absent. */
export function aggregate(series: MetricSeries, start: number, end: number, period: number): Aggregate[] {
  const out: Aggregate[] = []
  const ms = period * 1000
  const p = series.points
  let current: Aggregate | undefined
  for (let i = lowerBound(p, start); i < p.length && p[i] < end; i += POINT) {
    const bucket = start + Math.floor((p[i] - start) / ms) * ms
    if (!current || current.timestamp !== bucket) {
      current = { timestamp: bucket, SampleCount: 0, Sum: 0, Minimum: Infinity, Maximum: -Infinity, Average: 0 }
      out.push(current)
    }
    current.SampleCount += p[i + 1]
    current.Sum += p[i + 2]
    current.Minimum = Math.min(current.Minimum, p[i + 3])
    current.Maximum = Math.max(current.Maximum, p[i + 4])
  }
  for (const a of out) a.Average = a.SampleCount ? a.Sum / a.SampleCount : 0
  return out
}

/** Index of the first point at or after `t` (binary search over the flat array). */
function lowerBound(p: number[], t: number): number {
  let lo = 0
  let hi = p.length / POINT
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (p[mid * POINT] < t) lo = mid + 1
    else hi = mid
  }
  return lo * POINT
}

/** The series matching a namespace, metric name and exactly these dimensions. */
export function findSeries(world: Readonly<World>, namespace: string, metricName: string, dimensions: readonly Dimension[]): MetricSeries | undefined {
  return world.cloudwatch.series[seriesKey(namespace, metricName, dimensions)]
}

/** A statistic's value from an aggregate (`p90` and other extended statistics are not simulated: undefined). */
export function statisticOf(a: Aggregate, statistic: string): number | undefined {
  switch (statistic) {
    case 'Average':
      return a.Average
    case 'Sum':
      return a.Sum
    case 'SampleCount':
      return a.SampleCount
    case 'Minimum':
      return a.Minimum
    case 'Maximum':
      return a.Maximum
  }
  return undefined
}
