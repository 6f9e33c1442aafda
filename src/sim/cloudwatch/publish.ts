import type { SimContext, TimerHandler } from '../context.ts'
import { EXIT_TIMER } from '../ecs/taskTimers.ts'
import type { Task } from '../ecs/state.ts'
import { produceLogEvent } from '../logs/index.ts'
import { healthChecksByAddress, MINUTE_MS, minuteOf, taskUsage, type ContainerUsage } from './model.ts'
import { unproxied } from '../core/index.ts'
import { agentStream, clusterEvent, clusterStream, containerEvent, fargateStream, performanceGroup, serviceEvent, serviceStream, taskEvent, type TaskFacts } from './performanceEvents.ts'
import { putSample } from './series.ts'
import type { CloudWatchState, Dimension } from './state.ts'
import { INSTANCE_CPU_UNITS } from './usage.ts'

export const MINUTE_TIMER = 'cloudwatch.metrics.minute'

/** The message ECS gives a container the kernel's OOM killer ended (ECS troubleshooting, "OutOfMemoryError"). */
export const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage'

/**
 * Starts the per-minute publication if it is not running: called when a task starts (ECS), so a world without
 * running tasks schedules nothing.
 */
export function startMetrics(ctx: SimContext): void {
  const cw = ctx.world.cloudwatch
  if (cw.tickAt !== undefined && cw.tickAt > ctx.now()) return
  cw.tickAt = (minuteOf(ctx.now()) + 1) * MINUTE_MS
  ctx.scheduler.schedule(cw.tickAt, MINUTE_TIMER, {})
}

const insightsOf = (ctx: SimContext, clusterArn: string): string => unproxied(ctx.world).ecs.clusters[clusterArn]?.settings.find((s) => s.name === 'containerInsights')?.value ?? 'disabled'
const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

/**
 * Every minute while tasks run: each running task's usage over the minute that just ended (model.ts); a container
 * over its hard memory limit is killed (exit 137, OOM_REASON); AWS/ECS service utilization is published for every
 * service, and for clusters with Container Insights on, the ECS/ContainerInsights metrics and performance events.
 */
