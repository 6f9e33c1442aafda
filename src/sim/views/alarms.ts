import type { Dimension } from '../cloudwatch/state.ts'
import type { World } from '../world.ts'

export interface AlarmOnMetric {
  alarmName: string
  threshold: number
  comparisonOperator: string
  /** describe-alarms' StateValue: OK, ALARM or INSUFFICIENT_DATA. */
  stateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
  stateReason: string
}

/**
 * The metric alarms watching one metric (same namespace, name and dimension set, in any order), as describe-alarms
 * reports them: the charts draw each one's threshold with its state, so the picture and the CLI agree.
 */
export function alarmsOnMetric(world: Readonly<World>, namespace: string, metricName: string, dimensions: readonly Dimension[]): AlarmOnMetric[] {
  const key = (dims: readonly Dimension[]) => dims.map((d) => `${d.Name}=${d.Value}`).sort().join('\n')
  const wanted = key(dimensions)
  return Object.values(world.cloudwatch.alarms)
    .filter((a) => a.Namespace === namespace && a.MetricName === metricName && key(a.Dimensions) === wanted)
    .sort((a, b) => a.AlarmName.localeCompare(b.AlarmName))
    .map((a) => ({ alarmName: a.AlarmName, threshold: a.Threshold, comparisonOperator: a.ComparisonOperator, stateValue: a.StateValue, stateReason: a.StateReason }))
}
