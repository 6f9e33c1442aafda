import { expect } from 'vitest'
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.ts'

export function ok(sandbox: Sandbox, line: string): string {
  const r = sandbox.exec(line)
  expect(r.stderr, line).toBe('')
  expect(r.exitCode, line).toBe(0)
  return r.stdout
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (sandbox: Sandbox, line: string): any => JSON.parse(ok(sandbox, line))

export function fails(sandbox: Sandbox, line: string): string {
  const r = sandbox.exec(line)
  expect(r.exitCode, line).not.toBe(0)
  return r.stderr.trim()
}

/** The course notes' performance log group, with Type Task events put by hand: one per task per minute. */
export const PERFORMANCE_GROUP = '/aws/ecs/containerinsights/MyCluster/performance'

export function taskEvent(taskId: string, at: number, cpu: number, memory: number): string {
  return JSON.stringify({ Version: '0', Type: 'Task', TaskId: taskId, TaskDefinitionFamily: 'web', ClusterName: 'MyCluster', KnownStatus: 'RUNNING', LaunchType: 'FARGATE', Timestamp: at, CpuUtilized: cpu, CpuReserved: 256, MemoryUtilized: memory, MemoryReserved: 512 })
}

/** A sandbox with the performance group and `minutes` of Task events for two tasks (and one Service event per minute). */
export function withPerformanceEvents(minutes: number): { sandbox: Sandbox; start: number } {
  const sandbox = createSandbox({ seed: 7 })
  ok(sandbox, `aws logs create-log-group --log-group-name ${PERFORMANCE_GROUP}`)
  ok(sandbox, `aws logs create-log-stream --log-group-name ${PERFORMANCE_GROUP} --log-stream-name FargateTelemetry-1`)
  const start = Math.floor(sandbox.now() / 60_000) * 60_000
  const events: { timestamp: number; message: string }[] = []
  for (let m = 0; m < minutes; m++) {
    const at = start + m * 60_000
    events.push({ timestamp: at, message: taskEvent('aaaa', at, 10 + m, 100) })
    events.push({ timestamp: at, message: taskEvent('bbbb', at, 20 + m, 200) })
    events.push({ timestamp: at, message: JSON.stringify({ Version: '0', Type: 'Service', ServiceName: 'web', ClusterName: 'MyCluster', Timestamp: at, DesiredTaskCount: 2, RunningTaskCount: 2 }) })
  }
  sandbox.files.write('events.json', JSON.stringify(events))
  ok(sandbox, `aws logs put-log-events --log-group-name ${PERFORMANCE_GROUP} --log-stream-name FargateTelemetry-1 --log-events file://events.json`)
  sandbox.advance(minutes * 60_000)
  return { sandbox, start }
}

/** Starts a query over the whole history and waits for it on the clock; the results. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function query(sandbox: Sandbox, queryString: string, group = PERFORMANCE_GROUP): any {
  sandbox.files.write('q.txt', queryString)
  const end = Math.floor(sandbox.now() / 1000)
  const { queryId } = json(sandbox, `aws logs start-query --log-group-name ${group} --start-time 0 --end-time ${end} --query-string file://q.txt`)
  sandbox.advance(5_000)
  return json(sandbox, `aws logs get-query-results --query-id ${queryId}`)
}
