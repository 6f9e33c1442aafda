import type { SimContext } from '../context.ts'
import { instanceHost } from '../ec2/index.ts'
import { runsAgent } from '../ecs/agent.ts'
import { containerExit } from '../ecs/taskLifecycle.ts'
import type { World } from '../world.ts'
import { execInContainer, requireContainer, serverOf } from './containers.ts'
import { ensureStore, instanceDocker, tasksOnInstance } from './ecsContainers.ts'
import { DockerError } from './errors.ts'
import { containerInspect, imageInspect, networkInspect, NETWORKS, volumeInspect } from './inspect.ts'
import { imageSize, requireImage } from './images.ts'
import { pageOf } from './serve.ts'
import type { ContainerNetwork } from './shell.ts'
import type { HostFiles } from './stores.ts'
import { requireVolume } from './volumes.ts'

/**
 * The Docker engine of an EC2 instance, reached with `docker -H tcp://<address>:2375`, `DOCKER_HOST` or a context.
 *
 * Reachability (the sandbox's rule, stated once here): the address is an instance's private or public IPv4 address or
 * DNS name, the port is 2375 (IANA's plain-HTTP Docker port, docker/cli opts/hosts.go `defaultHTTPPort`), the instance
 * is `running`, and its image runs Docker (the ECS-optimized AMIs, or user data installing ecs-init: agent.ts
 * `runsAgent`). Anything else gets the Docker client's "Cannot connect to the Docker daemon at <host>. Is the docker
 * daemon running?" (moby client/errors.go) and exit 1. A real instance's dockerd listens on the unix socket only until
 * it is told to listen on TCP, and a security group must let the workstation in: the course skips both steps (and ECS
 * reserves 2375/2376 on every container instance for this daemon port: fidelity §2.9).
 */
export const DAEMON_PORT = 2375

/** The instance an endpoint reaches, or the client's error. */
export function reachableInstance(world: World, endpoint: string): string {
  const m = /^tcp:\/\/\[?([^\]]*?)\]?:(\d+)$/.exec(endpoint)
  const unreachable = new DockerError(0, `Cannot connect to the Docker daemon at ${endpoint}. Is the docker daemon running?`)
  if (!m || Number(m[2]) !== DAEMON_PORT) throw unreachable
  const address = m[1]
  const instance = Object.values(world.ec2.instances).find(
    (i) => i.PrivateIpAddress === address || i.PublicIpAddress === address || (address !== '' && (i.PrivateDnsName === address || i.PublicDnsName === address)),
  )
  const host = instance && instanceHost(world, instance.InstanceId)
  if (!instance || instance.State.Name !== 'running' || !host || !runsAgent(host)) throw unreachable
  return instance.InstanceId
}

type Input = Record<string, unknown>
type Operation = (ctx: SimContext, instanceId: string, input: Input, host: HostFiles) => unknown

const view = (ctx: SimContext, instanceId: string) => instanceDocker(ctx.world, instanceId)

