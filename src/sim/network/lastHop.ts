import type { World } from '../world.ts'
import type { ListeningContainer } from './containers.ts'

/**
 * The last stretch of a packet, from the address and port it reached to the container's own port, which is where
 * the four network modes differ (ECS Developer Guide, "Amazon ECS task networking options for EC2"):
 * - awsvpc: the task's own ENI; the port is the container port;
 * - host: the instance's interface; the container listens on it directly (hostPort = containerPort);
 * - bridge: the instance's port is NATed by Docker through `docker0` (172.17.0.1/16) to the container's port, a
 *   fixed `hostPort` or a dynamic one from the ephemeral range (the container's `networkBindings`).
 */
export interface LastHop {
  networkMode: string
  /** The port the container process listens on. */
  containerPort: number
  /** The instance port bound to it (bridge and host), when the packet came through one. */
  hostPort?: number
  label: string
}

export function lastHop(world: Readonly<World>, container: ListeningContainer, address: string, port: number, eniId: string): LastHop {
  const task = world.ecs.tasks[container.taskArn]
  const networkMode = (task && world.ecs.taskDefinitions[task.taskDefinitionArn]?.networkMode) ?? 'awsvpc'
  if (networkMode === 'bridge') {
    const c = task?.containers.find((x) => x.name === container.containerName)
    const binding = c?.networkBindings.find((b) => b.hostPort === port && (b.protocol ?? 'tcp') === 'tcp')
    const containerPort = binding?.containerPort ?? container.containerPort
    return { networkMode, containerPort, hostPort: port, label: `docker0 NAT ${address}:${port} → container ${container.containerName}:${containerPort} (bridge)` }
  }
  if (networkMode === 'host') return { networkMode, containerPort: port, hostPort: port, label: `host network: container ${container.containerName} listens on the instance's ${address}:${port}` }
  return { networkMode, containerPort: port, label: `task ENI ${eniId} ${address}:${port} → container ${container.containerName}:${port} (awsvpc)` }
}
