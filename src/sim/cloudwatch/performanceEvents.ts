import type { Task } from '../ecs/state.ts'
import type { ContainerUsage } from './model.ts'

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

/** What a task event and its containers' events share. */
export interface TaskFacts {
  task: Task
  taskId: string
  family: string
  revision: string
  clusterName: string
  serviceName?: string
  accountId: string
  region: string
  containerInstanceId?: string
  ec2InstanceId?: string
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6))
const str = (s: string) => JSON.stringify(s)

/** The Type "Task" event. Built as text: a day of them for 200 tasks is 288,000 strings (JSON.stringify costs more). */
export function taskEvent(f: TaskFacts, timestamp: number, usage: readonly ContainerUsage[]): string {
  const t = f.task
  let cpu = 0
  let memory = 0
  let rx = 0
  let tx = 0
  let rxp = 0
  let txp = 0
  let read = 0
  let write = 0
  let cpuReserved = 0
  let memoryReserved = 0
  for (const u of usage) {
    cpu += u.cpu
    memory += u.memory
    rx += u.rxBytes
    tx += u.txBytes
    rxp += u.rxPackets
    txp += u.txPackets
    read += u.storageRead
    write += u.storageWrite
    cpuReserved += u.cpuReserved
    memoryReserved += u.memoryReserved
  }
  cpuReserved = Number(t.cpu) || cpuReserved
  memoryReserved = Number(t.memory) || memoryReserved
  const ec2 = f.containerInstanceId ? `,"ContainerInstanceId":${str(f.containerInstanceId)},"EC2InstanceId":${str(f.ec2InstanceId ?? '')}` : ''
  return (
    `{"Version":"0","Type":"Task","TaskId":${str(f.taskId)},"TaskDefinitionFamily":${str(f.family)},"TaskDefinitionRevision":${str(f.revision)}` +
    `${f.serviceName === undefined ? '' : `,"ServiceName":${str(f.serviceName)}`}${ec2},"ClusterName":${str(f.clusterName)},"AccountID":${str(f.accountId)},"Region":${str(f.region)}` +
    `,"AvailabilityZone":${str(t.availabilityZone ?? '')},"KnownStatus":"RUNNING","LaunchType":${str(t.launchType)}` +
    `${t.pullStartedAt === undefined ? '' : `,"PullStartedAt":${t.pullStartedAt}`}${t.pullStoppedAt === undefined ? '' : `,"PullStoppedAt":${t.pullStoppedAt}`}` +
    `,"CreatedAt":${t.createdAt},"StartedAt":${t.startedAt ?? t.createdAt},"Timestamp":${timestamp},"CpuUtilized":${num(cpu)},"CpuReserved":${num(cpuReserved)}` +
    `,"MemoryUtilized":${Math.round(memory)},"MemoryReserved":${memoryReserved},"StorageReadBytes":${Math.round(read)},"StorageWriteBytes":${Math.round(write)}` +
    `,"NetworkRxBytes":${Math.round(rx)},"NetworkRxDropped":0,"NetworkRxErrors":0,"NetworkRxPackets":${Math.round(rxp)}` +
    `,"NetworkTxBytes":${Math.round(tx)},"NetworkTxDropped":0,"NetworkTxErrors":0,"NetworkTxPackets":${Math.round(txp)}` +
    `,"CloudWatchMetrics":${TASK_DIRECTIVE_JSON}}`
  )
}

/** The Type "Container" event (no metrics directive: container metrics are published with enhanced observability). */
export function containerEvent(f: TaskFacts, timestamp: number, u: ContainerUsage): string {
  const ec2 = f.containerInstanceId ? `,"ContainerInstanceId":${str(f.containerInstanceId)},"EC2InstanceId":${str(f.ec2InstanceId ?? '')}` : ''
  return (
    `{"Version":"0","Type":"Container","ContainerName":${str(u.name)},"TaskId":${str(f.taskId)},"TaskDefinitionFamily":${str(f.family)},"TaskDefinitionRevision":${str(f.revision)}` +
    `${f.serviceName === undefined ? '' : `,"ServiceName":${str(f.serviceName)}`}${ec2},"ClusterName":${str(f.clusterName)},"Image":${str(u.image)},"ContainerKnownStatus":"RUNNING"` +
    `,"Timestamp":${timestamp},"CpuUtilized":${num(u.cpu)},"CpuReserved":${num(u.cpuReserved)},"MemoryUtilized":${Math.round(u.memory)},"MemoryReserved":${u.memoryReserved}` +
    `,"StorageReadBytes":${Math.round(u.storageRead)},"StorageWriteBytes":${Math.round(u.storageWrite)}` +
    `,"NetworkRxBytes":${Math.round(u.rxBytes)},"NetworkRxDropped":0,"NetworkRxErrors":0,"NetworkRxPackets":${Math.round(u.rxPackets)}` +
    `,"NetworkTxBytes":${Math.round(u.txBytes)},"NetworkTxDropped":0,"NetworkTxErrors":0,"NetworkTxPackets":${Math.round(u.txPackets)}}`
  )
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
