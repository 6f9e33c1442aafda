import { type SimContext, type TimerHandler } from '../context.ts'
import type { World } from '../world.ts'
import { EXIT_TIMER } from '../ecs/taskTimers.ts'
import type { Task } from '../ecs/state.ts'
import { noteStored, produceLogBatch, produceLogEvent, producerStream } from '../logs/index.ts'
import { healthChecksByAddress, MINUTE_MS, minuteOf, servedPerSecond, staticsOf, usageOf, type ContainerUsage, type UsageStatics } from './model.ts'
import { DerivedCache, ownEntry, unproxied } from '../core/index.ts'
import type { LogStream } from '../logs/state.ts'
import { agentStream, clusterEvent, clusterStream, fargateStream, performanceGroup, serviceEvent, serviceStream, usageTotals, type PerformanceTask } from './performanceEvents.ts'
import { eventLengths, PERFORMANCE_BATCH, performanceTaskNumber, type PerformanceBatchData } from './performanceBatch.ts'
import { Accumulator, cellOf, rowOf, TASK_VALUES, type Cell, type CellRow } from './metricCells.ts'
import type { CloudWatchState, Dimension } from './state.ts'
import { INSTANCE_CPU_UNITS } from './usage.ts'
import { publishTargetGroups } from './targetGroupMetrics.ts'
import { INSTANCE_METRICS, instanceEvent, instanceFigures, instanceStream, isCloudWatchAgentImage, type InstanceLoad } from './instanceEvents.ts'

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

const insightsOf = (world: Readonly<World>, clusterArn: string): string => world.ecs.clusters[clusterArn]?.settings.find((s) => s.name === 'containerInsights')?.value ?? 'disabled'
const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

/**
 * Every minute while tasks run: each running task's usage over the minute that just ended (model.ts); a container
 * over its hard memory limit is killed (exit 137, OOM_REASON); AWS/ECS service utilization is published for every
 * service, and for clusters with Container Insights on, the ECS/ContainerInsights metrics and performance events (the
 * Task and Container events of the minute as one batch: performanceBatch.ts).
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
  const batch: PerformanceBatchData = { tasks: [], rps: [], streams: [] }
  const hosts = new Map<string, InstanceLoad>()
  let events = 0
  let running = 0
  const timestampLength = String(at).length
  for (const known of runningTasks(world)) {
    const { task } = known
    const { taskArn } = task
    running++
    const { statics, names: f } = knownNow(world, known)
    const rps = servedPerSecond(world, task, statics, requests.size === 0 ? 0 : (requests.get(taskArn) ?? 0), checks)
    const usage = usageOf(statics, rps, minute)
    if (killOutOfMemory(ctx, taskArn, usage)) continue
    let cluster = clusters.get(task.clusterArn)
    if (!cluster) clusters.set(task.clusterArn, (cluster = { name: f.clusterName, tasks: 0, insights: insightsOf(world, task.clusterArn) }))
    cluster.tasks++
    const { insights } = cluster
    const totals = usageTotals(usage)
    const { cpu, memory, rxBytes: rx, txBytes: tx, storageRead: read, storageWrite: write } = totals
    const cpuReserved = Number(task.cpu) || totals.cpuReserved || INSTANCE_CPU_UNITS
    const memoryReserved = Number(task.memory) || totals.memoryReserved
    if (f.aws) {
      // AWS/ECS: free, every service (fidelity §5.1): utilization as a percentage of what the tasks reserve.
      acc.add(f.aws[0], (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add(f.aws[1], (memory / memoryReserved) * 100)
    }
    if (insights === 'disabled') continue
    const named = insightsNamesOf(task, f)
    const values = TASK_VALUES
    values[0] = cpu
    values[1] = cpuReserved
    values[2] = memory
    values[3] = memoryReserved
    values[4] = rx
    values[5] = tx
    values[6] = read
    values[7] = write
    for (const row of named.rows) acc.addRow(row, values)
    if (task.containerInstanceArn) noteOnHost(hosts, task.containerInstanceArn, f.clusterName, statics, totals)
    if (insights === 'enhanced') {
      // Enhanced observability adds task-level metrics (fidelity §5.1; the full list is unverified).
      acc.add(named.enhanced[0], (cpu / cpuReserved) * 100)
      if (memoryReserved > 0) acc.add(named.enhanced[1], (memory / memoryReserved) * 100)
    }
    const facts = performanceTaskNumber(ctx, task, statics, () => describeTask(world, task, f, statics))
    const stream = performanceStream(ctx, named)
    if (!stream) continue
    noteStored(ctx, stream, at, eventLengths(world.cloudwatch.performance.tasks[facts], timestampLength, usage, totals))
    batch.tasks.push(facts)
    batch.rps.push(rps)
    batch.streams.push(stream.id)
    events += 1 + usage.length
  }
  produceLogBatch(ctx, PERFORMANCE_BATCH, at, events, batch)
  publishServices(ctx, at, acc)
  publishInstances(ctx, at, hosts, acc)
  publishTargetGroups(ctx, at, requests)
  for (const [clusterArn, c] of clusters) {
    if (c.insights === 'disabled') continue
    const cluster = world.ecs.clusters[clusterArn]
    const counts = { TaskCount: c.tasks, ContainerInstanceCount: cluster?.registeredContainerInstancesCount ?? 0, ServiceCount: cluster?.activeServicesCount ?? 0 }
    const dims = [{ Name: 'ClusterName', Value: c.name }]
    for (const [name, value] of Object.entries(counts)) acc.add(cellOf('ECS/ContainerInsights', name, dims, 'Count'), value)
    produceLogEvent(ctx, performanceGroup(c.name), clusterStream(c.name), at, clusterEvent(c.name, at, counts), true)
  }
  acc.flush(ctx, at)
  forgetRequestsBefore(cw, minute)
  if (running > 0) {
    cw.tickAt = ctx.now() + MINUTE_MS
    ctx.scheduler.schedule(cw.tickAt, MINUTE_TIMER, {})
  } else {
    delete cw.tickAt
  }
}

/**
 * The task's performance stream, kept with its names while the Logs slice has the same version (its groups are only
 * created and deleted with a logged change; streams are never deleted but with their group) and no savepoint that
 * found it rolled back: each lookup is three of the record's own entries, for every task every minute.
 */
