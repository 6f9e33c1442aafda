import type { World } from '../world.ts'
import type { Task } from './state.ts'

/**
 * Who receives TCP traffic sent to (ip, port) — for the network layer (curl, the load balancer's targets).
 * Read-only, no side effects. awsvpc: `ip` is the task ENI's private IP and `port` a containerPort of its
 * portMappings. Bridge/host mode on EC2 will match `networkBindings` (hostPort on the instance's IP) here later.
 */
export interface ListeningContainer {
  taskArn: string
  containerName: string
  image: string
  containerPort: number
  availabilityZone?: string
}

export function listeningContainer(world: Readonly<World>, ip: string, port: number): ListeningContainer | undefined {
  const { tasks, taskDefinitions, taskByIp } = world.ecs
  const taskArn = taskByIp?.[ip]
  const task: Task | undefined = taskArn === undefined ? undefined : tasks[taskArn]
  if (!task || task.lastStatus !== 'RUNNING') return undefined
  for (const c of task.containers) {
    if (c.lastStatus !== 'RUNNING' || !c.networkInterfaces.some((n) => n.privateIpv4Address === ip)) continue
    const def = taskDefinitions[task.taskDefinitionArn]?.containerDefinitions.find((d) => d.name === c.name)
    if (def?.portMappings.some((p) => p.containerPort === port && (p.protocol ?? 'tcp') === 'tcp'))
      return { taskArn: task.taskArn, containerName: c.name, image: c.image, containerPort: port, availabilityZone: task.availabilityZone }
  }
  return undefined
}
