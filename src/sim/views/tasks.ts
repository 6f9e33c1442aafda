import { DerivedCache } from '../core/derived.ts'
import { arn } from '../core/ids.ts'
import { unproxied } from '../core/journal.ts'
import { eniDetail } from '../ecs/attachments.ts'
import type { Service, Task } from '../ecs/state.ts'
import type { World } from '../world.ts'
import { targetHealthByAddress } from './targetHealth.ts'

/**
 * ECS tasks and services as a learner reads them: where a task is on the network, which service owns it, whether it
 * is healthy, and a service's "2/2 healthy".
 */

/** A task's attachments by type, not position: ECS's own rule (../ecs/attachments.ts), read here by every reader. */
export { attachmentOf as taskAttachment, eniDetail } from '../ecs/attachments.ts'

/** An awsvpc task's private IPv4 address: its ENI's, the address it is registered as a target by. */
export const taskPrivateIp = (task: Task): string | undefined => eniDetail(task, 'privateIPv4Address')
export const taskNetworkInterfaceId = (task: Task): string | undefined => eniDetail(task, 'networkInterfaceId')
export const taskSubnetId = (task: Task): string | undefined => eniDetail(task, 'subnetId')

/** The ARN of the service a task belongs to: ECS puts a service's tasks in the group `service:<name>`. */
export function serviceArnOfTask(world: Readonly<World>, task: Task): string | undefined {
  if (!task.group.startsWith('service:')) return undefined
  // A task's cluster and group never change, so its answer is kept per task object (the diagram asks per task).
  const key = unproxied(task)
  const known = serviceArns.get(key)
  if (known !== undefined) return known
  const clusterName = task.clusterArn.slice(task.clusterArn.indexOf(':cluster/') + ':cluster/'.length)
  const serviceArn = arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `service/${clusterName}/${task.group.slice('service:'.length)}` })
  serviceArns.set(key, serviceArn)
  return serviceArn
}

const serviceArns = new DerivedCache<Task, string>()

/** The service that owns a task (by ARN or the task itself), if any and if it still exists. */
export function serviceOfTask(world: Readonly<World>, task: Task | string): Service | undefined {
  const t = typeof task === 'string' ? world.ecs.tasks[task] : task
  const serviceArn = t && serviceArnOfTask(world, t)
  return serviceArn === undefined ? undefined : world.ecs.services[serviceArn]
}

/** The tasks a service has started that ECS still knows about (stopped ones included until they expire). */
export const tasksOfService = (world: Readonly<World>, serviceArn: string): Task[] =>
  (world.ecs.serviceTasks[serviceArn] ?? []).map((a) => world.ecs.tasks[a]).filter((t): t is Task => t !== undefined)

/** What a learner is told about a task's health, and who says it. */
export interface TaskHealth {
  /** `healthy`, `unhealthy`, `initial`, `draining`, `unused`, `unavailable` (a load balancer's word) or a container health check's, lower case. */
  state: string
  reason?: string
  description?: string
  /** `target`: a target group says it (the worst of the groups the task's address is in); `container`: its health check. */
  source: 'target' | 'container'
  targetGroupArn?: string
}

/**
 * A task's health: the load balancer's view of its address when it is registered (what describe-target-health says),
 * else its container health check's (`healthStatus`); undefined when nothing checks it.
 */
export function taskHealth(world: Readonly<World>, task: Task): TaskHealth | undefined {
  const ip = taskPrivateIp(task)
  const target = ip === undefined ? undefined : targetHealthByAddress(world).get(ip)
  if (target) {
    const { State, Reason, Description } = target.health
    const out: TaskHealth = { state: State, source: 'target', targetGroupArn: target.targetGroupArn }
    if (Reason !== undefined) out.reason = Reason
    if (Description !== undefined) out.description = Description
    return out
  }
  return task.healthStatus === 'UNKNOWN' ? undefined : { state: task.healthStatus.toLowerCase(), source: 'container' }
}

/** A service's counts as the console shows them, and how many of its running tasks are healthy ("2/2 healthy"). */
export interface ServiceHealth {
  desiredCount: number
  runningCount: number
  pendingCount: number
  /** RUNNING tasks that are healthy, or that nothing checks (ECS counts those as healthy in a deployment). */
  healthyCount: number
  /** How many deployments are in flight (more than one: a rolling update). */
  deployments: number
  /** The primary deployment's rollout state (`IN_PROGRESS`, `COMPLETED`, `FAILED`). */
  rolloutState?: string
  /** Whether any deployment's rollout failed (the circuit breaker tripped). */
  rolloutFailed: boolean
}

export function serviceHealth(world: Readonly<World>, serviceArn: string): ServiceHealth | undefined {
  const service = world.ecs.services[serviceArn]
  if (!service) return undefined
  let healthyCount = 0
  for (const task of tasksOfService(world, serviceArn)) {
    if (task.lastStatus !== 'RUNNING') continue
    const health = taskHealth(world, task)
    if (health === undefined || health.state === 'healthy') healthyCount++
  }
  const primary = service.deployments.find((d) => d.status === 'PRIMARY') ?? service.deployments[0]
  const out: ServiceHealth = {
    desiredCount: service.desiredCount,
    runningCount: service.runningCount,
    pendingCount: service.pendingCount,
    healthyCount,
    deployments: service.deployments.length,
    rolloutFailed: service.deployments.some((d) => d.rolloutState === 'FAILED'),
  }
  if (primary?.rolloutState !== undefined) out.rolloutState = primary.rolloutState
  return out
}
