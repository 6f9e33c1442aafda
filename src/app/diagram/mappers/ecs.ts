import type { NetworkInterface, Service, Task, TaskDefinition, World } from '../../../sandbox/index.ts'
import { containerInstanceOfEc2, serviceOfTask, taskHealth, taskNetworkInterfaceId, taskPrivateIp, taskSubnetId } from '../../../sandbox/views.ts'
import type { GraphItem } from '../layout.ts'
import { statusOf } from '../status.ts'
import type { DiagramStatus } from '../types.ts'
import { HOST_SECTIONS } from '../hostLayout.ts'
import { bridgeNodeId } from './hosts.ts'
import { creationOrder, type ResourceMapper } from './registry.ts'

// ECS on the diagram. A cluster is not a network boundary, so it is drawn as a logical overlay: the cluster and its
// services sit in the Region beside the VPC (like ECR), and each service's tasks, which live in subnets, carry the
// service's colour as an outline (the legend says which colour is which). A Fargate (awsvpc) task is drawn where it
// lives on the network: its ENI in its subnet, the task inside the ENI, its containers inside the task.

export const ECS_SIZES = {
  cluster: { width: 274, height: 96 },
  service: { width: 250, height: 64 },
  networkInterface: { width: 226, height: 92 },
  task: { width: 206, height: 66 },
  container: { width: 190, height: 40 },
} as const

/** Service outline colours, assigned in service creation order; chosen to read on the subnet fills. */
export const SERVICE_COLOURS = ['#d6248f', '#7d3cff', '#e07700', '#0f7b8a', '#b0084d', '#5a6b00', '#1f4fd6', '#8a5300'] as const

export const serviceColour = (index: number): string => SERVICE_COLOURS[index % SERVICE_COLOURS.length]

/** The last segment of an ECS ARN: a task's or service's own id. */
export const shortId = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)

/** What a long id looks like on a node: `0247947c…` (the aria-label keeps the whole id). */
export const abbreviate = (id: string, keep = 8): string => (id.length > keep + 1 ? `${id.slice(0, keep)}…` : id)

/** Service ARN → its colour (services in creation order); built once per world. */
export interface EcsIndex {
  colourOfService: Map<string, string>
}

/** Both ECS mappers ask for it; one world builds it once. */
const ecsIndexes = new WeakMap<Readonly<World>, EcsIndex>()

export function ecsIndex(world: Readonly<World>): EcsIndex {
  const known = ecsIndexes.get(world)
  if (known) return known
  const colourOfService = new Map<string, string>()
  Object.values(world.ecs.services).forEach((service, i) => colourOfService.set(service.serviceArn, serviceColour(i)))
  const index = { colourOfService }
  ecsIndexes.set(world, index)
  return index
}

/** A running task behind an unhealthy target is in trouble, whatever ECS says: colour it so. */
function taskStatus(lastStatus: string, health: string | undefined): DiagramStatus {
  const own = statusOf(lastStatus)
  if (own !== 'ok' || health === undefined) return own
  const h = statusOf(health)
  return h === 'neutral' ? own : h
}

export const ecsClusterMapper: ResourceMapper = {
  kind: 'ECS cluster',
  map(world, out) {
    Object.values(world.ecs.clusters).forEach((cluster, i) => {
      const services = cluster.activeServicesCount
      const counts = `${services} service${services === 1 ? '' : 's'}, ${cluster.runningTasksCount} running, ${cluster.pendingTasksCount} pending`
      out.addNode({
        id: cluster.clusterArn,
        parentId: world.region,
        nodeType: 'group',
        section: 'clusters',
        order: creationOrder(i),
        size: ECS_SIZES.cluster,
        data: {
          kind: 'ECS cluster',
          label: cluster.clusterName,
          detail: counts.replace(/, /g, ' · '),
          state: cluster.status,
          status: statusOf(cluster.status),
          ariaLabel: `ECS cluster ${cluster.clusterName} ${cluster.status}, ${counts}`,
        },
      })
    })
  },
}

/**
 * A failed rollout is an error; a service short of tasks or mid-deployment is on its way. These are the service's own
 * API fields (describe-services); its tasks' health shows on the tasks, so a task's change maps only that task.
 */
function serviceStatus(service: Service): DiagramStatus {
  if (service.status !== 'ACTIVE') return statusOf(service.status)
  if (service.deployments.some((d) => d.rolloutState === 'FAILED')) return 'error'
  if (service.runningCount < service.desiredCount || service.deployments.length > 1) return 'pending'
  return 'ok'
}

