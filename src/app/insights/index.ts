export { TimeSeriesChart, type Series, type Threshold, type TimeSeriesChartProps } from './TimeSeriesChart.tsx'