/** The Engine API on an instance: reads of ECS's containers, `exec` into them, and `stop`/`rm` as ECS sees them. */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  ContainerList: (ctx, id) => Object.values(view(ctx, id).containers),
  ContainerInspect: (ctx, id, i) => {
    const docker = view(ctx, id)
    return containerInspect(docker, requireContainer(docker, String(i.ref)))
  },
  ContainerLogs: (ctx, id, i) => requireContainer(view(ctx, id), String(i.ref)).logs,
  ContainerExec: (ctx, id, i, host) => {
    // The writable layer is kept in the instance's store, made before the view so the exec writes into it.
    const c = requireContainer(view(ctx, id), String(i.ref))
    const store = ensureStore(ctx.world.docker, id)
    store.uppers[c.id] ??= {}
    const docker = view(ctx, id)
    const self = docker.containers[c.id]
    // docker0: a running container's bridge address and its server's port answer; loopback is the container itself.
    const network: ContainerNetwork = {
      get(ip, port, path) {
        const target = ip === '127.0.0.1' ? self : Object.values(docker.containers).find((o) => o.status === 'running' && o.ipAddress === ip)
        if (!target || serverOf(docker, target)?.port !== port) return undefined
        return pageOf(docker, host, target, path)
      },
    }
    return execInContainer(ctx, host, i as { ref: string; cmd: string[] }, docker, self.networkMode === 'bridge' ? network : undefined)
  },
  ContainerStop: (ctx, id, i) => stopEcsContainer(ctx, id, String(i.ref)),
  ContainerDelete: (ctx, id, i) => {
    const docker = view(ctx, id)
    const c = requireContainer(docker, String(i.ref))
    if (c.status === 'running' && !i.force)
      throw new DockerError(409, `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`)
    if (c.status === 'running') stopEcsContainer(ctx, id, c.id)
    const store = ensureStore(ctx.world.docker, id)
    store.removed.push(c.id)
    delete store.uppers[c.id]
  },
  ImageList: (ctx, id) => {
    const docker = view(ctx, id)
    return Object.values(docker.images).map((image) => ({ ...image, size: imageSize(docker, image) }))
  },
  ImageInspect: (ctx, id, i) => {
    const docker = view(ctx, id)
    return imageInspect(docker, requireImage(docker, String(i.ref)))
  },
  VolumeList: (ctx, id) => Object.values(view(ctx, id).volumes),
  VolumeInspect: (ctx, id, i) => volumeInspect(requireVolume(view(ctx, id), String(i.name))),
  NetworkList: () => NETWORKS.map((n) => ({ ...n })),
  NetworkInspect: (ctx, id, i) => {
    const n = networkInspect(view(ctx, id), String(i.ref))
    if (!n) throw new DockerError(404, `network ${String(i.ref)} not found`)
    return n
  },
}

/** Operations that only read (the others may change the world: the engine's revision moves). */
export const INSTANCE_READS = new Set(['ContainerList', 'ContainerInspect', 'ContainerLogs', 'ImageList', 'ImageInspect', 'VolumeList', 'VolumeInspect', 'NetworkList', 'NetworkInspect'])

/** One Engine API call on the engine an endpoint reaches. */
export function callInstanceEngine(ctx: SimContext, endpoint: string, operation: string, input: Input, host: HostFiles): unknown {
  const instanceId = reachableInstance(ctx.world, endpoint)
  const op = OPERATIONS[operation]
  // The sandbox's own words: ECS decides what runs on a container instance; the learner asks ECS, not this engine.
  if (!op) throw new DockerError(0, `This sandbox simulates only reading, exec, stop and rm on a container instance's engine (${operation} is not simulated there): ECS starts the containers on it; use aws ecs run-task.`)
  return op(ctx, instanceId, input, host)
}

/**
 * `docker stop` of a container ECS started: the process answers SIGTERM (a server exits 0; a shell is killed, 137),
 * and the agent reports the exit to ECS as any other: an essential container takes its task down ("Essential
 * container in task exited"), the service starts a replacement. The agent's own container is refused: stopping it
 * disconnects the instance, which the sandbox does not simulate.
 */
function stopEcsContainer(ctx: SimContext, instanceId: string, ref: string): void {
  const docker = view(ctx, instanceId)
  const c = requireContainer(docker, ref)
  if (c.status !== 'running') return
  if (c.name === 'ecs-agent') throw new DockerError(0, 'This sandbox does not simulate stopping the ECS agent (stop the instance, or use aws ecs update-container-instances-state to drain it).')
  const task = tasksOnInstance(ctx.world, instanceId).find((t) => t.containers.some((x) => x.runtimeId === c.id))
  const container = task?.containers.find((x) => x.runtimeId === c.id)
  if (!task || !container) throw new DockerError(0, 'This sandbox does not simulate stopping the pause container of an awsvpc task (stop the task with aws ecs stop-task).')
  containerExit(ctx, { taskArn: task.taskArn, containerName: container.name, exitCode: serverOf(docker, c) ? 0 : 137 })
}
