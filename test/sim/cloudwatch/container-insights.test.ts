import { describe, expect, it } from 'vitest'
import { json, run, webService, type Sandbox } from './harness.ts'

const GROUP = '/aws/ecs/containerinsights/demo/performance'
const START = '2026-01-05T09:00:00Z'
const END = '2026-01-05T12:00:00Z'

/** Per-minute averages of one metric, oldest first. */
function averages(sandbox: Sandbox, namespace: string, metric: string, dimensions: string): number[] {
  const out = json(sandbox, `aws cloudwatch get-metric-statistics --namespace ${namespace} --metric-name ${metric} --dimensions ${dimensions} --start-time ${START} --end-time ${END} --period 60 --statistics Average`)
  return (out.Datapoints as { Timestamp: string; Average: number }[]).sort((a, b) => (a.Timestamp < b.Timestamp ? -1 : 1)).map((d) => d.Average)
}

function query(sandbox: Sandbox, text: string) {
  sandbox.files.write('q.txt', text)
  const { queryId } = json(sandbox, `aws logs start-query --log-group-name ${GROUP} --start-time 0 --end-time ${Math.floor(sandbox.now() / 1000)} --query-string file://q.txt`)
  sandbox.advance(5000)
  return json(sandbox, `aws logs get-query-results --query-id ${queryId}`) as { status: string; results: { field: string; value: string }[][] }
}

const SERVICE_DIMS = 'Name=ClusterName,Value=demo Name=ServiceName,Value=web'

