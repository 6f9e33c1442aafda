import { ownEntry, setOwnEntry } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { alarmNotFound, invalidValue } from './errors.ts'
import { aggregate, findSeries, statisticOf } from './series.ts'
import { ALARM_HISTORY_LIMIT, type Dimension, type MetricAlarm } from './state.ts'

/**
 * Metric alarms (CloudWatch User Guide, "Using Amazon CloudWatch alarms"): created in INSUFFICIENT_DATA ("Unchecked:
 * Initial alarm creation"), then evaluated on the clock every period over the last `EvaluationPeriods` periods; `M out
 * of N` breaching datapoints put it in ALARM, otherwise OK, no data at all INSUFFICIENT_DATA (missing data treated as
 * `missing`, the default). Each change is a history item and a StateReason worded as CloudWatch words it.
 */
export const ALARM_TIMER = 'cloudwatch.alarm.evaluate'
/** Evaluations run a little after each minute, once that minute's datapoints are published (publish.ts). */
const EVALUATION_DELAY_MS = 10_000

const OPERATORS: Record<string, { words: string; breaches: (v: number, t: number) => boolean }> = {
  GreaterThanOrEqualToThreshold: { words: 'greater than or equal to', breaches: (v, t) => v >= t },
  GreaterThanThreshold: { words: 'greater than', breaches: (v, t) => v > t },
  LessThanThreshold: { words: 'less than', breaches: (v, t) => v < t },
  LessThanOrEqualToThreshold: { words: 'less than or equal to', breaches: (v, t) => v <= t },
}

interface PutMetricAlarmInput {
  AlarmName: string
  AlarmDescription?: string
  ActionsEnabled?: boolean
  OKActions?: string[]
  AlarmActions?: string[]
  InsufficientDataActions?: string[]
  MetricName?: string
  Namespace?: string
  Statistic?: string
  ExtendedStatistic?: string
  Dimensions?: Dimension[]
  Period?: number
  Unit?: string
  EvaluationPeriods: number
  DatapointsToAlarm?: number
  Threshold?: number
  ComparisonOperator: string
  TreatMissingData?: string
  Metrics?: unknown[]
}

export const putMetricAlarm = handler((ctx, input: PutMetricAlarmInput) => {
  if (input.Metrics !== undefined) throw invalidValue('Alarms on metric math expressions are not simulated yet: use MetricName, Namespace, Statistic and Period.')
  if (input.MetricName === undefined || input.Namespace === undefined) throw invalidValue('Either MetricName and Namespace, or Metrics, must be specified.')
  if (input.Statistic === undefined && input.ExtendedStatistic === undefined) throw invalidValue('Either Statistic or ExtendedStatistic must be specified.')
  if (input.ExtendedStatistic !== undefined) throw invalidValue('Extended statistics (percentiles) are not simulated yet: use Statistic.')
  if (input.Period === undefined || !(input.Period >= 10) || (input.Period >= 60 ? input.Period % 60 !== 0 : ![10, 30].includes(input.Period)))
    throw invalidValue('Period must be 10, 30 or a multiple of 60.')
  if (input.Threshold === undefined) throw invalidValue('Threshold must be specified.')
  if (!OPERATORS[input.ComparisonOperator]) throw invalidValue(`The value ${input.ComparisonOperator} for parameter ComparisonOperator is not supported.`)
  const m = input.DatapointsToAlarm ?? input.EvaluationPeriods
  if (m > input.EvaluationPeriods) throw invalidValue('DatapointsToAlarm must be less than or equal to EvaluationPeriods.')
  const now = ctx.now()
  const existing = ownEntry(ctx.world.cloudwatch.alarms, input.AlarmName)
  const alarm: MetricAlarm = {
    AlarmName: input.AlarmName,
    AlarmArn: `arn:aws:cloudwatch:${ctx.world.region}:${ctx.world.accountId}:alarm:${input.AlarmName}`,
    ...(input.AlarmDescription !== undefined ? { AlarmDescription: input.AlarmDescription } : {}),
    AlarmConfigurationUpdatedTimestamp: now,
    ActionsEnabled: input.ActionsEnabled ?? true,
    OKActions: input.OKActions ?? [],
    AlarmActions: input.AlarmActions ?? [],
    InsufficientDataActions: input.InsufficientDataActions ?? [],
    StateValue: existing?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: existing?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? now,
    StateTransitionedTimestamp: existing?.StateTransitionedTimestamp ?? now,
    MetricName: input.MetricName,
    Namespace: input.Namespace,
    Statistic: input.Statistic,
    Dimensions: input.Dimensions ?? [],
    Period: input.Period,
    ...(input.Unit !== undefined ? { Unit: input.Unit } : {}),
    EvaluationPeriods: input.EvaluationPeriods,
    ...(input.DatapointsToAlarm !== undefined ? { DatapointsToAlarm: input.DatapointsToAlarm } : {}),
    Threshold: input.Threshold,
    ComparisonOperator: input.ComparisonOperator,
    ...(input.TreatMissingData !== undefined ? { TreatMissingData: input.TreatMissingData } : {}),
  }
  setOwnEntry(ctx.world.cloudwatch.alarms, input.AlarmName, alarm)
  history(ctx, alarm, 'ConfigurationUpdate', existing ? `Alarm "${alarm.AlarmName}" updated` : `Alarm "${alarm.AlarmName}" created`, { version: '1.0', type: existing ? 'Update' : 'Create', updatedAlarm: { alarmName: alarm.AlarmName, threshold: alarm.Threshold } })
  if (!existing) ctx.scheduler.schedule(nextEvaluation(now), ALARM_TIMER, { alarmName: alarm.AlarmName, arn: alarm.AlarmArn, createdAt: now })
  return {}
})

