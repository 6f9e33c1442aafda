import type { SimContext } from '../context.ts'
import type { HttpRequest } from '../network/types.ts'
import { buildImage, type BuildRequest } from './build.ts'
import { commitContainer } from './commit.ts'
import { containerChanges, execInContainer, removeContainer, requireContainer, restartContainer, runContainer, startContainer, stopContainer, type RunRequest } from './containers.ts'
import { DockerError } from './errors.ts'
import { imageHistory, imageSize, pullImage, requireImage } from './images.ts'
import { containerInspect, imageInspect, networkInspect, NETWORKS, volumeInspect } from './inspect.ts'
import { entriesSize } from './layers.ts'
import { login, logout, pushImage, tagImage } from './registry.ts'
import { serveLocal } from './serve.ts'
import type { HostFiles } from './stores.ts'
import { contextHost, createContext, currentContext, inspectContext, listContexts, removeContext, useContext } from './contexts.ts'
import { callInstanceEngine, INSTANCE_READS } from './instanceEngine.ts'
import { createVolume, pruneVolumes, removeVolume, requireVolume, usersOf, type VolumeRequest } from './volumes.ts'

type Input = Record<string, unknown>
type Operation = (ctx: SimContext, input: Input, host: HostFiles) => unknown

/**
 * The Docker Engine API the `docker` CLI talks to, one operation per endpoint, named as the API's reference names
 * them (https://docs.docker.com/reference/api/engine/). Inputs are the CLI's parsed flags; errors are DockerErrors.
 */
export const DOCKER_OPERATIONS: Readonly<Record<string, Operation>> = {
  ImageCreate: (ctx, i) => pullImage(ctx, i as { ref: string }),
  ImageList: (ctx) => Object.values(ctx.world.docker.images).map((image) => ({ ...image, size: imageSize(ctx.world.docker, image) })),
  ImageInspect: (ctx, i) => imageInspect(ctx.world.docker, requireImage(ctx.world.docker, i.ref as string)),
  ImageHistory: (ctx, i) => imageHistory(ctx.world.docker, requireImage(ctx.world.docker, i.ref as string)),
  ImageCommit: (ctx, i) => commitContainer(ctx, i as { ref: string }),
  ImageBuild: (ctx, i, host) => buildImage(ctx, host, i as unknown as BuildRequest),
  ImageTag: (ctx, i) => tagImage(ctx, i as { source: string; target: string }),
  ImagePush: (ctx, i) => pushImage(ctx, i as { ref: string }),
  SystemAuth: (ctx, i) => login(ctx, i as { server: string; username: string; password: string }),
  Logout: (ctx, i) => logout(ctx, i as { server: string }),
  ContainerRun: (ctx, i, host) => runContainer(ctx, host, i as unknown as RunRequest),
  ContainerList: (ctx) => Object.values(ctx.world.docker.containers),
  ContainerInspect: (ctx, i) => containerInspect(ctx.world.docker, requireContainer(ctx.world.docker, i.ref as string)),
  ContainerStart: (ctx, i, host) => startContainer(ctx, host, i as { ref: string }),
  ContainerStop: (ctx, i) => stopContainer(ctx, i as { ref: string }),
  ContainerRestart: (ctx, i, host) => restartContainer(ctx, host, i as { ref: string }),
  ContainerDelete: (ctx, i) => removeContainer(ctx, i as { ref: string }),
  ContainerExec: (ctx, i, host) => execInContainer(ctx, host, i as { ref: string; cmd: string[] }),
  ContainerLogs: (ctx, i) => requireContainer(ctx.world.docker, i.ref as string).logs,
  ContainerChanges: (ctx, i, host) => containerChanges(ctx.world.docker, host, requireContainer(ctx.world.docker, i.ref as string)),
  VolumeCreate: (ctx, i) => createVolume(ctx, i as VolumeRequest),
  VolumeList: (ctx) => Object.values(ctx.world.docker.volumes),
  VolumeInspect: (ctx, i) => volumeInspect(requireVolume(ctx.world.docker, i.name as string)),
  VolumeDelete: (ctx, i) => removeVolume(ctx, i as { name: string }),
  VolumePrune: (ctx, i) => pruneVolumes(ctx, i as { all?: boolean }),
  NetworkList: () => NETWORKS.map((n) => ({ ...n })),
  NetworkInspect: (ctx, i) => {
    const n = networkInspect(ctx.world.docker, i.ref as string)
    if (!n) throw new DockerError(404, `network ${String(i.ref)} not found`)
    return n
  },
  SystemDataUsage: (ctx) => {
    const docker = ctx.world.docker
    const used = new Set(Object.values(docker.containers).map((c) => c.imageId))
    const layerSize = new Map<string, number>()
    for (const image of Object.values(docker.images)) for (const id of image.layerIds) layerSize.set(id, imageSize(docker, { ...image, layerIds: [id] }))
    const volumes = Object.values(docker.volumes)
    return {
      images: { total: Object.keys(docker.images).length, active: Object.values(docker.images).filter((i) => used.has(i.id)).length, size: [...layerSize.values()].reduce((a, b) => a + b, 0), reclaimable: Object.values(docker.images).filter((i) => !used.has(i.id)).reduce((n, i) => n + imageSize(docker, i), 0) },
      containers: { total: Object.keys(docker.containers).length, active: Object.values(docker.containers).filter((c) => c.status === 'running').length, size: Object.values(docker.containers).reduce((n, c) => n + entriesSize(c.upper), 0), reclaimable: Object.values(docker.containers).filter((c) => c.status !== 'running').reduce((n, c) => n + entriesSize(c.upper), 0) },
      volumes: { total: volumes.length, active: volumes.filter((v) => usersOf(docker, v.name).length).length, size: volumes.reduce((n, v) => n + entriesSize(v.files), 0), reclaimable: volumes.filter((v) => !usersOf(docker, v.name).length).reduce((n, v) => n + entriesSize(v.files), 0) },
    }
  },
  Http: (ctx, i, host) => serveLocal(ctx, host, i as unknown as HttpRequest),
  // The client's contexts (contexts.ts): kept by the workstation's docker CLI, not an Engine API call.
  ContextCreate: (ctx, i) => createContext(ctx, i as { name: string; description?: string; host: string }),
  ContextList: (ctx) => listContexts(ctx.world.docker),
  ContextInspect: (ctx, i) => inspectContext(ctx.world.docker, String(i.name)),
  ContextUse: (ctx, i) => useContext(ctx, i as { name: string }),
  ContextRemove: (ctx, i) => removeContext(ctx, i as { name: string; force?: boolean }),
  ContextCurrent: (ctx) => {
    const name = currentContext(ctx.world.docker)
    return { name, host: contextHost(ctx.world.docker, name) }
  },
}

