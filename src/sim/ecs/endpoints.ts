import type { World } from '../world.ts'
import { eniDetail } from './attachments.ts'
import type { LoadBalancer, Task } from './state.ts'

/**
 * Where a task can be reached: its endpoints, each an (address, port) pair that leads to one of its containers,
 * built from the task's network bindings as ECS reports them
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html):
 * - awsvpc: the task ENI's private IP and each `containerPort` of the container's port mappings (the container's
 *   `networkInterfaces`);
 * - bridge / host (EC2): the container instance's private IP and the `hostPort` of each entry in the container's
 *   `networkBindings` (so an ELB instance target, instance ID → private IP → this index, reaches the container).
 *
 * `world.ecs.endpoints` indexes them by `address:port` while the task holds its addresses (from creation until
 * STOPPED), so the network finds the container behind an address in one lookup, and a task replaced at the same
 * IP answers as itself, not as the task before it.
 */
export interface Endpoint {
  taskArn: string
  containerName: string
}

export const endpointKey = (address: string, port: number): string => `${address}:${port}`

/** The task's (address, port) pairs and the container each leads to, in container order. */
export function endpointsOf(world: Readonly<World>, task: Task): { address: string; port: number; containerName: string }[] {
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  const out: { address: string; port: number; containerName: string }[] = []
  const hostIp = instanceAddressOf(world, task)
  for (const c of task.containers) {
    const def = td?.containerDefinitions.find((d) => d.name === c.name)
    if (hostIp) for (const b of c.networkBindings) if (b.hostPort !== undefined && (b.protocol ?? 'tcp') === 'tcp') out.push({ address: hostIp, port: b.hostPort, containerName: c.name })
    for (const n of c.networkInterfaces)
      for (const p of def?.portMappings ?? [])
        if (p.containerPort !== undefined && (p.protocol ?? 'tcp') === 'tcp') out.push({ address: n.privateIpv4Address, port: p.containerPort, containerName: c.name })
  }
  return out
}

/** The private IP of the EC2 instance a task was placed on, while the instance has one. */
export function instanceAddressOf(world: Readonly<World>, task: Task): string | undefined {
  const ci = task.containerInstanceArn ? world.ecs.containerInstances?.[task.containerInstanceArn] : undefined
  return ci ? world.ec2.instances[ci.ec2InstanceId]?.PrivateIpAddress : undefined
}

/** Adds the task's endpoints to the index (the first container to claim an address and port keeps it). */
export function indexEndpoints(world: World, task: Task): void {
  const index = (world.ecs.endpoints ??= {})
  // A task has a handful of endpoints: a list checks them as well as a set would, without making one per task.
  const claimed: string[] = []
  for (const e of endpointsOf(world, task)) {
    const key = endpointKey(e.address, e.port)
    if (claimed.includes(key)) continue
    claimed.push(key)
    index[key] = { taskArn: task.taskArn, containerName: e.containerName }
  }
}

/** Removes the task's endpoints (those another task has since taken stay). */
export function unindexEndpoints(world: World, task: Task): void {
  const index = world.ecs.endpoints
  if (!index) return
  const bound = task.containers.some((c) => c.networkBindings.length > 0)
  if (!world.ecs.taskDefinitions[task.taskDefinitionArn] || (bound && !instanceAddressOf(world, task))) {
    // Its ports (or its instance's address) are no longer known: find its entries instead.
    for (const key of Object.keys(index)) if (index[key].taskArn === task.taskArn) delete index[key]
    return
  }
  for (const e of endpointsOf(world, task)) {
    const key = endpointKey(e.address, e.port)
    if (index[key]?.taskArn === task.taskArn) delete index[key]
  }
}

/** Who is at (address, port), if a task holds it. */
export const endpointAt = (world: Readonly<World>, address: string, port: number): Endpoint | undefined => world.ecs.endpoints?.[endpointKey(address, port)]

/**
 * The target ECS registers for a task in a service's target group: for awsvpc (target type `ip`) the task ENI's
 * IP and the container port; for bridge/host (target type `instance`) the container instance's EC2 instance ID and
 * the `hostPort` bound to `containerPort` in the container's `networkBindings` (ECS Developer Guide, alb.html).
 */
export function targetOf(world: Readonly<World>, task: Task, lb: Pick<LoadBalancer, 'containerPort' | 'containerName'>): { Id: string; Port: number } {
  const ip = eniDetail(task, 'privateIPv4Address')
  const ci = task.containerInstanceArn ? world.ecs.containerInstances?.[task.containerInstanceArn] : undefined
  if (ip || !ci) return { Id: ip ?? '', Port: lb.containerPort }
  const binding = task.containers.find((c) => c.name === lb.containerName)?.networkBindings.find((b) => b.containerPort === lb.containerPort)
  return { Id: ci.ec2InstanceId, Port: binding?.hostPort ?? lb.containerPort }
}