const streamsOf = new DerivedCache<InsightsNames, { version: number; stream: LogStream }>()

function performanceStream(ctx: SimContext, f: InsightsNames): LogStream | undefined {
  const version = unproxied(ctx.world).log.versions.logs
  const known = streamsOf.get(f)
  if (known && known.version === version) return known.stream
  const stream = producerStream(ctx, f.group, f.stream, true)
  if (stream) streamsOf.set(f, { version: unproxied(ctx.world).log.versions.logs, stream })
  return stream
}

/** What the task's performance events say of it (kept with them: performanceBatch.ts). */
function describeTask(world: Readonly<World>, task: Task, f: TaskNames, statics: UsageStatics): PerformanceTask {
  const containerInstanceArn = (task as { containerInstanceArn?: string }).containerInstanceArn
  let cpuReserved = 0
  let memoryReserved = 0
  for (const c of statics.containers) {
    cpuReserved += c.cpuReserved
    memoryReserved += c.memoryReserved
  }
  return {
    taskId: f.taskId,
    family: f.family,
    revision: String(f.td?.revision ?? 1),
    clusterName: f.clusterName,
    ...(f.serviceName === undefined ? {} : { serviceName: f.serviceName }),
    accountId: world.accountId,
    region: world.region,
    availabilityZone: task.availabilityZone ?? '',
    launchType: task.launchType,
    ...(task.pullStartedAt === undefined ? {} : { pullStartedAt: task.pullStartedAt }),
    ...(task.pullStoppedAt === undefined ? {} : { pullStoppedAt: task.pullStoppedAt }),
    createdAt: task.createdAt,
    startedAt: task.startedAt ?? task.createdAt,
    ...(containerInstanceArn ? { containerInstanceId: lastSegment(containerInstanceArn) } : {}),
    cpuReserved: Number(task.cpu) || cpuReserved,
    memoryReserved: Number(task.memory) || memoryReserved,
    ceiling: statics.ceiling,
    containers: statics.containers.map((c) => ({ ...c })),
  }
}

