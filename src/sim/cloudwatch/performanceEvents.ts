import type { Task } from '../ecs/state.ts'
import type { ContainerStatics, ContainerUsage, UsageStatics } from './model.ts'

/**
 * Container Insights performance log events (fidelity §5.2): embedded-metric-format JSON, one per entity per minute,
 * `Timestamp` at the minute. Field order follows the documented examples; the `CloudWatchMetrics` directive names the
 * metrics and dimension sets the event publishes.
 */
const TASK_DIRECTIVE = [
  {
    Namespace: 'ECS/ContainerInsights',
    Metrics: [
      { Name: 'CpuUtilized', Unit: 'None' },
      { Name: 'CpuReserved', Unit: 'None' },
      { Name: 'MemoryUtilized', Unit: 'Megabytes' },
      { Name: 'MemoryReserved', Unit: 'Megabytes' },
      { Name: 'StorageReadBytes', Unit: 'Bytes/Second' },
      { Name: 'StorageWriteBytes', Unit: 'Bytes/Second' },
      { Name: 'NetworkRxBytes', Unit: 'Bytes/Second' },
      { Name: 'NetworkTxBytes', Unit: 'Bytes/Second' },
    ],
    Dimensions: [['ClusterName'], ['ClusterName', 'TaskDefinitionFamily']],
  },
]
const TASK_DIRECTIVE_JSON = JSON.stringify(TASK_DIRECTIVE)
const SERVICE_DIRECTIVE_JSON = JSON.stringify([
  {
    Namespace: 'ECS/ContainerInsights',
    Metrics: ['DesiredTaskCount', 'RunningTaskCount', 'PendingTaskCount', 'DeploymentCount', 'TaskSetCount'].map((Name) => ({ Name, Unit: 'Count' })),
    Dimensions: [['ServiceName', 'ClusterName']],
  },
])
const CLUSTER_DIRECTIVE_JSON = JSON.stringify([
  { Namespace: 'ECS/ContainerInsights', Metrics: ['TaskCount', 'ContainerInstanceCount', 'ServiceCount'].map((Name) => ({ Name, Unit: 'Count' })), Dimensions: [['ClusterName']] },
])

/**
 * A task as its performance events describe it (and what the metrics model needs to work its usage out again):
 * plain data kept with the events (performanceBatch.ts), one per task for as long as these facts stay the same.
 */
export interface PerformanceTask extends UsageStatics {
  taskId: string
  family: string
  revision: string
  clusterName: string
  serviceName?: string
  accountId: string
  region: string
  availabilityZone: string
  launchType: Task['launchType']
  pullStartedAt?: number
  pullStoppedAt?: number
  createdAt: number
  startedAt: number
  containerInstanceId?: string
  /** The task's CPU units and MiB, or its containers' together when the task sets none (Fargate always sets them). */
  cpuReserved: number
  memoryReserved: number
}

const num = (n: number) => (Number.isInteger(n) ? n : Math.round(n * 1e6) / 1e6)
const str = (s: string) => JSON.stringify(s)
/** Where a template takes a minute's number (never in JSON text: `str` escapes a NUL). */
const SLOT = '\0'

/**
 * The numbers of a minute in the order both templates take them: Timestamp, CpuUtilized, MemoryUtilized,
 * StorageReadBytes, StorageWriteBytes, NetworkRxBytes, NetworkRxPackets, NetworkTxBytes, NetworkTxPackets. The rest
 * of an event is the same every minute: the template's text.
 */
export const MINUTE_FIELDS = ['Timestamp', 'CpuUtilized', 'MemoryUtilized', 'StorageReadBytes', 'StorageWriteBytes', 'NetworkRxBytes', 'NetworkRxPackets', 'NetworkTxBytes', 'NetworkTxPackets'] as const

/** A container's numbers of a minute (MINUTE_FIELDS), as its event prints them. */
export function containerNumbers(timestamp: number, u: ContainerUsage): number[] {
  return [timestamp, num(u.cpu), Math.round(u.memory), Math.round(u.storageRead), Math.round(u.storageWrite), Math.round(u.rxBytes), Math.round(u.rxPackets), Math.round(u.txBytes), Math.round(u.txPackets)]
}

/** The usage a minute's event prints: a container's own, or its task's containers' added up (UsageTotals). */
type MinuteUsage = Pick<ContainerUsage, 'cpu' | 'memory' | 'storageRead' | 'storageWrite' | 'rxBytes' | 'rxPackets' | 'txBytes' | 'txPackets'>

/** One of a minute's numbers (MINUTE_FIELDS[slot]) for a container or a task, worked out alone: `containerNumbers(…)[slot]`. */
export function minuteNumber(timestamp: number, u: MinuteUsage, slot: number): number {
  switch (slot) {
    case 0: return timestamp
    case 1: return num(u.cpu)
    case 2: return Math.round(u.memory)
    case 3: return Math.round(u.storageRead)
    case 4: return Math.round(u.storageWrite)
    case 5: return Math.round(u.rxBytes)
    case 6: return Math.round(u.rxPackets)
    case 7: return Math.round(u.txBytes)
    default: return Math.round(u.txPackets)
  }
}

