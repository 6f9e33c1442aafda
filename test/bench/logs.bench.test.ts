import { it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'
import { Simulation, type SimState } from '../../src/sim/index.ts'
import { QUERY_TIMINGS } from '../../src/sim/logs/index.ts'

/**
 * `npm run bench`: the course notes' Logs Insights query over one virtual day of Container Insights performance
 * events for 200 tasks (one Type=Task event per task per minute: 288,000 events; target < 50 ms), and what those events
 * cost in memory. Prints figures, asserts nothing (house rule 7). The events are put through PutLogEvents, half a day
 * per call per task stream, shaped as the Task events of fidelity §5.2.
 */
const GROUP = '/aws/ecs/containerinsights/bench/performance'
const TASKS = 200
const MINUTES = 24 * 60
const QUERY = 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)'

function taskEvent(task: number, at: number): string {
  const taskId = (task * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(4)
  const cpu = 20 + ((task * 31 + at / 60_000) % 40)
  return JSON.stringify({
    Version: '0', Type: 'Task', TaskId: taskId, TaskDefinitionFamily: 'web', TaskDefinitionRevision: '1', ServiceName: 'web', ClusterName: 'bench',
    AccountID: '123456789012', Region: 'us-east-1', AvailabilityZone: 'us-east-1a', KnownStatus: 'RUNNING', LaunchType: 'FARGATE',
    CreatedAt: 1767603600000, StartedAt: 1767603600000, Timestamp: at, CpuUtilized: cpu, CpuReserved: 256, MemoryUtilized: 180 + (task % 50), MemoryReserved: 512,
    StorageReadBytes: 0, StorageWriteBytes: 0, NetworkRxBytes: 1200, NetworkRxPackets: 10, NetworkTxBytes: 900, NetworkTxPackets: 8,
    CloudWatchMetrics: [{ Namespace: 'ECS/ContainerInsights', Metrics: [{ Name: 'CpuUtilized', Unit: 'None' }, { Name: 'CpuReserved', Unit: 'None' }, { Name: 'MemoryUtilized', Unit: 'Megabytes' }, { Name: 'MemoryReserved', Unit: 'Megabytes' }], Dimensions: [['ClusterName'], ['ClusterName', 'TaskDefinitionFamily']] }],
  })
}

const heapMb = () => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

it('the course notes’ query over a day of performance events for 200 tasks', () => {
  const sandbox = createSandbox()
  sandbox.advance(MINUTES * 60_000)
  sandbox.exec(`aws logs create-log-group --log-group-name ${GROUP}`)
  for (let t = 0; t < TASKS; t++) sandbox.exec(`aws logs create-log-stream --log-group-name ${GROUP} --log-stream-name FargateTelemetry-${t}`)
  const sim = new Simulation(sandbox.snapshot() as unknown as SimState)
  const start = Math.floor(sim.state.now / 60_000) * 60_000 - MINUTES * 60_000
  const before = heapMb()
  let putMs = 0
  let bytes = 0
  for (let t = 0; t < TASKS; t++) {
    for (const half of [0, 1]) {
      const logEvents = []
      for (let m = half * (MINUTES / 2); m < (half + 1) * (MINUTES / 2); m++) {
        const message = taskEvent(t, start + m * 60_000)
        bytes += message.length
        logEvents.push({ timestamp: start + m * 60_000, message })
      }
      const t0 = performance.now()
      sim.call('logs', 'PutLogEvents', { logGroupName: GROUP, logStreamName: `FargateTelemetry-${t}`, logEvents })
      putMs += performance.now() - t0
    }
  }
  const stored = sim.state.world.logs.events.length
  const afterPut = heapMb()
  const run = () => {
    const { queryId } = sim.call('logs', 'StartQuery', { logGroupName: GROUP, startTime: Math.floor(start / 1000), endTime: Math.floor(sim.state.now / 1000), queryString: QUERY }) as { queryId: string }
    sim.advance(QUERY_TIMINGS.startMs)
    const t0 = performance.now()
    sim.advance(QUERY_TIMINGS.runMs)
    const ms = performance.now() - t0
    const out = sim.call('logs', 'GetQueryResults', { queryId }) as { results: unknown[]; statistics: { recordsScanned: number } }
    return { ms, rows: out.results.length, scanned: out.statistics.recordsScanned }
  }
  // How busy the machine is: one plain pass over the same events (the least any query must do), median of 5.
  const events = sim.state.world.logs.events
  const pass = () => {
    const t0 = performance.now()
    let sum = 0
    for (let i = 0; i < events.length; i++) sum += events[i].t
    if (sum === 0) throw new Error('no events')
    return performance.now() - t0
  }
  const plain = [pass(), pass(), pass(), pass(), pass()].sort((a, b) => a - b)[2]
  const cold = run()
  const afterCold = heapMb()
  const warm = [run(), run(), run(), run(), run()].map((r) => r.ms).sort((a, b) => a - b)
  console.log(
    [
      `Logs Insights: '${QUERY}' over ${stored.toLocaleString('en')} Task performance events (${TASKS} tasks × ${MINUTES} minutes), ${cold.rows} rows, ${cold.scanned.toLocaleString('en')} records scanned:`,
      `  query: ${warm[2].toFixed(1)} ms median of 5 (target < 50 ms); the first run, which reads every event's JSON once: ${Math.round(cold.ms)} ms`,
      `  for scale, a plain loop over the same events on this machine now: ${plain.toFixed(1)} ms`,
      `  put-log-events: ${Math.round(putMs)} ms for ${TASKS * 2} calls; messages ${Math.round(bytes / 1e6)} MB of JSON text`,
      `  memory (heap${(globalThis as { gc?: unknown }).gc ? '' : ', without --expose-gc: rough'}): events ${Math.round(afterPut - before)} MB; their query fields, kept after the first run ${Math.round(afterCold - afterPut)} MB`,
    ].join('\n'),
  )
}, 600_000)
