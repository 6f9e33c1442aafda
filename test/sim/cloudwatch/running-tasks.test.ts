import { describe, expect, it } from 'vitest'
import { json, run, webService, type Sandbox } from './harness.ts'

const SERVICE_DIMS = 'Name=ClusterName,Value=demo Name=ServiceName,Value=web'

/** Each minute's AWS/ECS CPUUtilization SampleCount for the service (one sample per running task), oldest first. */
function samplesPerMinute(sandbox: Sandbox): number[] {
  const out = json(sandbox, `aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --dimensions ${SERVICE_DIMS} --start-time 2026-01-05T09:00:00Z --end-time 2026-01-05T12:00:00Z --period 60 --statistics SampleCount`)
  return (out.Datapoints as { Timestamp: string; SampleCount: number }[]).sort((a, b) => (a.Timestamp < b.Timestamp ? -1 : 1)).map((d) => d.SampleCount)
}

describe('the minute’s metrics count the tasks running that minute', () => {
  it('a service scaled in from 3 tasks to 1: its CPUUtilization has 3 samples a minute, then 1', () => {
    const sandbox = webService({ insights: 'disabled', count: 3 })
    sandbox.advance(2 * 60_000)
    expect(samplesPerMinute(sandbox).at(-1)).toBe(3)
    run(sandbox, 'aws ecs update-service --cluster demo --service web --desired-count 1 > /dev/null')
    sandbox.advance(10 * 60_000)
    expect(json(sandbox, 'aws ecs describe-services --cluster demo --services web --query services[0].runningCount')).toBe(1)
    expect(samplesPerMinute(sandbox).at(-1)).toBe(1)
  })

  it('Container Insights turned on for a cluster whose tasks already run: their task metrics and Task events follow', () => {
    const sandbox = webService({ insights: 'disabled', count: 2 })
    sandbox.advance(2 * 60_000)
    run(sandbox, 'aws ecs update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled > /dev/null')
    sandbox.advance(3 * 60_000)
    const metrics = json(sandbox, 'aws cloudwatch list-metrics --namespace ECS/ContainerInsights --metric-name CpuUtilized').Metrics
    expect(metrics.map((m: { Dimensions: { Name: string }[] }) => m.Dimensions.map((d) => d.Name).join(','))).toEqual(
      expect.arrayContaining(['ClusterName', 'ClusterName,TaskDefinitionFamily', 'ServiceName,ClusterName']),
    )
    const taskIds = json(sandbox, 'aws ecs list-tasks --cluster demo --query taskArns').map((arn: string) => arn.split('/').at(-1))
    const events = json(sandbox, `aws logs filter-log-events --log-group-name /aws/ecs/containerinsights/demo/performance --filter-pattern '{ $.Type = "Task" }' --query 'events[].message'`)
    const reported = new Set(events.map((m: string) => JSON.parse(m).TaskId))
    expect([...reported].sort()).toEqual([...taskIds].sort())
  })
})