/** A task's containers' usage of a minute added up (what its Task event and its task-level metrics say). */
export type UsageTotals = MinuteUsage & Pick<ContainerUsage, 'cpuReserved' | 'memoryReserved'>

/** The one place the containers' usage is added up, in container order (so every reader gets the same sums). */
export function usageTotals(usage: readonly ContainerUsage[]): UsageTotals {
  const t: UsageTotals = { cpu: 0, memory: 0, rxBytes: 0, txBytes: 0, rxPackets: 0, txPackets: 0, storageRead: 0, storageWrite: 0, cpuReserved: 0, memoryReserved: 0 }
  for (const u of usage) {
    t.cpu += u.cpu
    t.memory += u.memory
    t.rxBytes += u.rxBytes
    t.txBytes += u.txBytes
    t.rxPackets += u.rxPackets
    t.txPackets += u.txPackets
    t.storageRead += u.storageRead
    t.storageWrite += u.storageWrite
    t.cpuReserved += u.cpuReserved
    t.memoryReserved += u.memoryReserved
  }
  return t
}

/** The task's numbers of a minute (MINUTE_FIELDS): its containers' together, as its event prints them. */
export function taskNumbers(timestamp: number, t: UsageTotals): number[] {
  return [timestamp, num(t.cpu), Math.round(t.memory), Math.round(t.storageRead), Math.round(t.storageWrite), Math.round(t.rxBytes), Math.round(t.rxPackets), Math.round(t.txBytes), Math.round(t.txPackets)]
}

/** The Type "Task" event's text around its minute's numbers (MINUTE_FIELDS): `parts[0] n0 parts[1] n1 …`. */
export function taskTemplate(f: PerformanceTask): string[] {
  const [ts, cpu, memory, read, write, rx, rxp, tx, txp] = MINUTE_FIELDS.map(() => SLOT)
  const ec2 = f.containerInstanceId ? `,"ContainerInstanceId":${str(f.containerInstanceId)},"EC2InstanceId":${str('')}` : ''
  return (
    `{"Version":"0","Type":"Task","TaskId":${str(f.taskId)},"TaskDefinitionFamily":${str(f.family)},"TaskDefinitionRevision":${str(f.revision)}` +
    `${f.serviceName === undefined ? '' : `,"ServiceName":${str(f.serviceName)}`}${ec2},"ClusterName":${str(f.clusterName)},"AccountID":${str(f.accountId)},"Region":${str(f.region)}` +
    `,"AvailabilityZone":${str(f.availabilityZone)},"KnownStatus":"RUNNING","LaunchType":${str(f.launchType)}` +
    `${f.pullStartedAt === undefined ? '' : `,"PullStartedAt":${f.pullStartedAt}`}${f.pullStoppedAt === undefined ? '' : `,"PullStoppedAt":${f.pullStoppedAt}`}` +
    `,"CreatedAt":${f.createdAt},"StartedAt":${f.startedAt},"Timestamp":${ts},"CpuUtilized":${cpu},"CpuReserved":${num(f.cpuReserved)}` +
    `,"MemoryUtilized":${memory},"MemoryReserved":${f.memoryReserved},"StorageReadBytes":${read},"StorageWriteBytes":${write}` +
    `,"NetworkRxBytes":${rx},"NetworkRxDropped":0,"NetworkRxErrors":0,"NetworkRxPackets":${rxp}` +
    `,"NetworkTxBytes":${tx},"NetworkTxDropped":0,"NetworkTxErrors":0,"NetworkTxPackets":${txp}` +
    `,"CloudWatchMetrics":${TASK_DIRECTIVE_JSON}}`
  ).split(SLOT)
}

/** The Type "Container" event's template (no metrics directive: container metrics come with enhanced observability). */
export function containerTemplate(f: PerformanceTask, c: ContainerStatics): string[] {
  const [ts, cpu, memory, read, write, rx, rxp, tx, txp] = MINUTE_FIELDS.map(() => SLOT)
  const ec2 = f.containerInstanceId ? `,"ContainerInstanceId":${str(f.containerInstanceId)},"EC2InstanceId":${str('')}` : ''
  return (
    `{"Version":"0","Type":"Container","ContainerName":${str(c.name)},"TaskId":${str(f.taskId)},"TaskDefinitionFamily":${str(f.family)},"TaskDefinitionRevision":${str(f.revision)}` +
    `${f.serviceName === undefined ? '' : `,"ServiceName":${str(f.serviceName)}`}${ec2},"ClusterName":${str(f.clusterName)},"Image":${str(c.image)},"ContainerKnownStatus":"RUNNING"` +
    `,"Timestamp":${ts},"CpuUtilized":${cpu},"CpuReserved":${num(c.cpuReserved)},"MemoryUtilized":${memory},"MemoryReserved":${c.memoryReserved}` +
    `,"StorageReadBytes":${read},"StorageWriteBytes":${write}` +
    `,"NetworkRxBytes":${rx},"NetworkRxDropped":0,"NetworkRxErrors":0,"NetworkRxPackets":${rxp}` +
    `,"NetworkTxBytes":${tx},"NetworkTxDropped":0,"NetworkTxErrors":0,"NetworkTxPackets":${txp}}`
  ).split(SLOT)
}