export const publishMinute: TimerHandler = (ctx) => {
  // Reads from the plain world: through the journal's view every task, container and attachment read is a proxy
  // (an hour of 200 tasks cost 1.5 s that way). Writes below go through `ctx.world`.
  const world = unproxied(ctx.world)
  const cw = ctx.world.cloudwatch
  const checks = healthChecksByAddress(world)
  const minute = minuteOf(ctx.now()) - 1
  const at = minute * MINUTE_MS
  const requests = requestsIn(world.cloudwatch.requests, minute)
  const acc = new Accumulator()
  const perService = new Map<string, { cluster: string; service: string }>()
  const clusters = new Map<string, { name: string; tasks: number; insights: string }>()
  let running = 0
  for (const taskArn in world.ecs.tasks) {
    const task = world.ecs.tasks[taskArn]
    if (task.lastStatus !== 'RUNNING') continue
    running++
    const usage = taskUsage(world, task, minute, requests.get(taskArn) ?? 0, checks)
    if (killOutOfMemory(ctx, ctx.world.ecs.tasks[taskArn], usage)) continue
    const clusterName = lastSegment(task.clusterArn)
    const insights = insightsOf(ctx, task.clusterArn)
    const cluster = clusters.get(task.clusterArn) ?? { name: clusterName, tasks: 0, insights }
    cluster.tasks++
    clusters.set(task.clusterArn, cluster)
    const serviceName = task.group.startsWith('service:') ? task.group.slice(8) : undefined
    const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
    const family = td?.family ?? lastSegment(task.taskDefinitionArn).replace(/:\d+$/, '')
    const cpu = sum(usage, 'cpu')
    const memory = sum(usage, 'memory')
    const cpuReserved = Number(task.cpu) || sum(usage, 'cpuReserved') || INSTANCE_CPU_UNITS
    const memoryReserved = Number(task.memory) || sum(usage, 'memoryReserved')
    if (serviceName !== undefined) {
      // AWS/ECS: free, every service (fidelity §5.1): utilization as a percentage of what the tasks reserve.
      const dims = [{ Name: 'ClusterName', Value: clusterName }, { Name: 'ServiceName', Value: serviceName }]
      acc.add('AWS/ECS', 'CPUUtilization', dims, 'Percent', (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add('AWS/ECS', 'MemoryUtilization', dims, 'Percent', (memory / memoryReserved) * 100)
      perService.set(`${task.clusterArn} ${serviceName}`, { cluster: clusterName, service: serviceName })
    }
    if (insights === 'disabled') continue
    const sets: Dimension[][] = [[{ Name: 'ClusterName', Value: clusterName }], [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }]]
    if (serviceName !== undefined) sets.push([{ Name: 'ServiceName', Value: serviceName }, { Name: 'ClusterName', Value: clusterName }])
    const values: [string, string, number][] = [
      ['CpuUtilized', 'None', cpu],
      ['CpuReserved', 'None', cpuReserved],
      ['MemoryUtilized', 'Megabytes', memory],
      ['MemoryReserved', 'Megabytes', memoryReserved],
      ['NetworkRxBytes', 'Bytes/Second', sum(usage, 'rxBytes')],
      ['NetworkTxBytes', 'Bytes/Second', sum(usage, 'txBytes')],
      ['StorageReadBytes', 'Bytes', sum(usage, 'storageRead')],
      ['StorageWriteBytes', 'Bytes', sum(usage, 'storageWrite')],
    ]
    for (const dims of sets) for (const [name, unit, value] of values) acc.add('ECS/ContainerInsights', name, dims, unit, value)
    const taskId = lastSegment(task.taskArn)
    if (insights === 'enhanced') {
      // Enhanced observability adds task-level metrics (fidelity §5.1; the full list is unverified).
      const dims = [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }, { Name: 'TaskId', Value: taskId }]
      acc.add('ECS/ContainerInsights', 'TaskCpuUtilization', dims, 'Percent', (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add('ECS/ContainerInsights', 'TaskMemoryUtilization', dims, 'Percent', (memory / memoryReserved) * 100)
    }
    const containerInstanceArn = (task as { containerInstanceArn?: string }).containerInstanceArn
    const facts: TaskFacts = { task, taskId, family, revision: String(td?.revision ?? 1), clusterName, serviceName, accountId: world.accountId, region: world.region, containerInstanceId: containerInstanceArn && lastSegment(containerInstanceArn) }
    const group = performanceGroup(clusterName)
    const stream = facts.containerInstanceId ? agentStream(facts.containerInstanceId) : fargateStream(taskId)
    produceLogEvent(ctx, group, stream, at, taskEvent(facts, at, usage), true)
    for (const u of usage) produceLogEvent(ctx, group, stream, at, containerEvent(facts, at, u), true)
  }
  publishServices(ctx, at, acc, perService)
  for (const [clusterArn, c] of clusters) {
    if (c.insights === 'disabled') continue
    const counts = { TaskCount: c.tasks, ContainerInstanceCount: 0, ServiceCount: world.ecs.clusters[clusterArn]?.activeServicesCount ?? 0 }
    for (const [name, value] of Object.entries(counts)) acc.add('ECS/ContainerInsights', name, [{ Name: 'ClusterName', Value: c.name }], 'Count', value)
    produceLogEvent(ctx, performanceGroup(c.name), clusterStream(c.name), at, clusterEvent(c.name, at, counts), true)
  }
  acc.flush(cw, at)
  forgetRequestsBefore(cw, minute)
  if (running > 0) {
    cw.tickAt = ctx.now() + MINUTE_MS
    ctx.scheduler.schedule(cw.tickAt, MINUTE_TIMER, {})
  } else {
    delete cw.tickAt
  }
}

/** Service events and counts for services of Insights clusters (every service with a running task this minute). */
function publishServices(ctx: SimContext, at: number, acc: Accumulator, services: Map<string, { cluster: string; service: string }>): void {
  const world = unproxied(ctx.world)
  for (const serviceArn in world.ecs.services) {
    const s = world.ecs.services[serviceArn]
    if (s.status !== 'ACTIVE' || insightsOf(ctx, s.clusterArn) === 'disabled') continue
    const clusterName = lastSegment(s.clusterArn)
    const counts = { DesiredTaskCount: s.desiredCount, RunningTaskCount: s.runningCount, PendingTaskCount: s.pendingCount, DeploymentCount: s.deployments.length, TaskSetCount: 0 }
    for (const [name, value] of Object.entries(counts)) acc.add('ECS/ContainerInsights', name, [{ Name: 'ServiceName', Value: s.serviceName }, { Name: 'ClusterName', Value: clusterName }], 'Count', value)
    produceLogEvent(ctx, performanceGroup(clusterName), serviceStream(s.serviceName), at, serviceEvent(s.serviceName, clusterName, at, counts), true)
    services.delete(`${s.clusterArn} ${s.serviceName}`)
  }
}

/** An essential or not, a container over its hard limit is killed by the kernel; ECS reports it so (exit 137). */
function killOutOfMemory(ctx: SimContext, task: Task, usage: readonly ContainerUsage[]): boolean {
  let killed = false
  for (const u of usage) {
    if (u.memoryLimit === undefined || u.memory <= u.memoryLimit) continue
    const container = task.containers.find((c) => c.name === u.name)
    if (!container) continue
    container.reason = OOM_REASON
    // ECS's own container-exit timer, due now: the container stops as any process that ended does (exit 137 = SIGKILL).
    ctx.scheduler.schedule(ctx.now(), EXIT_TIMER, { taskArn: task.taskArn, containerName: u.name, exitCode: 137 })
    killed = true
  }
  return killed
}

/**
 * The minute's request counts by task, read once: looking each task's `<arn>@<minute>` key up in the plain record
 * cost more than the rest of its minute (a fresh 100-character key per task), while the record holds only two minutes.
 */
function requestsIn(counts: Readonly<Record<string, number>>, minute: number): Map<string, number> {
  const out = new Map<string, number>()
  const suffix = `@${minute}`
  for (const key in counts) if (key.endsWith(suffix)) out.set(key.slice(0, -suffix.length), counts[key])
  return out
}

function forgetRequestsBefore(cw: CloudWatchState, minute: number): void {
  for (const key in cw.requests) if (Number(key.slice(key.lastIndexOf('@') + 1)) < minute) delete cw.requests[key]
}

const sum = (usage: readonly ContainerUsage[], field: 'cpu' | 'memory' | 'rxBytes' | 'txBytes' | 'storageRead' | 'storageWrite' | 'cpuReserved' | 'memoryReserved') => {
  let total = 0
  for (const u of usage) total += u[field]
  return total
}

/** A minute's samples merged per series before they are stored: one datapoint per series per minute. */
class Accumulator {
  private readonly byKey = new Map<string, { namespace: string; name: string; dims: Dimension[]; unit: string; n: number; sum: number; min: number; max: number }>()

  add(namespace: string, name: string, dims: Dimension[], unit: string, value: number): void {
    let key = `${namespace}|${name}`
    for (const d of dims) key += `|${d.Name}=${d.Value}`
    const a = this.byKey.get(key)
    if (a) {
      a.n++
      a.sum += value
      a.min = Math.min(a.min, value)
      a.max = Math.max(a.max, value)
    } else this.byKey.set(key, { namespace, name, dims, unit, n: 1, sum: value, min: value, max: value })
  }

  flush(cw: CloudWatchState, at: number): void {
    for (const a of this.byKey.values()) putSample(cw, a.namespace, a.name, a.dims, a.unit, at, a.sum, a.n, a.min, a.max)
  }
}
