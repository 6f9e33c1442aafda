import type { ContainerInstance } from '../ecs/state.ts'
import { imageFacts } from '../ec2/images.ts'
import { INSTANCE_TYPES } from '../ec2/instanceTypes.ts'
import { rootDevice } from '../ec2/rootVolume.ts'
import { resolveImage } from '../runtime/resolveImage.ts'
import type { World } from '../world.ts'

/**
 * Container Insights' instance-level data on EC2 clusters: the `instance_*` metrics and the Type "Instance" performance
 * events exist only where the CloudWatch agent runs as a daemon on the container instances (CloudWatch User Guide,
 * "Deploying the CloudWatch agent to collect EC2 instance-level metrics on Amazon ECS"; fidelity §5.1). Figures come
 * from what the metrics model already worked out for the tasks on the instance, against the instance type's size and
 * the container instance's registered and remaining resources.
 */

/** The repositories AWS's instructions run the agent from (Amazon ECR Public, and Docker Hub's `amazon/`). */
const AGENT_REPOSITORIES = ['public.ecr.aws/cloudwatch-agent/cloudwatch-agent', 'amazon/cloudwatch-agent']

/** Whether an image reference is the CloudWatch agent's, whatever its tag or digest. */
export function isCloudWatchAgentImage(image: string): boolean {
  const ref = image.trim()
  const at = ref.indexOf('@')
  const name = at >= 0 ? ref.slice(0, at) : ref
  const colon = name.lastIndexOf(':')
  const repository = (colon > name.lastIndexOf('/') ? name.slice(0, colon) : name).replace(/^(docker\.io\/|registry-1\.docker\.io\/)/, '')
  return AGENT_REPOSITORIES.includes(repository)
}

/**
 * The metrics of an Instance event, in its order, with their units and whether they are also published per instance
 * (`[InstanceId, ContainerInstanceId, ClusterName]`) besides per cluster (`[ClusterName]`): the Container Insights
 * metrics table for ECS (Container-Insights-metrics-ECS.html) and the agent's metric declarations for ECS.
 */
export const INSTANCE_METRICS: readonly (readonly [name: string, unit: string, perInstance: boolean])[] = [
  ['instance_cpu_limit', 'None', false],
  ['instance_cpu_reserved_capacity', 'Percent', true],
  ['instance_cpu_usage_total', 'None', false],
  ['instance_cpu_utilization', 'Percent', true],
  ['instance_filesystem_utilization', 'Percent', true],
  ['instance_memory_limit', 'Bytes', false],
  ['instance_memory_reserved_capacity', 'Percent', true],
  ['instance_memory_utilization', 'Percent', true],
  ['instance_memory_working_set', 'Bytes', false],
  ['instance_network_total_bytes', 'Bytes/Second', false],
  ['instance_number_of_running_tasks', 'Count', true],
]

/** The agent's stream for an instance's events (its ECS configuration: `NodeTelemetry-{ContainerInstanceId}`). */
export const instanceStream = (containerInstanceId: string) => `NodeTelemetry-${containerInstanceId}`

/** What the tasks running on one container instance used in the minute (summed by the publication). */
export interface InstanceLoad {
  clusterName: string
  /** CPU units, MiB, bytes a second received and sent. */
  cpu: number
  memory: number
  network: number
  /** The images its running containers use (each counted once on the disk). */
  images: Set<string>
  /** A running task of the CloudWatch agent's image is on it. */
  agent: boolean
}

/**
 * What the ECS-optimized AMI itself takes on the root volume: the OS, Docker and the ECS agent's image (estimate,
 * ≈ 2.5 GiB on a fresh Amazon Linux 2023 ECS-optimized instance by `df`).
 */
const OS_FOOTPRINT_BYTES = 2.5 * 2 ** 30

const MIB = 2 ** 20
const resource = (list: ContainerInstance['registeredResources'], name: string) => list.find((r) => r.name === name)?.integerValue ?? 0
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100 * 1e6) / 1e6 : 0)

/** The instance's figures in INSTANCE_METRICS' order, or undefined for an instance the sandbox does not know. */
export function instanceFigures(world: Readonly<World>, ci: ContainerInstance, load: InstanceLoad): number[] | undefined {
  const instance = world.ec2.instances[ci.ec2InstanceId]
  const type = instance && INSTANCE_TYPES[instance.InstanceType]
  if (!type) return undefined
  const cpuLimit = type.vCpus * 1024
  const memoryLimit = type.memoryMiB * MIB
  const registeredCpu = resource(ci.registeredResources, 'CPU')
  const registeredMemory = resource(ci.registeredResources, 'MEMORY')
  // What ECS does not offer to tasks is what the OS and the agents use (ECS Developer Guide, "Reserving Amazon ECS
  // Linux container instance memory"): the instance's working set is that plus what its containers use.
  const workingSet = Math.round((Math.max(0, type.memoryMiB - registeredMemory) + load.memory) * MIB)
  const image = imageFacts(instance.ImageId)
  const disk = (image ? rootDevice(image).sizeGiB : 30) * 2 ** 30
  let used = OS_FOOTPRINT_BYTES
  for (const ref of load.images) for (const l of resolveImage(world, ref)?.layers ?? []) used += l.size
  return [
    cpuLimit,
    percent(registeredCpu - resource(ci.remainingResources, 'CPU'), registeredCpu),
    Math.round(load.cpu * 1e6) / 1e6,
    percent(load.cpu, cpuLimit),
    percent(used, disk),
    memoryLimit,
    percent(registeredMemory - resource(ci.remainingResources, 'MEMORY'), registeredMemory),
    percent(workingSet, memoryLimit),
    workingSet,
    Math.round(load.network),
    ci.runningTasksCount,
  ]
}

const DIRECTIVE_JSON = JSON.stringify([
  {
    Namespace: 'ECS/ContainerInsights',
    Metrics: INSTANCE_METRICS.map(([Name, Unit]) => ({ Name, Unit })),
    Dimensions: [['ClusterName'], ['InstanceId', 'ContainerInstanceId', 'ClusterName']],
  },
])

/** The Type "Instance" event of a minute, as the agent writes it (embedded metric format; `Timestamp` a string of ms). */
export function instanceEvent(clusterName: string, containerInstanceId: string, instanceId: string, timestamp: number, figures: readonly number[]): string {
  let metrics = ''
  for (let m = 0; m < INSTANCE_METRICS.length; m++) metrics += `,${JSON.stringify(INSTANCE_METRICS[m][0])}:${figures[m]}`
  return (
    `{"Version":"0","Type":"Instance","ClusterName":${JSON.stringify(clusterName)},"ContainerInstanceId":${JSON.stringify(containerInstanceId)}` +
    `,"InstanceId":${JSON.stringify(instanceId)},"Timestamp":"${timestamp}"${metrics},"Sources":["cadvisor","/proc","ecsagent","calculated"]` +
    `,"CloudWatchMetrics":${DIRECTIVE_JSON}}`
  )
}
