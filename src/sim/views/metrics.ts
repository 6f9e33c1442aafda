/**
 * Metrics for the Insights panel: one metric's values over a time range, from the same series and aggregation as
 * `aws cloudwatch get-metric-statistics` (src/sim/cloudwatch/views.ts), and the metrics there are, as list-metrics lists them.
 */
export { metricSeries, type MetricPoint } from '../cloudwatch/views.ts'
export type { Dimension as MetricDimension } from '../cloudwatch/state.ts'
