import { isoTimestamp } from '../core/time.ts'
import type { ContainerInstance, NetworkBinding, Task } from '../ecs/state.ts'
import type { World } from '../world.ts'
import { perWorld } from './memo.ts'
import { clusterArnOf } from './names.ts'

/**
 * ECS on EC2 as a learner reads it: each cluster's container instances with what is left on them (the diagram's
 * small bars), the tasks on each with their host ports and docker0 addresses, and the ECS agent of an instance with
 * its log lines (the inspector: why an instance never joined).
 */

export interface HostTaskView {
  taskArn: string
  lastStatus: string
  group: string
  /** Bridge mode: each container's 172.17.x address on the instance's docker0 bridge. */
  bridgeIps: Record<string, string>
  /** Host port → container port bindings (bridge/host). */
  networkBindings: (NetworkBinding & { containerName: string })[]
}

export interface ContainerInstanceView {
  containerInstanceArn: string
  containerInstanceId: string
  ec2InstanceId: string
  status: ContainerInstance['status']
  agentConnected: boolean
  availabilityZone?: string
  instanceType?: string
  privateIpAddress?: string
  registered: { cpu: number; memory: number }
  remaining: { cpu: number; memory: number }
  /** Ports taken besides the reserved ones, as describe-container-instances lists them in remainingResources PORTS. */
  ports: string[]
  runningTasksCount: number
  pendingTasksCount: number
  tasks: HostTaskView[]
}

const integer = (ci: ContainerInstance, which: 'registeredResources' | 'remainingResources', name: string) =>
  ci[which].find((r) => r.name === name)?.integerValue ?? 0
const attribute = (ci: ContainerInstance, name: string) => ci.attributes.find((a) => a.name === name)?.value

/** The container instance an EC2 instance runs as, in any cluster (INACTIVE ones left out); indexed once per world version. */
export function containerInstanceOfEc2(world: Readonly<World>, instanceId: string): ContainerInstanceView | undefined {
  return perWorld(world, 'containerInstanceOfEc2', () => {
    const index = new Map<string, ContainerInstanceView>()
    for (const cluster of Object.values(world.ecs.clusters)) for (const ci of containerInstances(world, cluster.clusterArn)) index.set(ci.ec2InstanceId, ci)
    return index
  }).get(instanceId)
}

/** Where an instance target leads: the task bound to that host port and the container port it forwards to. */
export interface HostPortBinding {
  taskArn: string
  containerPort: number
}

/**
 * `i-…:hostPort` → the task and container port behind it (bridge: docker0's forwarding; host: the same port), from the
 * tasks' network bindings, the ones describe-tasks shows: what an instance target of a target group reaches.
 */
export function hostPortBindings(world: Readonly<World>): ReadonlyMap<string, HostPortBinding> {
  return perWorld(world, 'hostPortBindings', () => {
    const out = new Map<string, HostPortBinding>()
    for (const cluster of Object.values(world.ecs.clusters)) {
      for (const ci of containerInstances(world, cluster.clusterArn)) {
        for (const t of ci.tasks) {
          for (const b of t.networkBindings) {
            if (b.hostPort !== undefined && b.containerPort !== undefined) out.set(`${ci.ec2InstanceId}:${b.hostPort}`, { taskArn: t.taskArn, containerPort: b.containerPort })
          }
        }
      }
    }
    return out
  })
}

/** The container instances of a cluster (`--cluster` value: name or ARN; none means `default`), INACTIVE ones left out. */
export function containerInstances(world: Readonly<World>, cluster?: string): ContainerInstanceView[] {
  const clusterArn = clusterArnOf(world, cluster)
  const prefix = `${clusterArn.replace(':cluster/', ':container-instance/')}/`
  const out: ContainerInstanceView[] = []
  for (const ci of Object.values(world.ecs.containerInstances ?? {})) {
    if (!ci.containerInstanceArn.startsWith(prefix) || ci.status === 'INACTIVE') continue
    const host = world.ecs.hosts?.[ci.containerInstanceArn]
    const tasks: HostTaskView[] = []
    for (const taskArn of host?.taskArns ?? []) {
      const t: Task | undefined = world.ecs.tasks[taskArn]
      if (!t) continue
      tasks.push({
        taskArn,
        lastStatus: t.lastStatus,
        group: t.group,
        bridgeIps: host?.bridgeIps[taskArn] ?? {},
        networkBindings: t.containers.flatMap((c) => c.networkBindings.map((b) => ({ ...b, containerName: c.name }))),
      })
    }
    out.push({
      containerInstanceArn: ci.containerInstanceArn,
      containerInstanceId: ci.containerInstanceArn.slice(ci.containerInstanceArn.lastIndexOf('/') + 1),
      ec2InstanceId: ci.ec2InstanceId,
      status: ci.status,
      agentConnected: ci.agentConnected,
      availabilityZone: attribute(ci, 'ecs.availability-zone'),
      instanceType: attribute(ci, 'ecs.instance-type'),
      privateIpAddress: world.ec2.instances[ci.ec2InstanceId]?.PrivateIpAddress,
      registered: { cpu: integer(ci, 'registeredResources', 'CPU'), memory: integer(ci, 'registeredResources', 'MEMORY') },
      remaining: { cpu: integer(ci, 'remainingResources', 'CPU'), memory: integer(ci, 'remainingResources', 'MEMORY') },
      ports: ci.remainingResources.find((r) => r.name === 'PORTS')?.stringSetValue ?? [],
      runningTasksCount: ci.runningTasksCount,
      pendingTasksCount: ci.pendingTasksCount,
      tasks,
    })
  }
  return out
}

export interface EcsAgentView {
  instanceId: string
  state: 'starting' | 'registered' | 'failing' | 'disconnected'
  cluster: string
  containerInstanceArn?: string
  /** The agent's log lines as it writes them: `level=info time=… msg="…"`. */
  log: string[]
}

/** The ECS agent of an EC2 instance, if the instance runs one (its image starts it, or its user data installs it). */
export function ecsAgentOf(world: Readonly<World>, instanceId: string): EcsAgentView | undefined {
  const agent = world.ecs.agents?.[instanceId]
  if (!agent) return undefined
  return {
    instanceId,
    state: agent.state,
    cluster: agent.cluster,
    ...(agent.containerInstanceArn ? { containerInstanceArn: agent.containerInstanceArn } : {}),
    log: agent.log.map((l) => `level=${l.level} time=${isoTimestamp(l.at)} msg="${l.msg.replaceAll('"', '\\"')}"`),
  }
}
