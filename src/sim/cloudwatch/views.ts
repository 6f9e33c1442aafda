import type { World } from '../world.ts'
import { aggregate, findSeries, statisticOf } from './series.ts'
import type { Dimension } from './state.ts'

export interface MetricPoint {
  /** Period start, epoch ms. */
  timestamp: number
  value: number
}

/**
 * One metric's values over a time range for the Insights panel's charts: the same series and aggregation
 * `get-metric-statistics` answers from, so a chart and the CLI never disagree.
 */
export function metricSeries(world: Readonly<World>, namespace: string, metricName: string, dimensions: readonly Dimension[], range: { start: number; end: number; period?: number; statistic?: string }): MetricPoint[] {
  const series = findSeries(world, namespace, metricName, dimensions)
  if (!series) return []
  const out: MetricPoint[] = []
  for (const a of aggregate(series, range.start, range.end, range.period ?? 60)) {
    const value = statisticOf(a, range.statistic ?? 'Average')
    if (value !== undefined) out.push({ timestamp: a.timestamp, value })
  }
  return out
}