/** The operations that only read: every other one moves the engine's `revision` when it succeeds. */
const READS = new Set(['ContextList', 'ContextInspect', 'ContextCurrent', 'ImageList', 'ImageInspect', 'ImageHistory', 'ContainerList', 'ContainerInspect', 'ContainerLogs', 'ContainerChanges', 'VolumeList', 'VolumeInspect', 'NetworkList', 'NetworkInspect', 'SystemDataUsage', 'Http'])

/**
 * One Engine API call: on the workstation's engine, or, when the input names an `endpoint` (`tcp://10.0.1.12:2375`,
 * from -H, DOCKER_HOST or a context), on the engine of the EC2 instance it reaches (instanceEngine.ts).
 */
export function callDocker(ctx: SimContext, operation: string, input: object, host: HostFiles): unknown {
  const endpoint = (input as { endpoint?: unknown }).endpoint
  if (typeof endpoint === 'string') {
    const result = callInstanceEngine(ctx, endpoint, operation, input as Input, host)
    if (!INSTANCE_READS.has(operation)) engineChanged(ctx)
    return result
  }
  const op = DOCKER_OPERATIONS[operation]
  if (!op) throw new Error(`The Docker engine has no operation ${operation}`)
  const result = op(ctx, input as Input, host)
  if (!READS.has(operation)) engineChanged(ctx)
  return result
}

/** Marks the engine as changed (an operation that may have changed it, or a timer that did). */
export function engineChanged(ctx: SimContext): void {
  ctx.world.docker.revision = (ctx.world.docker.revision ?? 0) + 1
}