export const ecsServiceMapper: ResourceMapper = {
  kind: 'ECS service',
  map(world, out) {
    const { colourOfService } = ecsIndex(world)
    Object.values(world.ecs.services).forEach((service, i) => {
      if (world.ecs.clusters[service.clusterArn] === undefined) return
      const counts = `desired ${service.desiredCount}, running ${service.runningCount}, pending ${service.pendingCount}`
      const rollout = service.deployments.length > 1 ? `, ${service.deployments.length} deployments` : ''
      out.addNode({
        id: service.serviceArn,
        parentId: service.clusterArn,
        nodeType: 'resource',
        section: 'services',
        order: creationOrder(i),
        size: ECS_SIZES.service,
        data: {
          kind: 'ECS service',
          label: service.serviceName,
          detail: counts.replace(/, /g, ' · '),
          badge: `${service.runningCount}/${service.desiredCount}`,
          state: service.status,
          status: serviceStatus(service),
          accent: colourOfService.get(service.serviceArn),
          service: service.serviceArn,
          ariaLabel: `ECS service ${service.serviceName} ${service.status}, ${counts}${rollout}`,
        },
      })
    })
  },
}

/** Tasks in creation order (then ARN), so a new task goes after the ones already drawn in its subnet. */
function tasksInOrder(world: Readonly<World>): Task[] {
  return Object.values(world.ecs.tasks).sort((a, b) => a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : a.taskArn > b.taskArn ? 1 : 0))
}

/**
 * Each task's nodes (its ENI, itself, its containers) from the last run, by task object. Snapshots share the objects
 * that did not change, so after a status change only the changed task is mapped again and every other task gives
 * back the same items and data objects (toGraphIncremental then sees at a glance that their nodes are unchanged):
 * the difference between O(changed) and O(every task) per world at 2,000 nodes. `inputs` is everything else a
 * task's nodes are made of; any difference maps the task again, so the output never depends on what is cached.
 */
const mappedTasks = new WeakMap<Task, { where: TaskWhere; inputs: readonly unknown[]; items: readonly GraphItem[] }>()

/** What a task's attachment details say; read once per task object (they never change on the same object). */
interface TaskWhere {
  ip?: string
  eniId?: string
  subnetId?: string
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i])

export const taskMapper: ResourceMapper = {
  kind: 'Task',
  map(world, out) {
    const { colourOfService } = ecsIndex(world)
    tasksInOrder(world).forEach((task, i) => {
      const cached = mappedTasks.get(task)
      const where = cached?.where ?? { ip: taskPrivateIp(task), eniId: taskNetworkInterfaceId(task), subnetId: taskSubnetId(task) }
      const service = serviceOfTask(world, task)
      const accent = service ? colourOfService.get(service.serviceArn) : undefined
      const eni = where.eniId === undefined ? undefined : world.ec2.networkInterfaces[where.eniId]
      const hp = taskHealth(world, task)?.state
      const family = world.ecs.taskDefinitions[task.taskDefinitionArn]
      const host = hostOf(world, task)
      const network = host === undefined ? undefined : hostNetwork(world, task, family?.networkMode)
      const inputs = [i, service, accent, eni, hp, family, host, network?.detail, network?.aria]
      if (cached && sameInputs(cached.inputs, inputs)) {
        for (const item of cached.items) out.addNode(item)
        return
      }
      const items = taskItems(task, i, { ...where, service, accent, eni, hp, family, host, network })
      mappedTasks.set(task, { where, inputs, items })
      for (const item of items) out.addNode(item)
    })
  },
}

/**
 * A task on EC2 is drawn on its instance (hosts.ts): an awsvpc task's ENI inside the instance, a bridge-mode task on
 * the instance's docker0 bridge, a host- or none-mode task straight on the instance. The id of the node it goes in,
 * or undefined for a Fargate task (or one whose instance is no longer drawn).
 */
function hostOf(world: Readonly<World>, task: Task): string | undefined {
  if (task.containerInstanceArn === undefined) return undefined
  const instanceId = world.ecs.containerInstances?.[task.containerInstanceArn]?.ec2InstanceId
  const instance = instanceId === undefined ? undefined : world.ec2.instances[instanceId]
  if (!instance || instance.State.Name === 'terminated') return undefined
  const mode = world.ecs.taskDefinitions[task.taskDefinitionArn]?.networkMode
  return mode === 'bridge' ? bridgeNodeId(instance.InstanceId) : instance.InstanceId
}

/** What a task on EC2 shows of its network mode: a line for the node and a phrase for its accessible name. */
interface HostNetwork {
  detail: string
  aria: string
  /** none mode: nothing reaches the task and it reaches nothing. */
  isolated?: boolean
}

/**
 * A task's network on its instance, as the container instances view gives it (the same bindings describe-tasks
 * shows): bridge, its docker0 address and each host port → container port; host, the instance's own address and the
 * ports bound there; none, loopback only. awsvpc tasks show their ENI instead (taskItems).
 */
