import { clientException } from './errors.ts'
import type { PortMapping, TaskDefinition } from './state.ts'

/**
 * The rules of the four task network modes that ECS checks before any task runs
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html, RegisterTaskDefinition and
 * PortMapping in the ECS API Reference; fidelity §2.6, §2.9, §7b):
 * - none: no external connectivity, so no port mappings;
 * - bridge: `hostPort` fixed, or 0/omitted for a dynamic port the agent picks at placement;
 * - host and awsvpc: the container's port is the host's (or the ENI's) port, so `hostPort` is omitted, 0 or equal;
 * - `links` only exist on Docker's default bridge.
 * The target type a service's target group must have for the mode (ip for awsvpc, instance for bridge/host) is
 * checked at create-service (loadBalancing.ts `checkLoadBalancers`).
 * Reserved host ports (22, 2375, 2376, 51678–51680) are not refused here: ECS refuses them when it places a task
 * (the instance's `PORTS` resource already holds them: "is already using a port required by your task").
 */
export type NetworkMode = TaskDefinition['networkMode']

/** The port mapping as registered (the `hostPort` ECS stores), or ECS's refusal. */
export function registeredPortMapping(networkMode: NetworkMode, containerName: string, p: PortMapping): PortMapping & { containerPort: number; hostPort: number } {
  const containerPort = p.containerPort
  if (containerPort === undefined || !Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535)
    throw clientException(`Invalid 'containerPort' setting for container '${containerName}'.`)
  // "If the network mode is set to none, you cannot specify port mappings" (RegisterTaskDefinition, networkMode).
  if (networkMode === 'none') throw clientException('When networkMode=none, port mappings are not supported.') // wording unverified (fidelity §8)
  const hostPort = p.hostPort
  if (hostPort !== undefined && (!Number.isInteger(hostPort) || hostPort < 0 || hostPort > 65535))
    throw clientException(`Invalid 'hostPort' setting for container '${containerName}'.`) // wording by analogy with containerPort
  if (networkMode === 'awsvpc' || networkMode === 'host') {
    // 0 means "not given" here too: ECS fills in the container port.
    if (hostPort !== undefined && hostPort !== 0 && hostPort !== containerPort)
      throw clientException(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`)
    return { ...p, containerPort, hostPort: containerPort, protocol: p.protocol ?? 'tcp' }
  }
  return { ...p, containerPort, hostPort: hostPort ?? 0, protocol: p.protocol ?? 'tcp' }
}

/**
 * `links` name other containers of the task on Docker's bridge; no other mode has them. The words are ECS's for awsvpc
 * as users report them (ClientException "Links are not supported when networkMode=awsvpc.", aws-otel-collector issue
 * #1359); host and none follow the same pattern (unverified).
 */
export function checkLinks(networkMode: NetworkMode, links: string[] | undefined): void {
  if (links?.length && networkMode !== 'bridge') throw clientException(`Links are not supported when networkMode=${networkMode}.`)
}
