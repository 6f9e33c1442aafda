import type { SimContext } from '../context.ts'
import { checkRegistryPassword, layersIn, putImage, registryHost, type EcrImage } from '../ecr/index.ts'
import { digestOf } from './digest.ts'
import { DockerError, noSuchImage } from './errors.ts'
import { familiarName, findImage, parseReference } from './images.ts'
import { layerEntries, layerInfo } from './layers.ts'
import type { DockerImage } from './state.ts'

/** `docker tag SOURCE TARGET`: one more name for a local image (a name moves from any image that had it). */
export function tagImage(ctx: SimContext, input: { source: string; target: string }): void {
  const docker = ctx.world.docker
  const image = findImage(docker, input.source)
  if (!image) throw noSuchImage(input.source.includes(':') || /^[0-9a-f]{12,64}$/.test(input.source) ? input.source : `${input.source}:latest`)
  const { repository, tag } = parseReference(input.target)
  const name = `${familiarName(repository)}:${tag}`
  for (const other of Object.values(docker.images)) if (other.id !== image.id && other.repoTags.includes(name)) other.repoTags = other.repoTags.filter((t) => t !== name)
  if (!image.repoTags.includes(name)) image.repoTags = [...image.repoTags, name]
}

/** The registry host of a reference: the first part when it names a host (has a dot or a port), else Docker Hub. */
export function registryOf(ref: string): string {
  const first = ref.split('/')[0]
  return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io'
}

/**
 * `POST /auth` (`docker login`): the daemon tries the credentials against the registry's `/v2/`. This account's ECR
 * takes the token `aws ecr get-login-password` gave (user `AWS`); any other answer is the registry's 400, as seen
 * for ECR (aws/aws-cli#4962). Docker Hub's accounts are not simulated.
 */
export function login(ctx: SimContext, input: { server: string; username: string; password: string }): void {
  const server = input.server.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
  if (server === 'docker.io' || server === 'index.docker.io' || server === 'registry-1.docker.io')
    throw new DockerError(401, 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password')
  if (server !== registryHost(ctx.world)) {
    if (/\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com$/.test(server)) throw new DockerError(400, `login attempt to https://${server}/v2/ failed with status: 400 Bad Request`)
    throw new DockerError(500, `Get "https://${server}/v2/": dial tcp: lookup ${server}: no such host`)
  }
  if (input.username !== 'AWS' || checkRegistryPassword(ctx.world, input.password, ctx.now()) !== 'valid')
    throw new DockerError(400, `login attempt to https://${server}/v2/ failed with status: 400 Bad Request`)
  ctx.world.docker.auths = { ...(ctx.world.docker.auths ?? {}), [server]: { username: input.username, password: input.password } }
}

/** `docker logout [SERVER]`: forgets the saved credentials; false when there were none. */
export function logout(ctx: SimContext, input: { server: string }): boolean {
  const auths = ctx.world.docker.auths ?? {}
  if (!(input.server in auths)) return false
  const rest = { ...auths }
  delete rest[input.server]
  ctx.world.docker.auths = rest
  return true
}

export interface PushResult {
  /** `<registry>/<repository>` as `The push refers to repository [...]` names it. */
  repository: string
  tag: string
  /** Top layer first: short ID and whether the registry had it already. */
  layers: { id: string; existed: boolean }[]
  digest: string
  /** The manifest's size in bytes. */
  size: number
}

/** The image manifest a push uploads (schema 2, indented as Docker writes it): its bytes give the digest and size. */
function manifestOf(ctx: SimContext, image: DockerImage): string {
  const docker = ctx.world.docker
  const configSize = JSON.stringify({ config: image.config, rootfs: image.layerIds, history: image.history ?? [] }).length
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: configSize, digest: image.id },
      layers: image.layerIds.map((id) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layerInfo(docker, id).size, digest: id })),
    },
    null,
    3,
  )
}

/**
 * `POST /images/{name}/push`: the daemon's push as moby's distribution code reports it: every layer `Preparing`, then
 * per layer `Layer already exists` or `Pushed`, then `<tag>: digest: … size: …`. This account's ECR needs `docker
 * login` first ("no basic auth credentials"), a repository created beforehand (ECR does not create one on push), and a
 * token younger than 12 hours. A failure carries the lines printed before it.
 */
export function pushImage(ctx: SimContext, input: { ref: string }): PushResult {
  const docker = ctx.world.docker
  const { repository, tag } = parseReference(input.ref)
  const name = familiarName(repository)
  const registry = registryOf(name)
  const shown = registry === 'docker.io' ? `docker.io/${name.includes('/') ? name : `library/${name}`}` : name
  const image = findImage(docker, `${name}:${tag}`)
  if (!image || !image.repoTags.includes(`${name}:${tag}`)) throw new DockerError(404, `An image does not exist locally with the tag: ${name}`, `The push refers to repository [${shown}]\n`)
  const layers = [...image.layerIds].reverse()
  const progress = `The push refers to repository [${shown}]\n${layers.map((id) => `${id.slice(7, 19)}: Preparing\n`).join('')}`
  const fail = (message: string): never => {
    throw new DockerError(401, message, progress)
  }
  if (registry !== registryHost(ctx.world)) {
    if (registry === 'docker.io') fail('denied: requested access to the resource is denied')
    if (/\.dkr\.ecr\./.test(registry)) fail('no basic auth credentials')
    fail(`Get "https://${registry}/v2/": dial tcp: lookup ${registry}: no such host`)
  }
  const auth = docker.auths?.[registry]
  if (!auth) return fail('no basic auth credentials')
  if (checkRegistryPassword(ctx.world, auth.password, ctx.now()) === 'expired') fail('denied: Your authorization token has expired. Reauthenticate and try again.')
  const repositoryName = name.slice(registry.length + 1)
  const repo = ctx.world.ecr.repositories[repositoryName]
  if (!repo) return fail(`name unknown: The repository with name '${repositoryName}' does not exist in the registry with id '${ctx.world.accountId}'`)
  const manifest = manifestOf(ctx, image)
  const digest = digestOf(manifest)
  const existing = ctx.world.ecr.images.find((i) => i.repositoryName === repositoryName && i.tag === tag)
  if (repo.imageTagMutability === 'IMMUTABLE' && existing && existing.digest !== digest)
    fail(`tag invalid: The image tag '${tag}' already exists in the '${repositoryName}' repository and cannot be overwritten because the repository is immutable.`)
  const present = layersIn(ctx, repositoryName)
  const result: PushResult = { repository: shown, tag, layers: layers.map((id) => ({ id: id.slice(7, 19), existed: present.has(id) })), digest, size: new TextEncoder().encode(manifest).length }
  const server = image.config.server
  const files: Record<string, string> = {}
  // What the learner's own layers put in the image (the runtime reads a built site from here).
  for (const id of image.layerIds)
    if (docker.layers[id]) for (const [path, e] of Object.entries(layerEntries(docker, id))) if (e.k === 'f') files[path] = e.c
  const pushed: EcrImage = {
    repositoryName,
    tag,
    digest,
    layers: image.layerIds.map((id) => ({ digest: id, ...(({ size, createdBy }) => ({ size, createdBy }))(layerInfo(docker, id)) })),
    app: server?.kind ?? 'busybox',
    ...(server ? { port: server.port } : {}),
    files,
    pushedAt: ctx.now(),
  }
  putImage(ctx, pushed)
  const repoDigest = `${name}@${digest}`
  if (!image.repoDigests.includes(repoDigest)) image.repoDigests = [...image.repoDigests, repoDigest]
  return result
}