const nextEvaluation = (now: number) => (Math.floor(now / 60_000) + 1) * 60_000 + EVALUATION_DELAY_MS

function history(ctx: SimContext, alarm: MetricAlarm, type: 'ConfigurationUpdate' | 'StateUpdate' | 'Action', summary: string, data: object): void {
  const list = ctx.world.cloudwatch.alarmHistory
  list.push({ AlarmName: alarm.AlarmName, AlarmType: 'MetricAlarm', Timestamp: ctx.now(), HistoryItemType: type, HistorySummary: summary, HistoryData: JSON.stringify(data) })
  if (list.length > ALARM_HISTORY_LIMIT) list.splice(0, list.length - ALARM_HISTORY_LIMIT)
}

/** `dd/MM/yy HH:mm:ss`, as datapoints appear in a StateReason. */
function reasonTime(ms: number): string {
  const d = new Date(ms)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
}

const thresholdText = (t: number) => (Number.isInteger(t) ? t.toFixed(1) : String(t))
const valueText = (v: number) => String(Math.round(v * 1e6) / 1e6)

/** The evaluation: every minute while the alarm exists (a deleted or re-created alarm's old timer stops). */
export const evaluateAlarm: TimerHandler = (ctx, payload) => {
  const alarm = ownEntry(ctx.world.cloudwatch.alarms, String(payload.alarmName))
  if (!alarm || alarm.AlarmArn !== payload.arn) return
  ctx.scheduler.schedule(ctx.now() + 60_000, ALARM_TIMER, payload)
  const periodMs = alarm.Period * 1000
  const end = Math.floor((ctx.now() - EVALUATION_DELAY_MS) / periodMs) * periodMs
  const start = end - alarm.EvaluationPeriods * periodMs
  const series = findSeries(ctx.world, alarm.Namespace, alarm.MetricName, alarm.Dimensions)
  const points = (series && (alarm.Unit === undefined || alarm.Unit === series.Unit) ? aggregate(series, start, end, alarm.Period) : [])
    .map((a) => ({ t: a.timestamp, v: statisticOf(a, alarm.Statistic ?? 'Average') as number }))
    .reverse()
  const op = OPERATORS[alarm.ComparisonOperator]
  const m = alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods
  let next: MetricAlarm['StateValue']
  let reason: string
  const listed = `[${points.map((p) => `${valueText(p.v)} (${reasonTime(p.t)})`).join(', ')}]`
  const breaching = points.filter((p) => op.breaches(p.v, alarm.Threshold)).length
  if (points.length === 0) {
    next = alarm.TreatMissingData === 'breaching' ? 'ALARM' : alarm.TreatMissingData === 'notBreaching' ? 'OK' : alarm.TreatMissingData === 'ignore' ? alarm.StateValue : 'INSUFFICIENT_DATA'
    reason = `Insufficient Data: ${alarm.EvaluationPeriods} datapoint${alarm.EvaluationPeriods === 1 ? ' was' : 's were'} unknown.`
  } else if (breaching >= m) {
    next = 'ALARM'
    reason = points.length === 1
      ? `Threshold Crossed: 1 datapoint ${listed} was ${op.words} the threshold (${thresholdText(alarm.Threshold)}).`
      : `Threshold Crossed: ${breaching} out of the last ${points.length} datapoints ${listed} were ${op.words} the threshold (${thresholdText(alarm.Threshold)}) (minimum ${m} datapoint${m === 1 ? '' : 's'} for OK -> ALARM transition).`
  } else {
    next = 'OK'
    reason = points.length === 1
      ? `Threshold Crossed: 1 datapoint ${listed} was not ${op.words} the threshold (${thresholdText(alarm.Threshold)}).`
      : `Threshold Crossed: ${points.length - breaching} out of the last ${points.length} datapoints ${listed} were not ${op.words} the threshold (${thresholdText(alarm.Threshold)}) (minimum ${points.length - breaching} datapoint${points.length - breaching === 1 ? '' : 's'} for ALARM -> OK transition).`
  }
  const changed = next !== alarm.StateValue
  if (changed) transition(ctx, alarm, next, reason, { start, points })
  runActions(ctx, alarm, changed, points[0]?.v)
}