describe('Container Insights metrics follow what happens to the tasks', () => {
  it('a cluster with Insights on publishes ECS/ContainerInsights metrics and performance events every minute', () => {
    const sandbox = webService({ insights: 'enabled' })
    sandbox.advance(5 * 60_000)
    const metrics = json(sandbox, 'aws cloudwatch list-metrics --namespace ECS/ContainerInsights --metric-name CpuUtilized').Metrics
    expect(metrics.map((m: { Dimensions: { Name: string }[] }) => m.Dimensions.map((d) => d.Name).join(','))).toEqual(
      expect.arrayContaining(['ClusterName', 'ClusterName,TaskDefinitionFamily', 'ServiceName,ClusterName']),
    )
    const streams = json(sandbox, `aws logs describe-log-streams --log-group-name ${GROUP} --query logStreams[].logStreamName`)
    expect(streams).toContain('ServiceTelemetry-web')
    expect(streams).toContain('ClusterTelemetry-demo')
    expect(streams.filter((s: string) => /^FargateTelemetry-\d+$/.test(s)).length).toBeGreaterThan(0)
    const tasks = json(sandbox, `aws logs filter-log-events --log-group-name ${GROUP} --filter-pattern '{ $.Type = "Task" }' --query 'events[].message'`).map((m: string) => JSON.parse(m))
    expect(tasks[0]).toMatchObject({ Version: '0', Type: 'Task', ClusterName: 'demo', TaskDefinitionFamily: 'web', ServiceName: 'web', KnownStatus: 'RUNNING', LaunchType: 'FARGATE', CpuReserved: 256, MemoryReserved: 512 })
    expect(tasks[0].MemoryUtilized).toBeGreaterThan(15)
    expect(tasks[0].CloudWatchMetrics[0].Namespace).toBe('ECS/ContainerInsights')
  })

  it('with Insights off there are no ECS/ContainerInsights metrics nor performance log group, but AWS/ECS CPUUtilization is there', () => {
    const sandbox = webService({ insights: 'disabled' })
    sandbox.advance(5 * 60_000)
    expect(json(sandbox, 'aws cloudwatch list-metrics --namespace ECS/ContainerInsights').Metrics).toEqual([])
    expect(sandbox.exec(`aws logs describe-log-streams --log-group-name ${GROUP}`).stderr).toContain('ResourceNotFoundException')
    expect(averages(sandbox, 'AWS/ECS', 'CPUUtilization', SERVICE_DIMS).length).toBeGreaterThanOrEqual(5)
  })

  it('CPU rises under hey’s load, per service and per task, and falls back after it', () => {
    const sandbox = webService()
    sandbox.advance(3 * 60_000)
    const out = run(sandbox, 'hey -z 5m -c 50 http://$DNS/')
    expect(out).toContain('Status code distribution:\n  [200]\t')
    sandbox.advance(4 * 60_000)
    const cpu = averages(sandbox, 'AWS/ECS', 'CPUUtilization', SERVICE_DIMS)
    const idle = cpu.slice(0, 3)
    const busiest = Math.max(...cpu)
    expect(Math.max(...idle)).toBeLessThan(5)
    expect(busiest).toBeGreaterThan(70)
    expect(cpu.at(-1)).toBeLessThan(5)
    const perTask = query(sandbox, 'filter Type = "Task" | stats max(CpuUtilized) as peak by TaskId')
    expect(perTask.results).toHaveLength(2)
    for (const row of perTask.results) expect(Number(row.find((c) => c.field === 'peak')?.value)).toBeGreaterThan(150)
  })

  it('the course notes’ query runs over the performance events, and its typo gives no MemoryUitlized column, as AWS', () => {
    const sandbox = webService()
    sandbox.advance(60 * 60_000)
    const right = query(sandbox, 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)')
    expect(right.status).toBe('Complete')
    expect(right.results.length).toBeGreaterThanOrEqual(2)
    expect(right.results[0].map((c) => c.field)).toEqual(['bin(30m)', 'avg(CpuUtilized)', 'avg(MemoryUtilized)'])
    const typo = query(sandbox, 'stats avg(CpuUtilized), avg(MemoryUitlized) by bin(30m)')
    expect(typo.status).toBe('Complete')
    expect(typo.results[0].map((c) => c.field)).toEqual(['bin(30m)', 'avg(CpuUtilized)'])
  })

  it('a container over its hard memory limit is stopped: OutOfMemoryError, exit 137', () => {
    const sandbox = webService({ count: 1, containerExtra: ',"memory":16' })
    sandbox.advance(60_000)
    const arn = json(sandbox, 'aws ecs list-tasks --cluster demo --desired-status STOPPED').taskArns[0]
    const task = json(sandbox, `aws ecs describe-tasks --cluster demo --tasks ${arn}`).tasks[0]
    expect(task.containers[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' })
    expect(task.stoppedReason).toBe('Essential container in task exited')
  })

  it('the same seed and inputs give the same metrics, byte for byte', () => {
    const a = webService()
    const b = webService()
    for (const s of [a, b]) {
      run(s, 'hey -n 500 -c 10 http://$DNS/ > /dev/null')
      s.advance(3 * 60_000)
    }
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
  })
})

describe('performance events read the same everywhere', () => {
  it('a stream’s storedBytes is the length of the events get-log-events prints', () => {
    const sandbox = webService()
    run(sandbox, 'hey -n 3000 -c 20 http://$DNS/ > /dev/null')
    sandbox.advance(6 * 60_000)
    const streams = json(sandbox, `aws logs describe-log-streams --log-group-name ${GROUP}`).logStreams as { logStreamName: string; storedBytes: number }[]
    const fargate = streams.filter((s) => s.logStreamName.startsWith('FargateTelemetry-'))
    expect(fargate.length).toBe(2)
    for (const s of fargate) {
      const events = json(sandbox, `aws logs get-log-events --log-group-name ${GROUP} --log-stream-name ${s.logStreamName}`).events as { message: string }[]
      expect(events.length).toBeGreaterThanOrEqual(16)
      expect(s.storedBytes).toBe(events.reduce((n, e) => n + e.message.length, 0))
    }
  })

  it('Logs Insights reads the same CpuUtilized and MemoryUtilized as the events’ JSON', () => {
    const sandbox = webService()
    run(sandbox, 'hey -z 2m -c 20 http://$DNS/ > /dev/null')
    sandbox.advance(3 * 60_000)
    const events = json(sandbox, `aws logs filter-log-events --log-group-name ${GROUP} --filter-pattern '{ $.Type = "Task" }' --query 'events[].message'`).map((m: string) => JSON.parse(m)) as { TaskId: string; CpuUtilized: number; MemoryUtilized: number }[]
    const expected = new Map<string, { cpu: number; memory: number }>()
    for (const e of events) {
      const seen = expected.get(e.TaskId) ?? { cpu: -Infinity, memory: 0 }
      expected.set(e.TaskId, { cpu: Math.max(seen.cpu, e.CpuUtilized), memory: seen.memory + e.MemoryUtilized })
    }
    const rows = query(sandbox, 'filter Type = "Task" | stats max(CpuUtilized) as cpu, sum(MemoryUtilized) as memory by TaskId').results
    expect(rows).toHaveLength(expected.size)
    for (const row of rows) {
      const cell = (f: string) => row.find((c) => c.field === f)?.value
      expect({ cpu: Number(cell('cpu')), memory: Number(cell('memory')) }).toEqual(expected.get(cell('TaskId') as string))
    }
  })

  it('a snapshot taken while Insights runs resumes with the same events, and goes on as the original does', async () => {
    const { createSandbox } = await import('../../../src/sandbox/index.ts')
    const original = webService()
    run(original, 'hey -n 2000 -c 10 http://$DNS/ > /dev/null')
    original.advance(4 * 60_000)
    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(original.snapshot())) })
    const read = (s: Sandbox) => run(s, `aws logs filter-log-events --log-group-name ${GROUP}`)
    expect(read(resumed)).toBe(read(original))
    for (const s of [original, resumed]) s.advance(3 * 60_000)
    expect(read(resumed)).toBe(read(original))
    expect(JSON.stringify(resumed.snapshot())).toBe(JSON.stringify(original.snapshot()))
  })
})

