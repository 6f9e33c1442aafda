import { it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'
import { QUERY_TIMINGS } from '../../src/sim/logs/index.ts'

/**
 * `npm run bench`: one virtual day of Container Insights for 200 Fargate tasks (10 services of 20, Insights on):
 * the per-minute metrics model, ECS/ContainerInsights and AWS/ECS series, and the Task, Container, Service and
 * Cluster performance events (targets: < 1 s to simulate the day, < 100 MB), then the course notes' query over the
 * day (target < 50 ms). Prints figures, asserts nothing (house rule 7).
 */
const SERVICES = 10
const MINUTES = 24 * 60
const QUERY = 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)'

/** Events stored, a producer's batch counting as the events it holds (logs/state.ts `StoredLogBatch`). */
const eventCount = (sandbox: ReturnType<typeof createSandbox>) => sandbox.world().logs.events.reduce((n, e) => n + ('count' in e ? e.count : 1), 0)

/** CPU time of this process, ms: on a machine shared with other jobs, wall time also counts their turns. */
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const heapMb = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

it('a day of Container Insights for 200 tasks, and the course notes’ query over it', () => {
  const sandbox = createSandbox()
  const subnets = Object.keys(sandbox.world().ec2.subnets).join(',')
  sandbox.exec('aws ecs create-cluster --cluster-name bench --settings name=containerInsights,value=enabled')
  sandbox.exec(`aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"nginx","portMappings":[{"containerPort":80}]}]'`)
  for (let i = 0; i < SERVICES; i++)
    sandbox.exec(`aws ecs create-service --cluster bench --service-name s${i} --task-definition web --desired-count 20 --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnets}],assignPublicIp=ENABLED}"`)
  sandbox.advance(5 * 60_000)
  const before = heapMb()
  const eventsBefore = eventCount(sandbox)
  const t0 = performance.now()
  const c0 = cpuMs()
  sandbox.advance(MINUTES * 60_000)
  const dayMs = performance.now() - t0
  const dayCpuMs = cpuMs() - c0
  const afterDay = heapMb()
  const events = eventCount(sandbox) - eventsBefore
  const series = Object.keys(sandbox.world().cloudwatch.series).length
  const group = '/aws/ecs/containerinsights/bench/performance'
  const run = () => {
    sandbox.files.write('q.txt', QUERY)
    const { queryId } = JSON.parse(sandbox.exec(`aws logs start-query --log-group-name ${group} --start-time ${Math.floor(sandbox.now() / 1000) - MINUTES * 60} --end-time ${Math.floor(sandbox.now() / 1000)} --query-string file://q.txt`).stdout)
    sandbox.advance(QUERY_TIMINGS.startMs)
    const t = performance.now()
    const c = cpuMs()
    sandbox.advance(QUERY_TIMINGS.runMs)
    const ms = performance.now() - t
    const cpu = cpuMs() - c
    const out = JSON.parse(sandbox.exec(`aws logs get-query-results --query-id ${queryId}`).stdout)
    return { ms, cpu, rows: out.results.length, scanned: out.statistics.recordsScanned }
  }
  const cold = run()
  const runs = [run(), run(), run()]
  const warm = runs.map((r) => r.ms).sort((a, b) => a - b)
  const warmCpu = runs.map((r) => r.cpu).sort((a, b) => a - b)
  console.log(
    [
      `Container Insights: one virtual day, ${SERVICES * 20} tasks, Insights on:`,
      `  simulate the day: ${Math.round(dayMs)} ms (CPU time ${Math.round(dayCpuMs)} ms; target < 1,000 ms); ${events.toLocaleString('en')} performance events, ${series} metric series`,
      `  memory (heap${(globalThis as { gc?: unknown }).gc ? '' : ', without --expose-gc: rough'}): ${Math.round(afterDay - before)} MB for the day (target < 100 MB)`,
      `  '${QUERY}': ${warm[1].toFixed(1)} ms median of 3 (CPU time ${warmCpu[1].toFixed(1)} ms; target < 50 ms); first run ${Math.round(cold.ms)} ms; ${cold.rows} rows, ${cold.scanned.toLocaleString('en')} records scanned`,
    ].join('\n'),
  )
}, 900_000)
