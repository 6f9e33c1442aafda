import type { SimContext } from '../context.ts'
import { requireContainer } from './containers.ts'
import { familiarName, parseReference } from './images.ts'
import { entriesSize } from './layers.ts'
import type { DockerImage } from './state.ts'

/**
 * `docker commit`: the container's writable layer (whiteouts included) becomes a new read-only layer on top of its
 * image's layers; the new image keeps the container's command. Mounted data is not part of it
 * (https://docs.docker.com/reference/cli/docker/container/commit/).
 */
export function commitContainer(ctx: SimContext, input: { ref: string; repository?: string; message?: string; author?: string }): DockerImage {
  const docker = ctx.world.docker
  const c = requireContainer(docker, input.ref)
  const base = docker.images[c.imageId]
  const layerId = `sha256:${ctx.rng.hex(64)}`
  const command = [c.path, ...c.args].map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')
  docker.layers[layerId] = { id: layerId, size: entriesSize(c.upper), createdBy: command, created: ctx.now(), entries: JSON.parse(JSON.stringify(c.upper)) as typeof c.upper }
  const id = `sha256:${ctx.rng.hex(64)}`
  const tag = input.repository ? (({ repository, tag }) => `${familiarName(repository)}:${tag}`)(parseReference(input.repository)) : undefined
  if (tag) for (const other of Object.values(docker.images)) if (other.repoTags.includes(tag)) other.repoTags = other.repoTags.filter((t) => t !== tag)
  const image: DockerImage = {
    id,
    repoTags: tag ? [tag] : [],
    repoDigests: [],
    layerIds: [...(base?.layerIds ?? []), layerId],
    created: ctx.now(),
    parent: c.imageId,
    ...(input.message ? { comment: input.message } : {}),
    config: { ...(base?.config ?? { cmd: [], env: [], workingDir: '/', user: '', exposedPorts: [] }), cmd: c.path === '/docker-entrypoint.sh' ? c.args : [c.path, ...c.args] },
  }
  docker.images[id] = image
  return image
}