describe('the awslogs log driver', () => {
  const AWSLOGS = (createGroup: boolean) => `,"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web","awslogs-region":"us-east-1","awslogs-stream-prefix":"ecs"${createGroup ? ',"awslogs-create-group":"true"' : ''}}}`

  it('sends each request’s access line to /ecs/web, stream ecs/<container>/<task id>', () => {
    const sandbox = webService({ count: 1, containerExtra: AWSLOGS(true) })
    run(sandbox, 'curl -s http://$DNS/ > /dev/null')
    const taskId = json(sandbox, 'aws ecs list-tasks --cluster demo').taskArns[0].split('/').pop()
    const events = json(sandbox, `aws logs get-log-events --log-group-name /ecs/web --log-stream-name ecs/webapp/${taskId}`).events
    expect(events.some((e: { message: string }) => /^\d+\.\d+\.\d+\.\d+ - - \[05\/Jan\/2026 \d\d:\d\d:\d\d\] "GET \/ HTTP\/1\.1" 200 -$/.test(e.message))).toBe(true)
  })

  it('a missing log group without awslogs-create-group stops the task with ResourceInitializationError', () => {
    const sandbox = webService({ count: 1, containerExtra: AWSLOGS(false) })
    const arn = json(sandbox, 'aws ecs list-tasks --cluster demo --desired-status STOPPED').taskArns[0]
    const task = json(sandbox, `aws ecs describe-tasks --cluster demo --tasks ${arn}`).tasks[0]
    expect(task.stopCode).toBe('TaskFailedToStart')
    expect(task.stoppedReason).toMatch(/^ResourceInitializationError: failed to validate logger args: .*The specified log group does not exist/)
  })
})

describe('the read model’s metricSeries', () => {
  it('gives the Insights panel the same per-minute values get-metric-statistics prints', async () => {
    const { metricSeries } = await import('../../../src/sandbox/views.ts')
    const sandbox = webService()
    sandbox.advance(5 * 60_000)
    const dims = [{ Name: 'ClusterName', Value: 'demo' }]
    const points = metricSeries(sandbox.world(), 'ECS/ContainerInsights', 'CpuUtilized', dims, { start: Date.parse(START), end: Date.parse(END) })
    expect(points.map((p) => p.value)).toEqual(averages(sandbox, 'ECS/ContainerInsights', 'CpuUtilized', 'Name=ClusterName,Value=demo'))
    expect(points.length).toBeGreaterThanOrEqual(5)
  })
})

describe('the course notes’ query over Container Insights’ own events', () => {
  it('gives the same averages, to the last digit, as the same query behind a filter that keeps every event', () => {
    const sandbox = webService({ insights: 'enabled', count: 3 })
    // Uneven work, so CPU has decimals: a few requests now and then for an hour and a half.
    for (let m = 0; m < 90; m++) {
      if (m % 7 === 0) for (let i = 0; i < 3; i++) run(sandbox, 'curl -s -o /dev/null http://$DNS/')
      sandbox.advance(60_000)
    }
    const plain = query(sandbox, 'stats avg(CpuUtilized), avg(MemoryUtilized), count(*), sum(CpuUtilized) by bin(30m)')
    const filtered = query(sandbox, 'filter ispresent(Type) | stats avg(CpuUtilized), avg(MemoryUtilized), count(*), sum(CpuUtilized) by bin(30m)')
    expect(plain.status).toBe('Complete')
    expect(plain.results.length).toBeGreaterThanOrEqual(3)
    expect(plain.results.some((row) => row.some((c) => c.field === 'avg(CpuUtilized)' && c.value.includes('.')))).toBe(true)
    expect(plain.results).toEqual(filtered.results)
  })
})