function transition(ctx: SimContext, alarm: MetricAlarm, next: MetricAlarm['StateValue'], reason: string, evaluated: { start: number; points: Array<{ t: number; v: number }> }): void {
  const { start, points } = evaluated
  const previous = alarm.StateValue
  const now = ctx.now()
  alarm.StateValue = next
  alarm.StateReason = reason
  alarm.StateReasonData = JSON.stringify({ version: '1.0', queryDate: new Date(now).toISOString().replace('Z', '+0000'), startDate: new Date(start).toISOString().replace('Z', '+0000'), statistic: alarm.Statistic, period: alarm.Period, recentDatapoints: points.map((p) => p.v), threshold: alarm.Threshold, evaluatedDatapoints: points.map((p) => ({ timestamp: new Date(p.t).toISOString().replace('Z', '+0000'), value: p.v })) })
  alarm.StateUpdatedTimestamp = now
  alarm.StateTransitionedTimestamp = now
  history(ctx, alarm, 'StateUpdate', `Alarm updated from ${previous} to ${next}`, { version: '1.0', oldState: { stateValue: previous }, newState: { stateValue: next, stateReason: reason } })
}

/**
 * The actions of the state the alarm is in. "Except for Auto Scaling actions, the actions happen only on state
 * transitions": an Auto Scaling action (an EC2 Auto Scaling or Application Auto Scaling policy, both ARNs of the
 * `autoscaling` service) is invoked again at each evaluation while the alarm stays in that state
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-actions.html). A transition's actions leave
 * an `Action` history item; the repeats do not, so an hour in ALARM does not push the history out.
 */
function runActions(ctx: SimContext, alarm: MetricAlarm, changed: boolean, value: number | undefined): void {
  if (!alarm.ActionsEnabled) return
  const actions = alarm.StateValue === 'ALARM' ? alarm.AlarmActions : alarm.StateValue === 'OK' ? alarm.OKActions : alarm.InsufficientDataActions
  for (const actionArn of actions) {
    if (!changed && !actionArn.startsWith('arn:aws:autoscaling:')) continue
    const taken = ctx.invokeAlarmAction({ actionArn, alarmName: alarm.AlarmName, state: alarm.StateValue, ...(value !== undefined ? { value } : {}), threshold: alarm.Threshold })
    if (changed) history(ctx, alarm, 'Action', taken ? `Successfully executed action ${actionArn}` : `Failed to execute action ${actionArn}`, { actionState: taken ? 'Succeeded' : 'Failed', notificationResource: actionArn, stateUpdateTimestamp: alarm.StateUpdatedTimestamp })
  }
}

export const describeAlarms = handler((ctx, input: { AlarmNames?: string[]; AlarmNamePrefix?: string; StateValue?: string; MaxRecords?: number }) => {
  if (input.AlarmNames !== undefined && input.AlarmNamePrefix !== undefined) throw invalidValue('AlarmNames and AlarmNamePrefix cannot be specified together.')
  const alarms = Object.values(ctx.world.cloudwatch.alarms)
    .filter((a) => (input.AlarmNames === undefined || input.AlarmNames.includes(a.AlarmName)) && (input.AlarmNamePrefix === undefined || a.AlarmName.startsWith(input.AlarmNamePrefix)) && (input.StateValue === undefined || a.StateValue === input.StateValue))
    .sort((a, b) => (a.AlarmName < b.AlarmName ? -1 : 1))
  return { MetricAlarms: alarms.map((a) => ({ ...a, Dimensions: a.Dimensions.map((d) => ({ ...d })) })), CompositeAlarms: [] }
})

export const describeAlarmHistory = handler((ctx, input: { AlarmName?: string; HistoryItemType?: string; StartDate?: unknown; EndDate?: unknown; MaxRecords?: number; ScanBy?: string }) => {
  const items = ctx.world.cloudwatch.alarmHistory.filter((h) => (input.AlarmName === undefined || h.AlarmName === input.AlarmName) && (input.HistoryItemType === undefined || h.HistoryItemType === input.HistoryItemType))
  const ordered = (input.ScanBy ?? 'TimestampDescending') === 'TimestampDescending' ? [...items].reverse() : [...items]
  return { AlarmHistoryItems: ordered.slice(0, input.MaxRecords ?? 100).map((h) => ({ ...h })) }
})

export const deleteAlarms = handler((ctx, input: { AlarmNames: string[] }) => {
  for (const name of input.AlarmNames) if (!ownEntry(ctx.world.cloudwatch.alarms, name)) throw alarmNotFound(`An alarm named ${name} does not exist.`)
  for (const name of input.AlarmNames) delete ctx.world.cloudwatch.alarms[name]
  return {}
})
