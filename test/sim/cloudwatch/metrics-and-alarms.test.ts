import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { json, run, webService } from './harness.ts'

describe('aws cloudwatch metrics', () => {
  it('put-metric-data, then list-metrics and get-metric-statistics read it back per period', () => {
    const sandbox = createSandbox()
    run(sandbox, 'aws cloudwatch put-metric-data --namespace Course --metric-name Orders --value 3 --unit Count --dimensions Shop=web')
    sandbox.advance(20_000)
    run(sandbox, 'aws cloudwatch put-metric-data --namespace Course --metric-name Orders --value 5 --unit Count --dimensions Shop=web')
    expect(json(sandbox, 'aws cloudwatch list-metrics --namespace Course')).toEqual({ Metrics: [{ Namespace: 'Course', MetricName: 'Orders', Dimensions: [{ Name: 'Shop', Value: 'web' }] }] })
    const out = json(sandbox, 'aws cloudwatch get-metric-statistics --namespace Course --metric-name Orders --dimensions Name=Shop,Value=web --start-time 2026-01-05T09:00:00Z --end-time 2026-01-05T09:05:00Z --period 60 --statistics Sum Average Maximum SampleCount')
    expect(out).toEqual({ Label: 'Orders', Datapoints: [{ Timestamp: '2026-01-05T09:00:00+00:00', SampleCount: 2, Average: 4, Sum: 8, Maximum: 5, Unit: 'Count' }] })
  })

  it('get-metric-data answers each query and metric math between them, newest first', () => {
    const sandbox = createSandbox()
    for (const v of [10, 20, 30]) {
      run(sandbox, `aws cloudwatch put-metric-data --namespace Course --metric-name Hits --value ${v}`)
      sandbox.advance(60_000)
    }
    sandbox.files.write('q.json', JSON.stringify([
      { Id: 'hits', MetricStat: { Metric: { Namespace: 'Course', MetricName: 'Hits' }, Period: 60, Stat: 'Sum' } },
      { Id: 'doubled', Expression: '(hits + hits) / 1', Label: 'Twice' },
    ]))
    const out = json(sandbox, 'aws cloudwatch get-metric-data --metric-data-queries file://q.json --start-time 2026-01-05T09:00:00Z --end-time 2026-01-05T09:10:00Z')
    expect(out.MetricDataResults.map((r: { Id: string; Label: string; Values: number[] }) => [r.Id, r.Label, r.Values])).toEqual([
      ['hits', 'Hits', [30, 20, 10]],
      ['doubled', 'Twice', [60, 40, 20]],
    ])
  })

  it('refuses what CloudWatch refuses, in its words, and changes nothing', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec('aws cloudwatch put-metric-data --namespace AWS/ECS --metric-name X --value 1').stderr).toContain('(InvalidParameterValue) when calling the PutMetricData operation: The value AWS/ for parameter Namespace is invalid.')
    expect(sandbox.exec('aws cloudwatch get-metric-statistics --namespace A --metric-name B --start-time 2026-01-05T10:00:00Z --end-time 2026-01-05T09:00:00Z --period 60 --statistics Average').stderr).toContain('The parameter StartTime must be less than the parameter EndTime.')
    expect(sandbox.exec('aws cloudwatch get-metric-statistics --namespace A --metric-name B --start-time 2026-01-01T00:00:00Z --end-time 2026-01-05T09:00:00Z --period 60 --statistics Average').stderr).toContain('(InvalidParameterCombination) when calling the GetMetricStatistics operation: You have requested up to 6,300 datapoints, which exceeds the limit of 1,440.')
    expect(sandbox.exec('aws cloudwatch get-metric-statistics --namespace A --metric-name B --start-time 2026-01-05T08:00:00Z --end-time 2026-01-05T09:00:00Z --period 90 --statistics Average').stderr).toContain('The parameter Period must be a multiple of 60.')
    expect(json(sandbox, 'aws cloudwatch list-metrics').Metrics).toEqual([])
  })
})

describe('alarms change state on the clock', () => {
  it('INSUFFICIENT_DATA at creation, ALARM under hey’s load, OK after it, each change in the history', () => {
    const sandbox = webService()
    run(sandbox, 'aws cloudwatch put-metric-alarm --alarm-name web-cpu-high --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 2 --threshold 50 --comparison-operator GreaterThanThreshold')
    const alarm = () => json(sandbox, 'aws cloudwatch describe-alarms --alarm-names web-cpu-high').MetricAlarms[0]
    expect(alarm()).toMatchObject({ StateValue: 'INSUFFICIENT_DATA', StateReason: 'Unchecked: Initial alarm creation' })
    sandbox.advance(3 * 60_000)
    expect(alarm().StateValue).toBe('OK')
    expect(alarm().StateReason).toMatch(/^Threshold Crossed: 2 out of the last 2 datapoints \[[\d.]+ \(05\/01\/26 \d\d:\d\d:00\), [\d.]+ \(05\/01\/26 \d\d:\d\d:00\)\] were not greater than the threshold \(50\.0\)/)
    run(sandbox, 'hey -z 4m -c 50 http://$DNS/ > /dev/null')
    expect(alarm().StateValue).toBe('ALARM')
    expect(alarm().StateReason).toMatch(/^Threshold Crossed: 2 out of the last 2 datapoints \[.*\] were greater than the threshold \(50\.0\) \(minimum 2 datapoints for OK -> ALARM transition\)\.$/)
    sandbox.advance(4 * 60_000)
    expect(alarm().StateValue).toBe('OK')
    const history = json(sandbox, 'aws cloudwatch describe-alarm-history --alarm-name web-cpu-high --history-item-type StateUpdate --query AlarmHistoryItems[].HistorySummary')
    expect(history).toEqual(['Alarm updated from ALARM to OK', 'Alarm updated from OK to ALARM', 'Alarm updated from INSUFFICIENT_DATA to OK'])
  })

  it('runs the actions of the state it enters, and records each in the history', () => {
    const sandbox = webService()
    run(sandbox, 'aws cloudwatch put-metric-alarm --alarm-name web-cpu-high --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 1 --threshold 50 --comparison-operator GreaterThanThreshold --alarm-actions arn:aws:sns:us-east-1:123456789012:ops')
    sandbox.advance(2 * 60_000)
    const actions = () => json(sandbox, 'aws cloudwatch describe-alarm-history --alarm-name web-cpu-high --history-item-type Action --query AlarmHistoryItems[].HistorySummary')
    expect(actions()).toEqual([])
    run(sandbox, 'hey -z 3m -c 50 http://$DNS/ > /dev/null')
    // No SNS here: the action is recorded as the alarm ran it, and nothing simulates the topic.
    expect(actions()).toEqual(['Failed to execute action arn:aws:sns:us-east-1:123456789012:ops'])
  })

  it('delete-alarms removes it; deleting an unknown alarm is ResourceNotFound', () => {
    const sandbox = createSandbox()
    run(sandbox, 'aws cloudwatch put-metric-alarm --alarm-name a --namespace Course --metric-name Hits --statistic Sum --period 60 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold')
    run(sandbox, 'aws cloudwatch delete-alarms --alarm-names a')
    expect(json(sandbox, 'aws cloudwatch describe-alarms').MetricAlarms).toEqual([])
    expect(sandbox.exec('aws cloudwatch delete-alarms --alarm-names a').stderr).toContain('(ResourceNotFound) when calling the DeleteAlarms operation: An alarm named a does not exist.')
  })
})
