import type { PerformanceTask } from './performanceEvents.ts'

/**
 * CloudWatch as plain data: the metric series published so far (Container Insights, AWS/ECS, the learner's own
 * put-metric-data), the alarms with their history, and what the traffic did to each task, per minute (the work the
 * metrics model turns into CPU, memory and network: model.ts). A task's usage is not stored: it is computed from
 * these counts, its image and its limits whenever a minute is published.
 */
export interface CloudWatchState {
  /** Keyed by `seriesKey` (series.ts): namespace, metric name and sorted dimensions. */
  series: Record<string, MetricSeries>
  alarms: Record<string, MetricAlarm>
  /** Newest last; at most ALARM_HISTORY_LIMIT items. */
  alarmHistory: AlarmHistoryItem[]
  /**
   * `<task ARN>@<epoch minute>` → requests its containers answered in that minute (load balancer and direct). Minutes
   * already published are forgotten, so this holds at most two minutes of keys.
   */
  requests: Record<string, number>
  /** When the next per-minute publication is due (undefined while no task runs). */
  tickAt?: number
  /** The tasks Container Insights' stored performance events describe (performanceBatch.ts). */
  performance: PerformanceState
}

/** The tasks performance batches name, by number, and each task's latest number. */
export interface PerformanceState {
  tasks: PerformanceTask[]
  latest: Record<string, number>
}

export interface Dimension {
  Name: string
  Value: string
}

/**
 * One metric's datapoints as statistic sets, in time order: `[timestamp, sampleCount, sum, minimum, maximum]` repeated
 * (a flat array: a day of one series is 7,200 numbers, not 1,440 objects).
 */
export interface MetricSeries {
  Namespace: string
  MetricName: string
  Dimensions: Dimension[]
  Unit: string
  points: number[]
}

export const POINT = 5

export interface MetricAlarm {
  AlarmName: string
  AlarmArn: string
  AlarmDescription?: string
  AlarmConfigurationUpdatedTimestamp: number
  ActionsEnabled: boolean
  OKActions: string[]
  AlarmActions: string[]
  InsufficientDataActions: string[]
  StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
  StateReason: string
  StateReasonData?: string
  StateUpdatedTimestamp: number
  StateTransitionedTimestamp: number
  MetricName: string
  Namespace: string
  Statistic?: string
  ExtendedStatistic?: string
  Dimensions: Dimension[]
  Period: number
  Unit?: string
  EvaluationPeriods: number
  DatapointsToAlarm?: number
  Threshold: number
  ComparisonOperator: string
  TreatMissingData?: string
}

export interface AlarmHistoryItem {
  AlarmName: string
  AlarmType: 'MetricAlarm'
  Timestamp: number
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action'
  HistorySummary: string
  HistoryData: string
}

export const ALARM_HISTORY_LIMIT = 1000

export const emptyCloudWatchState = (): CloudWatchState => ({ series: {}, alarms: {}, alarmHistory: [], requests: {}, performance: { tasks: [], latest: {} } })
