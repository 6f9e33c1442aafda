import type { SimContext, TimerHandler } from '../context.ts'
import type { World } from '../world.ts'
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
  const clusters = new Map<string, { name: string; tasks: number; insights: string }>()
  let running = 0
  for (const taskArn in world.ecs.tasks) {
    const task = world.ecs.tasks[taskArn]
    if (task.lastStatus !== 'RUNNING') continue
    running++
    const usage = taskUsage(world, task, minute, requests.get(taskArn) ?? 0, checks)
    if (killOutOfMemory(ctx, ctx.world.ecs.tasks[taskArn], usage)) continue
    const f = factsOf(world, task)
    const insights = insightsOf(ctx, task.clusterArn)
    const cluster = clusters.get(task.clusterArn) ?? { name: f.clusterName, tasks: 0, insights }
    cluster.tasks++
    clusters.set(task.clusterArn, cluster)
    const cpu = sum(usage, 'cpu')
    const memory = sum(usage, 'memory')
    const cpuReserved = Number(task.cpu) || sum(usage, 'cpuReserved') || INSTANCE_CPU_UNITS
    const memoryReserved = Number(task.memory) || sum(usage, 'memoryReserved')
    if (f.serviceName !== undefined) {
      // AWS/ECS: free, every service (fidelity §5.1): utilization as a percentage of what the tasks reserve.
      acc.add(f.keys.aws[0], 'AWS/ECS', 'CPUUtilization', f.awsDims, 'Percent', (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add(f.keys.aws[1], 'AWS/ECS', 'MemoryUtilization', f.awsDims, 'Percent', (memory / memoryReserved) * 100)
    }
    if (insights === 'disabled') continue
    const values = [cpu, cpuReserved, memory, memoryReserved, sum(usage, 'rxBytes'), sum(usage, 'txBytes'), sum(usage, 'storageRead'), sum(usage, 'storageWrite')]
    f.sets.forEach((dims, d) => TASK_METRICS.forEach(([name, unit], m) => acc.add(f.keys.insights[d][m], 'ECS/ContainerInsights', name, dims, unit, values[m])))
    const { family, clusterName, serviceName, taskId, td } = f
    if (insights === 'enhanced') {
      // Enhanced observability adds task-level metrics (fidelity §5.1; the full list is unverified).
      acc.add(f.keys.enhanced[0], 'ECS/ContainerInsights', 'TaskCpuUtilization', f.enhancedDims, 'Percent', (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add(f.keys.enhanced[1], 'ECS/ContainerInsights', 'TaskMemoryUtilization', f.enhancedDims, 'Percent', (memory / memoryReserved) * 100)
    }
    const containerInstanceArn = (task as { containerInstanceArn?: string }).containerInstanceArn
    const facts: TaskFacts = { task, taskId, family, revision: String(td?.revision ?? 1), clusterName, serviceName, accountId: world.accountId, region: world.region, containerInstanceId: containerInstanceArn && lastSegment(containerInstanceArn) }
    const group = performanceGroup(clusterName)
    const stream = facts.containerInstanceId ? agentStream(facts.containerInstanceId) : fargateStream(taskId)
    produceLogEvent(ctx, group, stream, at, taskEvent(facts, at, usage), true)
    for (const u of usage) produceLogEvent(ctx, group, stream, at, containerEvent(facts, at, u), true)
  }
  publishServices(ctx, at, acc)
  for (const [clusterArn, c] of clusters) {
    if (c.insights === 'disabled') continue
    const counts = { TaskCount: c.tasks, ContainerInstanceCount: 0, ServiceCount: world.ecs.clusters[clusterArn]?.activeServicesCount ?? 0 }
    const dims = [{ Name: 'ClusterName', Value: c.name }]
    for (const [name, value] of Object.entries(counts)) acc.add(keyOf('ECS/ContainerInsights', name, dims), 'ECS/ContainerInsights', name, dims, 'Count', value)
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
function publishServices(ctx: SimContext, at: number, acc: Accumulator): void {
  const world = unproxied(ctx.world)
  for (const serviceArn in world.ecs.services) {
    const s = world.ecs.services[serviceArn]
    if (s.status !== 'ACTIVE' || insightsOf(ctx, s.clusterArn) === 'disabled') continue
    const clusterName = lastSegment(s.clusterArn)
    const counts = { DesiredTaskCount: s.desiredCount, RunningTaskCount: s.runningCount, PendingTaskCount: s.pendingCount, DeploymentCount: s.deployments.length, TaskSetCount: 0 }
    const dims = [{ Name: 'ServiceName', Value: s.serviceName }, { Name: 'ClusterName', Value: clusterName }]
    for (const [name, value] of Object.entries(counts)) acc.add(keyOf('ECS/ContainerInsights', name, dims), 'ECS/ContainerInsights', name, dims, 'Count', value)
    produceLogEvent(ctx, performanceGroup(clusterName), serviceStream(s.serviceName), at, serviceEvent(s.serviceName, clusterName, at, counts), true)
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

const TASK_METRICS: readonly [string, string][] = [
  ['CpuUtilized', 'None'],
  ['CpuReserved', 'None'],
  ['MemoryUtilized', 'Megabytes'],
  ['MemoryReserved', 'Megabytes'],
  ['NetworkRxBytes', 'Bytes/Second'],
  ['NetworkTxBytes', 'Bytes/Second'],
  ['StorageReadBytes', 'Bytes'],
  ['StorageWriteBytes', 'Bytes'],
]

const keyOf = (namespace: string, name: string, dims: readonly Dimension[]) => `${namespace}|${name}|${dims.map((d) => `${d.Name}=${d.Value}`).join('|')}`

/**
 * A running task's names, dimension sets and accumulator keys, worked out once per task (and version) rather than
 * every minute: building each key afresh per task and minute cost more than the task's whole usage model.
 */
interface TaskNames {
  version: number
  clusterName: string
  serviceName?: string
  family: string
  taskId: string
  td?: { revision: number }
  awsDims: Dimension[]
  sets: Dimension[][]
  enhancedDims: Dimension[]
  keys: { aws: string[]; insights: string[][]; enhanced: string[] }
}
const names = new WeakMap<Task, TaskNames>()

function factsOf(world: Readonly<World>, task: Task): TaskNames {
  let f = names.get(task)
  if (f && f.version === task.version) return f
  const clusterName = lastSegment(task.clusterArn)
  const serviceName = task.group.startsWith('service:') ? task.group.slice(8) : undefined
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  const family = td?.family ?? lastSegment(task.taskDefinitionArn).replace(/:\d+$/, '')
  const taskId = lastSegment(task.taskArn)
  const awsDims = serviceName === undefined ? [] : [{ Name: 'ClusterName', Value: clusterName }, { Name: 'ServiceName', Value: serviceName }]
  const sets: Dimension[][] = [[{ Name: 'ClusterName', Value: clusterName }], [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }]]
  if (serviceName !== undefined) sets.push([{ Name: 'ServiceName', Value: serviceName }, { Name: 'ClusterName', Value: clusterName }])
  const enhancedDims = [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }, { Name: 'TaskId', Value: taskId }]
  f = {
    version: task.version,
    clusterName,
    serviceName,
    family,
    taskId,
    td,
    awsDims,
    sets,
    enhancedDims,
    keys: {
      aws: ['CPUUtilization', 'MemoryUtilization'].map((n) => keyOf('AWS/ECS', n, awsDims)),
      insights: sets.map((dims) => TASK_METRICS.map(([n]) => keyOf('ECS/ContainerInsights', n, dims))),
      enhanced: ['TaskCpuUtilization', 'TaskMemoryUtilization'].map((n) => keyOf('ECS/ContainerInsights', n, enhancedDims)),
    },
  }
  names.set(task, f)
  return f
}

/** A minute's samples merged per series before they are stored: one datapoint per series per minute. */
class Accumulator {
  private readonly byKey = new Map<string, { namespace: string; name: string; dims: Dimension[]; unit: string; n: number; sum: number; min: number; max: number }>()

  add(key: string, namespace: string, name: string, dims: Dimension[], unit: string, value: number): void {
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