/** Adds a task's minute to its container instance's (Insights clusters only: the agent reports to Container Insights). */
function noteOnHost(hosts: Map<string, InstanceLoad>, ciArn: string, clusterName: string, statics: UsageStatics, totals: ReturnType<typeof usageTotals>): void {
  let load = hosts.get(ciArn)
  if (!load) hosts.set(ciArn, (load = { clusterName, cpu: 0, memory: 0, network: 0, images: new Set(), agent: false }))
  load.cpu += totals.cpu
  load.memory += totals.memory
  load.network += totals.rxBytes + totals.txBytes
  for (const c of statics.containers) {
    load.images.add(c.image)
    if (!load.agent && isCloudWatchAgentImage(c.image)) load.agent = true
  }
}

/**
 * The instance-level data of Insights clusters: for each ACTIVE container instance a running CloudWatch agent task is
 * on, its Type "Instance" event and its `instance_*` metrics (instanceEvents.ts). Without the agent, nothing.
 */
function publishInstances(ctx: SimContext, at: number, hosts: Map<string, InstanceLoad>, acc: Accumulator): void {
  const world = unproxied(ctx.world)
  for (const [ciArn, load] of hosts) {
    if (!load.agent) continue
    const ci = ownEntry(world.ecs.containerInstances, ciArn)
    if (!ci || ci.status !== 'ACTIVE') continue
    const figures = instanceFigures(world, ci, load)
    if (!figures) continue
    const ciId = lastSegment(ciArn)
    const { perCluster, perInstance } = instanceCells(load.clusterName, ciId, ci.ec2InstanceId)
    for (let m = 0; m < figures.length; m++) {
      acc.add(perCluster[m], figures[m])
      const cell = perInstance[m]
      if (cell) acc.add(cell, figures[m])
    }
    produceLogEvent(ctx, performanceGroup(load.clusterName), instanceStream(ciId), at, instanceEvent(load.clusterName, ciId, ci.ec2InstanceId, at, figures), true)
  }
}

/** An instance's metric cells (INSTANCE_METRICS' order), named once per instance rather than every minute. */
const instanceCellsById = new Map<string, { perCluster: Cell[]; perInstance: (Cell | undefined)[] }>()

function instanceCells(clusterName: string, containerInstanceId: string, instanceId: string) {
  const id = `${clusterName}|${containerInstanceId}|${instanceId}`
  let cells = instanceCellsById.get(id)
  if (!cells) {
    const cluster = [{ Name: 'ClusterName', Value: clusterName }]
    const instance = [{ Name: 'InstanceId', Value: instanceId }, { Name: 'ContainerInstanceId', Value: containerInstanceId }, ...cluster]
    cells = {
      perCluster: INSTANCE_METRICS.map(([name, unit]) => cellOf('ECS/ContainerInsights', name, cluster, unit)),
      perInstance: INSTANCE_METRICS.map(([name, unit, per]) => (per ? cellOf('ECS/ContainerInsights', name, instance, unit) : undefined)),
    }
    instanceCellsById.set(id, cells)
  }
  return cells
}

/** Service events and counts for services of Insights clusters (every service with a running task this minute). */
function publishServices(ctx: SimContext, at: number, acc: Accumulator): void {
  const world = unproxied(ctx.world)
  for (const serviceArn in world.ecs.services) {
    const s = world.ecs.services[serviceArn]
    if (s.status !== 'ACTIVE' || insightsOf(world, s.clusterArn) === 'disabled') continue
    const clusterName = lastSegment(s.clusterArn)
    const counts = { DesiredTaskCount: s.desiredCount, RunningTaskCount: s.runningCount, PendingTaskCount: s.pendingCount, DeploymentCount: s.deployments.length, TaskSetCount: 0 }
    const cells = serviceCells(s.serviceName, clusterName)
    let m = 0
    for (const value of Object.values(counts)) acc.add(cells[m++], value)
    produceLogEvent(ctx, performanceGroup(clusterName), serviceStream(s.serviceName), at, serviceEvent(s.serviceName, clusterName, at, counts), true)
  }
}

