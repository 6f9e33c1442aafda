export { MetricsPanel } from './MetricsPanel.tsx'
export { MetricsTab } from './MetricsTab.tsx'
export { TimeSeriesChart, type Series, type Threshold, type TimeSeriesChartProps } from './TimeSeriesChart.tsx'
