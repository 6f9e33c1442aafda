import type { World } from '../world.ts'
import { POINT, type Dimension } from './state.ts'

/**
 * Metric series: one per (namespace, metric name, dimension set), as CloudWatch identifies a metric ("a metric is
 * uniquely defined by a name, a namespace, and zero or more dimensions", CloudWatch concepts). Datapoints are statistic
 * sets; samples put in the same second are merged, so a minute's samples from 200 tasks are one point.
 */
export function seriesKey(namespace: string, metricName: string, dimensions: readonly Dimension[]): string {
  const dims = [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0)).map((d) => `${d.Name}=${d.Value}`)
  return `${namespace}|${metricName}|${dims.join(',')}`
}

/**
 * A metric's newest datapoint (sum / count of its last statistic set), or undefined before the first. Apart from
 * series.ts so that the read model (the diagram's capacity providers) can ask without bringing the engine's writers.
 */
export function latestDatapoint(world: Readonly<World>, namespace: string, metricName: string, dimensions: readonly Dimension[]): { timestamp: number; value: number } | undefined {
  const p = world.cloudwatch.series[seriesKey(namespace, metricName, dimensions)]?.points
  if (!p || p.length === 0) return undefined
  const at = p.length - POINT
  return { timestamp: p[at], value: p[at + 2] / p[at + 1] }
}