function hostNetwork(world: Readonly<World>, task: Task, mode: string | undefined): HostNetwork | undefined {
  if (mode === 'awsvpc' || task.containerInstanceArn === undefined) return undefined
  if (mode === 'none') return { detail: 'none · loopback only', aria: 'network mode none: loopback only, isolated', isolated: true }
  const instanceId = world.ecs.containerInstances?.[task.containerInstanceArn]?.ec2InstanceId
  const host = instanceId === undefined ? undefined : containerInstanceOfEc2(world, instanceId)
  const onHost = host?.tasks.find((t) => t.taskArn === task.taskArn)
  if (!host || !onHost) return undefined
  const bindings = onHost.networkBindings.filter((b) => b.hostPort !== undefined)
  const ports = bindings.map((b) => (mode === 'host' ? `:${b.hostPort}` : `:${b.hostPort} → ${b.containerPort}`))
  if (mode === 'host') {
    const at = host.privateIpAddress ?? instanceId
    return {
      detail: `host · ${at}${ports.join(',')}`,
      aria: `network mode host: bound on the instance's ${at}${ports.length ? ` port ${bindings.map((b) => b.hostPort).join(', ')}` : ''}`,
    }
  }
  const ip = Object.values(onHost.bridgeIps)[0]
  const mappings = bindings.map((b) => `host port ${b.hostPort} to container port ${b.containerPort}`)
  return {
    detail: [ip, ports.join(', ')].filter(Boolean).join(' · '),
    aria: `network mode bridge${ip ? `, ${ip} on docker0` : ''}${mappings.length ? `, ${mappings.join(', ')}` : ''}`,
  }
}

/** One task's nodes: its ENI (when it has one), the task, its containers. */
function taskItems(
  task: Task,
  i: number,
  context: TaskWhere & { service?: Service; accent?: string; eni?: NetworkInterface; hp?: string; family?: TaskDefinition; host?: string; network?: HostNetwork },
): GraphItem[] {
  const { ip, eni, service, accent, hp, family, host, network } = context
  const items: GraphItem[] = []
  // A task on EC2 whose instance is gone has nowhere to be drawn (hostOf).
  if (task.containerInstanceArn !== undefined && host === undefined) return items
  const id = shortId(task.taskArn)
  const subnetId = eni?.SubnetId ?? context.subnetId
  const taskDef = family ? `${family.family}:${family.revision}` : shortId(task.taskDefinitionArn)
  const groups = eni ? eni.Groups.map((g) => g.GroupName) : []
  const where = [task.availabilityZone, ip].filter(Boolean).join(', ')

  if (eni) {
    items.push({
      id: eni.NetworkInterfaceId,
      parentId: host ?? eni.SubnetId,
      nodeType: 'group',
      section: host ? HOST_SECTIONS.tasks : 'enis',
      order: creationOrder(i),
      size: ECS_SIZES.networkInterface,
      data: {
        kind: 'Network interface',
        label: eni.NetworkInterfaceId,
        detail: [eni.PrivateIpAddress, eni.PublicIp].filter(Boolean).join(' · '),
        state: eni.Status,
        status: statusOf(eni.Status),
        securityGroups: groups,
        accent,
        service: service?.serviceArn,
        ariaLabel:
          `Network interface ${eni.NetworkInterfaceId} ${eni.PrivateIpAddress}${eni.PublicIp ? ` public ${eni.PublicIp}` : ''}` +
          ` of task ${id}, ${eni.Status}${groups.length ? `, security group ${groups.join(', ')}` : ''}`,
      },
    })
  }
  items.push({
    id: task.taskArn,
    parentId: eni ? eni.NetworkInterfaceId : (host ?? subnetId),
    nodeType: 'group',
    section: eni || host ? 'tasks' : 'enis',
    order: creationOrder(i),
    size: ECS_SIZES.task,
    data: {
      kind: 'Task',
      label: abbreviate(id),
      detail: network ? `${taskDef} · ${network.detail}` : [taskDef, task.launchType].join(' · '),
      state: task.lastStatus,
      status: taskStatus(task.lastStatus, hp),
      badge: hp ?? (network?.isolated ? 'isolated' : undefined),
      accent,
      service: service?.serviceArn,
      ariaLabel:
        `Task ${id} ${task.lastStatus}${hp ? `, ${hp}` : ''}${where ? `, ${where}` : ''}` +
        `${service ? `, service ${service.serviceName}` : ''}, ${taskDef}${network ? `, ${network.aria}` : ''}`,
    },
  })
  task.containers.forEach((c, j) => {
    const def = family?.containerDefinitions.find((d) => d.name === c.name)
    const ports = (def?.portMappings ?? []).map((p) => p.containerPort).filter((p): p is number => p !== undefined)
    const image = c.image.slice(c.image.lastIndexOf('/') + 1)
    const portText = ports.length ? `port ${ports.join(', ')}` : 'no ports'
    const exit = c.exitCode === undefined ? '' : `, exit code ${c.exitCode}`
    items.push({
      id: c.containerArn,
      parentId: task.taskArn,
      nodeType: 'resource',
      section: 'containers',
      order: creationOrder(j),
      size: ECS_SIZES.container,
      data: {
        kind: 'Container',
        label: c.name,
        detail: `${image}${ports.length ? ` :${ports.join(',')}` : ''}`,
        state: c.lastStatus,
        status: statusOf(c.lastStatus),
        service: service?.serviceArn,
        ariaLabel: `Container ${c.name} ${c.lastStatus}${exit}, image ${image}, ${portText}`,
      },
    })
  })
  return items
}