/** A template filled with a minute's numbers: the event's text. */
export function fill(parts: readonly string[], numbers: readonly number[]): string {
  let out = parts[0]
  for (let i = 0; i < numbers.length; i++) out += `${numbers[i]}${parts[i + 1]}`
  return out
}

/**
 * How long a minute's numbers other than the timestamp print (MINUTE_FIELDS from CpuUtilized on), from the usage
 * before rounding, as `containerNumbers`/`taskNumbers` round it.
 */
export function numbersLength(cpu: number, memory: number, read: number, write: number, rx: number, rxp: number, tx: number, txp: number): number {
  return (
    printedLength(num(cpu)) + printedLength(Math.round(memory)) + printedLength(Math.round(read)) + printedLength(Math.round(write)) +
    printedLength(Math.round(rx)) + printedLength(Math.round(rxp)) + printedLength(Math.round(tx)) + printedLength(Math.round(txp))
  )
}

const POWERS = Array.from({ length: 16 }, (_, i) => 10 ** i)

function printedLength(v: number): number {
  if (!Number.isInteger(v)) return v > 0 && v < 1e9 && num(v) === v ? decimalLength(v) : String(v).length
  if (v < 0 || v >= 1e15) return String(v).length
  let digits = 1
  while (digits < 16 && v >= POWERS[digits]) digits++
  return digits
}

/**
 * How long a positive non-integer `num` gives prints, without printing it (a minute of 200 tasks has 400 of them).
 * It is the double nearest to k / 10^6 for an integer k below 10^15, so k's decimals (trailing zeros dropped) print it
 * exactly, and no shorter text is as near (its neighbours are under 10^-15 of it away; a text with fewer decimals is at
 * least 10^-6 away): JavaScript prints the shortest text that reads back as the same number (ECMA-262 Number::toString).
 */
function decimalLength(v: number): number {
  const k = Math.round(v * 1e6)
  let fraction = k % 1e6
  let decimals = 6
  while (fraction % 10 === 0) {
    fraction /= 10
    decimals--
  }
  return printedLength(Math.floor(k / 1e6)) + 1 + decimals
}

export interface ServiceCounts {
  DesiredTaskCount: number
  RunningTaskCount: number
  PendingTaskCount: number
  DeploymentCount: number
  TaskSetCount: number
}

export function serviceEvent(serviceName: string, clusterName: string, timestamp: number, c: ServiceCounts): string {
  return (
    `{"Version":"0","Type":"Service","ServiceName":${str(serviceName)},"ClusterName":${str(clusterName)},"Timestamp":${timestamp}` +
    `,"DesiredTaskCount":${c.DesiredTaskCount},"RunningTaskCount":${c.RunningTaskCount},"PendingTaskCount":${c.PendingTaskCount},"DeploymentCount":${c.DeploymentCount},"TaskSetCount":${c.TaskSetCount}` +
    `,"CloudWatchMetrics":${SERVICE_DIRECTIVE_JSON}}`
  )
}

export function clusterEvent(clusterName: string, timestamp: number, c: { TaskCount: number; ContainerInstanceCount: number; ServiceCount: number }): string {
  return (
    `{"Version":"0","Type":"Cluster","ClusterName":${str(clusterName)},"Timestamp":${timestamp},"TaskCount":${c.TaskCount},"ContainerInstanceCount":${c.ContainerInstanceCount},"ServiceCount":${c.ServiceCount}` +
    `,"CloudWatchMetrics":${CLUSTER_DIRECTIVE_JSON}}`
  )
}

/** Fidelity §5.2: the group, and the stream names per kind of entity. */
export const performanceGroup = (clusterName: string) => `/aws/ecs/containerinsights/${clusterName}/performance`
export const serviceStream = (serviceName: string) => `ServiceTelemetry-${serviceName}`
export const clusterStream = (clusterName: string) => `ClusterTelemetry-${clusterName}`
export const agentStream = (containerInstanceId: string) => `AgentTelemetry-${containerInstanceId}`
/** Fargate: `FargateTelemetry-<n>`, a small number stable per task (`n` from the task id, as the examples look). */
export const fargateStream = (taskId: string) => `FargateTelemetry-${parseInt(taskId.slice(0, 6), 16) % 10000}`
