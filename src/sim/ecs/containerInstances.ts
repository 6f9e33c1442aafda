import { arn, ecsTaskId, ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { imageFacts, instanceTypeFacts, type Instance } from '../ec2/index.ts'
import type { World } from '../world.ts'
import { effectiveSetting } from './accountSettings.ts'
import { integerResource, portsResource } from './containerResources.ts'
import { osReservedMiB, RESERVED_PORTS } from './hostFacts.ts'
import type { Attribute, Cluster, ContainerInstance, HostBookkeeping, Task } from './state.ts'
import type { QuerySubject } from './clusterQuery.ts'
import { PENDING_STATUSES } from './task.machine.ts'

/**
 * Container instances: an EC2 instance whose ECS agent registered it in a cluster (agent.ts), with the resources
 * ECS places tasks by. Shapes and texts: ECS API `ContainerInstance`; fidelity §2.9.
 */

export const containerInstanceId = (containerInstanceArn: string): string => containerInstanceArn.slice(containerInstanceArn.lastIndexOf('/') + 1)

/** The container instance a `--container-instance(s)` value names in a cluster (ARN or id). */
export function findContainerInstance(world: Readonly<World>, cluster: Cluster, ref: string): ContainerInstance | undefined {
  const ciArn = ref.startsWith('arn:')
    ? ref
    : arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `container-instance/${cluster.clusterName}/${ref}` })
  const ci = ownEntry(world.ecs.containerInstances, ciArn)
  return ci && clusterOfContainerInstance(world, ci) === cluster.clusterArn ? ci : undefined
}

/** The cluster ARN a container instance belongs to (from its ARN: `container-instance/<cluster>/<id>`). */
export function clusterOfContainerInstance(world: Readonly<World>, ci: ContainerInstance): string {
  const parts = ci.containerInstanceArn.split(':container-instance/')[1].split('/')
  return arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `cluster/${parts[0]}` })
}

export const hostOf = (world: World, ciArn: string): HostBookkeeping => (world.ecs.hosts[ciArn] ??= { taskArns: [], bridgeIps: {} })

/** The tasks placed on a container instance that have not stopped yet. */
export function liveTasksOn(world: Readonly<World>, ciArn: string): Task[] {
  const host = world.ecs.hosts[ciArn]
  if (!host) return []
  const out: Task[] = []
  for (const a of host.taskArns) {
    const t = world.ecs.tasks[a]
    if (t && t.lastStatus !== 'STOPPED') out.push(t)
  }
  return out
}

/** The attribute value of a container instance (built-in `ecs.*` or custom), if it has it. */
export const attributeOf = (ci: ContainerInstance, name: string): string | undefined => ci.attributes.find((a) => a.name === name)?.value

/** A container instance as the cluster query language sees it. */
export function querySubject(world: Readonly<World>, ci: ContainerInstance): QuerySubject {
  return {
    attribute: (name) => attributeOf(ci, name),
    ec2InstanceId: ci.ec2InstanceId,
    agentConnected: ci.agentConnected,
    agentVersion: ci.versionInfo.agentVersion,
    registeredAt: ci.registeredAt,
    runningTasksCount: ci.runningTasksCount,
    hasTaskGroup: (group) => liveTasksOn(world, ci.containerInstanceArn).some((t) => t.group === group),
  }
}

/** The agent's ECS_RESERVED_MEMORY and the like, read from /etc/ecs/ecs.config (agent.ts). */
export interface AgentConfig {
  cluster: string
  reservedMemory: number
}

/**
 * Registers the instance in the cluster (RegisterContainerInstance as the agent calls it): CPU = vCPUs × 1024,
 * MEMORY = the type's MiB less the OS's share and ECS_RESERVED_MEMORY, the reserved ports, and the built-in attributes.
 */
