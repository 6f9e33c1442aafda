import type { ServiceSim } from '../context.ts'
import { ALARM_TIMER, deleteAlarms, describeAlarmHistory, describeAlarms, evaluateAlarm, putMetricAlarm } from './alarms.ts'
import { getMetricData, getMetricStatistics, listMetrics, putMetricData } from './metrics.ts'
import { MINUTE_TIMER, publishMinute } from './publish.ts'

export { emptyCloudWatchState, type CloudWatchState, type Dimension, type MetricAlarm, type MetricSeries } from './state.ts'
export { startMetrics, OOM_REASON } from './publish.ts'
export { requestAnswered, type AnsweredRequest } from './traffic.ts'
export { startLogDrivers } from './taskLogs.ts'
export { metricSeries, type MetricPoint } from './views.ts'
export { NETWORK_RTT_MS } from './usage.ts'

/**
 * CloudWatch: metrics published from the metrics model (Container Insights, AWS/ECS) and the learner's own, read with
 * list-metrics, get-metric-statistics and get-metric-data; metric alarms evaluated on the clock.
 */
export const cloudwatch: ServiceSim = {
  operations: {
    ListMetrics: listMetrics,
    GetMetricStatistics: getMetricStatistics,
    GetMetricData: getMetricData,
    PutMetricData: putMetricData,
    PutMetricAlarm: putMetricAlarm,
    DescribeAlarms: describeAlarms,
    DescribeAlarmHistory: describeAlarmHistory,
    DeleteAlarms: deleteAlarms,
  },
  timers: {
    [MINUTE_TIMER]: publishMinute,
    [ALARM_TIMER]: evaluateAlarm,
  },
}
