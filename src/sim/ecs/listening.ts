import type { World } from '../world.ts'
import { endpointAt } from './endpoints.ts'
import type { Task } from './state.ts'

/**
 * Who receives TCP traffic sent to (ip, port) — for the network layer (curl, the load balancer's targets).
 * Read-only, no side effects. Found in the endpoint index (endpoints.ts): awsvpc, the task ENI's private IP and a
 * containerPort of its portMappings; bridge/host mode on EC2, the instance's IP and a hostPort of its networkBindings.
 */
export interface ListeningContainer {
  taskArn: string
  containerName: string
  image: string
  containerPort: number
  availabilityZone?: string
}

export function listeningContainer(world: Readonly<World>, ip: string, port: number): ListeningContainer | undefined {
  const at = endpointAt(world, ip, port)
  const task: Task | undefined = at === undefined ? undefined : world.ecs.tasks[at.taskArn]
  if (!at || !task || task.lastStatus !== 'RUNNING') return undefined
  const c = task.containers.find((container) => container.name === at.containerName)
  if (!c || c.lastStatus !== 'RUNNING') return undefined
  return { taskArn: task.taskArn, containerName: c.name, image: c.image, containerPort: port, availabilityZone: task.availabilityZone }
}
