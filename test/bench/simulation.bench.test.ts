import { it } from 'vitest'
import { ok, setUp } from './fleet.ts'

/**
 * `npm run bench`: the simulation at scale (issue 5). Prints figures, asserts nothing (house rule 7).
 * One virtual hour of 50 services with 1,000 Fargate tasks behind 10 ALBs (5 target groups each, path rules),
 * with a rolling deployment of every service at the half hour. Targets: under 1 s wall time, under 200 MB heap.
 * (The traffic benchmark is its own file, so each runs in a fresh worker.)
 */
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

it('one virtual hour: 50 services, 1,000 Fargate tasks, 10 ALBs, a rolling deployment', () => {
  const setupStart = performance.now()
  const { sandbox, services } = setUp(10, 5, 20)
  const setupMs = performance.now() - setupStart
  let peak = process.memoryUsage().heapUsed
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed))
  let advanceMs = 0
  const advance = () => {
    const t = performance.now()
    sandbox.advance(60_000)
    advanceMs += performance.now() - t
    sample()
  }
  const start = performance.now()
  for (let minute = 0; minute < 30; minute++) advance()
  const deployStart = performance.now()
  for (let i = 0; i < services; i++) ok(sandbox, `aws ecs update-service --cluster bench --service s${i} --task-definition web:2`)
  const deployMs = performance.now() - deployStart
  for (let minute = 0; minute < 30; minute++) advance()
  const wall = performance.now() - start
  const cluster = ok(sandbox, 'aws ecs describe-clusters --clusters bench --query clusters[0]') as unknown as { runningTasksCount: number }
  const healthy = Object.values(sandbox.world().elbv2.targets).flat().filter((t) => t.state === 'healthy').length
  console.log(
    [
      `simulated hour: ${services} services, ${cluster.runningTasksCount} running tasks, ${healthy} healthy targets behind 10 ALBs at the end`,
      `set-up (CLI, not counted): ${Math.round(setupMs)} ms`,
      `wall time for the hour: ${Math.round(wall)} ms in all (target < 1000 ms)`,
      `  simulation (advance, 60 steps of one virtual minute): ${Math.round(advanceMs)} ms`,
      `  the ${services} update-service commands (CLI + ECS, undo log for rollback): ${Math.round(deployMs)} ms`,
      `peak heap: ${mb(peak)} (target < 200 MB)`,
    ].join('\n'),
  )
}, 600_000)