export function registerContainerInstance(ctx: SimContext, cluster: Cluster, instance: Instance, config: AgentConfig): ContainerInstance {
  const { world } = ctx
  const type = instanceTypeFacts(instance.InstanceType)
  const image = imageFacts(instance.ImageId)
  const cpu = (type?.vCpus ?? 1) * 1024
  const memoryMiB = type?.memoryMiB ?? 1024
  const memory = Math.max(0, memoryMiB - osReservedMiB(memoryMiB) - config.reservedMemory)
  const resources = () => [integerResource('CPU', cpu), integerResource('MEMORY', memory), portsResource('PORTS', RESERVED_PORTS), portsResource('PORTS_UDP', [])]
  const ciArn = arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `container-instance/${cluster.clusterName}/${ecsTaskId(ctx.rng)}` })
  const trunking = effectiveSetting(world, 'awsvpcTrunking') === 'enabled' && !!type?.trunking
  const attributes: Attribute[] = [
    { name: 'ecs.capability.task-eni', value: undefined },
    ...(trunking ? [{ name: 'ecs.awsvpc-trunk-id', value: ctx.rng.uuid() }] : []),
    { name: 'ecs.ami-id', value: instance.ImageId },
    { name: 'ecs.availability-zone', value: instance.Placement.AvailabilityZone },
    { name: 'ecs.instance-type', value: instance.InstanceType },
    { name: 'ecs.os-type', value: 'linux' },
    { name: 'ecs.os-family', value: 'LINUX' },
    { name: 'ecs.cpu-architecture', value: type?.architecture ?? 'x86_64' },
    ...(instance.VpcId ? [{ name: 'ecs.vpc-id', value: instance.VpcId }] : []),
    ...(instance.SubnetId ? [{ name: 'ecs.subnet-id', value: instance.SubnetId }] : []),
  ]
  const ci: ContainerInstance = {
    containerInstanceArn: ciArn,
    ec2InstanceId: instance.InstanceId,
    version: 1,
    versionInfo: {
      agentVersion: image?.ecsAgentVersion ?? '1.100.0',
      agentHash: ctx.rng.hex(8),
      dockerVersion: `DockerVersion: ${image?.dockerVersion ?? '25.0.8'}`,
    },
    remainingResources: resources(),
    registeredResources: resources(),
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: attributes.map((a) => (a.value === undefined ? { name: a.name } : a)),
    registeredAt: ctx.now(),
    attachments: [],
    tags: [],
  }
  world.ecs.containerInstances[ciArn] = ci
  world.ecs.hosts[ciArn] = { taskArns: [], bridgeIps: {} }
  cluster.registeredContainerInstancesCount++
  ctx.log(ciArn, { kind: 'resource.created', type: 'AWS::ECS::ContainerInstance', detail: `${instance.InstanceId} joined ${cluster.clusterName}: ${cpu} CPU units, ${memory} MiB` })
  return ci
}

/** A container instance leaves its cluster (deregistered, or its instance terminated): INACTIVE, forgotten later. */
export function markInactive(ctx: SimContext, ci: ContainerInstance, reason: string): void {
  if (ci.status === 'INACTIVE') return
  const cluster = ctx.world.ecs.clusters[clusterOfContainerInstance(ctx.world, ci)]
  if (cluster) cluster.registeredContainerInstancesCount--
  ctx.log(ci.containerInstanceArn, { kind: 'resource.status', type: 'AWS::ECS::ContainerInstance', attribute: 'status', from: ci.status, to: 'INACTIVE', reason })
  ci.status = 'INACTIVE'
  ci.agentConnected = false
  ci.version++
}

/** Keeps runningTasksCount / pendingTasksCount of the task's container instance in step with its lastStatus. */
export function countHostTransition(world: World, task: Task, from: string | undefined, to: string): void {
  const ci = task.containerInstanceArn ? world.ecs.containerInstances[task.containerInstanceArn] : undefined
  if (!ci) return
  if (from === 'RUNNING') ci.runningTasksCount--
  else if (from && PENDING_STATUSES.has(from)) ci.pendingTasksCount--
  if (to === 'RUNNING') ci.runningTasksCount++
  else if (PENDING_STATUSES.has(to)) ci.pendingTasksCount++
}