/** A service's five count cells (SERVICE_COUNTS' order), named once per service rather than every minute. */
const SERVICE_COUNTS = ['DesiredTaskCount', 'RunningTaskCount', 'PendingTaskCount', 'DeploymentCount', 'TaskSetCount']
const serviceCellsByName = new Map<string, Map<string, Cell[]>>()

function serviceCells(serviceName: string, clusterName: string): Cell[] {
  let byService = serviceCellsByName.get(clusterName)
  if (!byService) serviceCellsByName.set(clusterName, (byService = new Map()))
  let cells = byService.get(serviceName)
  if (!cells) {
    const dims = [{ Name: 'ServiceName', Value: serviceName }, { Name: 'ClusterName', Value: clusterName }]
    byService.set(serviceName, (cells = SERVICE_COUNTS.map((name) => cellOf('ECS/ContainerInsights', name, dims, 'Count'))))
  }
  return cells
}

/** An essential or not, a container over its hard limit is killed by the kernel; ECS reports it so (exit 137). */
function killOutOfMemory(ctx: SimContext, taskArn: string, usage: readonly ContainerUsage[]): boolean {
  let killed = false
  for (const u of usage) {
    if (u.memoryLimit === undefined || u.memory <= u.memoryLimit) continue
    const task = ctx.world.ecs.tasks[taskArn]
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

/**
 * A running task's names and its service's AWS/ECS cells, worked out once per task (and version) rather than every
 * minute: building each series' key afresh per task and minute cost more than the task's whole usage model.
 */
interface TaskNames {
  version: number
  clusterName: string
  serviceName?: string
  family: string
  taskId: string
  td?: { revision: number }
  /** AWS/ECS CPUUtilization and MemoryUtilization of its service (the same cells for all its tasks); none outside a service. */
  aws?: Cell[]
  /** Container Insights' names, worked out the first minute its cluster has Insights on (a new task's were half its cost). */
  insights?: InsightsNames
}

/** A task's Container Insights names: its performance log group and stream (fidelity §5.2), its rows and enhanced cells. */
interface InsightsNames {
  /** Named once: a fresh name per lookup costs its hashing. */
  group: string
  stream: string
  rows: CellRow[]
  enhanced: Cell[]
}
const names = new WeakMap<Task, TaskNames>()

function factsOf(world: Readonly<World>, task: Task): TaskNames {
  let f = names.get(task)
  if (f && f.version === task.version) return f
  const clusterName = lastSegment(task.clusterArn)
  const serviceName = task.group.startsWith('service:') ? task.group.slice(8) : undefined
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  f = {
    version: task.version,
    clusterName,
    serviceName,
    family: td?.family ?? lastSegment(task.taskDefinitionArn).replace(/:\d+$/, ''),
    taskId: lastSegment(task.taskArn),
    td,
    aws: serviceName === undefined ? undefined : awsCells(clusterName, serviceName),
  }
  names.set(task, f)
  return f
}

/**
 * The Insights names of a task whose names are `f`. Kept on `f`, so worked out again when the task's version moves,
 * as they were when they were part of it: everything they are made of is in `f` or the task's placement.
 */
function insightsNamesOf(task: Task, f: TaskNames): InsightsNames {
  if (f.insights) return f.insights
  const { clusterName, serviceName, family, taskId } = f
  const sets: Dimension[][] = [[{ Name: 'ClusterName', Value: clusterName }], [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }]]
  if (serviceName !== undefined) sets.push([{ Name: 'ServiceName', Value: serviceName }, { Name: 'ClusterName', Value: clusterName }])
  const enhancedDims = [{ Name: 'ClusterName', Value: clusterName }, { Name: 'TaskDefinitionFamily', Value: family }, { Name: 'TaskId', Value: taskId }]
  const containerInstanceArn = (task as { containerInstanceArn?: string }).containerInstanceArn
  return (f.insights = {
    group: performanceGroup(clusterName),
    stream: containerInstanceArn ? agentStream(lastSegment(containerInstanceArn)) : fargateStream(taskId),
    rows: sets.map(rowOf),
    enhanced: [cellOf('ECS/ContainerInsights', 'TaskCpuUtilization', enhancedDims, 'Percent'), cellOf('ECS/ContainerInsights', 'TaskMemoryUtilization', enhancedDims, 'Percent')],
  })
}

/** A service's AWS/ECS cells, named once per service (as serviceCells) rather than once per task. */
const awsCellsByName = new Map<string, Map<string, Cell[]>>()

function awsCells(clusterName: string, serviceName: string): Cell[] {
  let byService = awsCellsByName.get(clusterName)
  if (!byService) awsCellsByName.set(clusterName, (byService = new Map()))
  let cells = byService.get(serviceName)
  if (!cells) {
    const dims = [{ Name: 'ClusterName', Value: clusterName }, { Name: 'ServiceName', Value: serviceName }]
    byService.set(serviceName, (cells = [cellOf('AWS/ECS', 'CPUUtilization', dims, 'Percent'), cellOf('AWS/ECS', 'MemoryUtilization', dims, 'Percent')]))
  }
  return cells
}

/**
 * A running task with what the publication worked out of it: its statics (model.ts `staticsOf`) and names
 * (`factsOf`), for the version and number of running containers they were worked out at, which is what those two key
 * their own caches by. Kept in the list of running tasks: each minute's look-ups in their caches cost more than the
 * task's whole minute of arithmetic (1,000 tasks).
 */
interface RunningTask {
  task: Task
  version: number
  running: number
  statics?: UsageStatics
  names?: TaskNames
}

/** The task's statics and names now: the kept ones while its version and running containers stay. */
function knownNow(world: Readonly<World>, known: RunningTask): { statics: UsageStatics; names: TaskNames } {
  const { task } = known
  let running = 0
  for (const c of task.containers) if (c.lastStatus === 'RUNNING') running++
  if (!known.statics || !known.names || known.version !== task.version || known.running !== running) {
    known.statics = staticsOf(world, task)
    known.names = factsOf(world, task)
    known.version = task.version
    known.running = running
  }
  return known as { statics: UsageStatics; names: TaskNames }
}

/**
 * The RUNNING tasks, in the tasks record's order (the order sums are added in and new series are created in), kept
 * while the ECS slice's version stays: a task's lastStatus changes only with a logged `task.status` (ecs
 * taskLifecycle.ts `moveTo`), and a task is added PENDING and forgotten STOPPED, so which tasks run, and their order,
 * can change only with that version. Walking the whole record found them every minute, STOPPED ones included (an
 * hour of 1,000 tasks and an instance refresh: 2,700 entries a minute). DerivedCache forgets what a rolled-back
 * savepoint derived. A task's entry is carried over to the next list (`runningEntries`), with what it knows; what it
 * knows is checked against the task's version and running containers every minute (`knownNow`), as staticsOf and
 * factsOf check their own.
 */
const runningByRecord = new DerivedCache<object, { version: number; tasks: RunningTask[] }>()
const runningEntries = new DerivedCache<Task, RunningTask>()

function runningTasks(world: Readonly<World>): RunningTask[] {
  const version = world.log.versions.ecs
  const known = runningByRecord.get(world.ecs.tasks)
  if (known && known.version === version) return known.tasks
  const tasks: RunningTask[] = []
  for (const taskArn in world.ecs.tasks) {
    const task = world.ecs.tasks[taskArn]
    if (task.lastStatus !== 'RUNNING') continue
    let entry = runningEntries.get(task)
    if (!entry) runningEntries.set(task, (entry = { task, version: -1, running: -1 }))
    tasks.push(entry)
  }
  runningByRecord.set(world.ecs.tasks, { version, tasks })
  return tasks
}
