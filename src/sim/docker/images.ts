import type { SimContext } from '../context.ts'
import { CATALOGUE, findInCatalogue } from './catalogue.ts'
import { DockerError, noSuchImage } from './errors.ts'
import { layerInfo } from './layers.ts'
import type { DockerImage, DockerState } from './state.ts'

/** `nginx` → `{ repository: 'nginx', tag: 'latest' }`; `registry:5000/x:1` keeps the port in the repository. */
export function parseReference(ref: string): { repository: string; tag: string } {
  const colon = ref.lastIndexOf(':')
  const hasTag = colon > ref.lastIndexOf('/')
  return { repository: hasTag ? ref.slice(0, colon) : ref, tag: hasTag ? ref.slice(colon + 1) : 'latest' }
}

/** `docker.io/library/nginx` → `nginx` (how `docker images` names Docker Hub's official images). */
export const familiarName = (repository: string): string => repository.replace(/^(docker\.io\/|registry-1\.docker\.io\/)/, '').replace(/^library\//, '')

/** The local image a reference names: `name[:tag]`, a full or short image ID (`sha256:` optional). */
export function findImage(docker: DockerState, ref: string): DockerImage | undefined {
  const { repository, tag } = parseReference(ref)
  const tagged = `${familiarName(repository)}:${tag}`
  const images = Object.values(docker.images)
  const byTag = images.find((i) => i.repoTags.includes(tagged))
  if (byTag) return byTag
  const hex = ref.replace(/^sha256:/, '')
  if (/^[0-9a-f]{4,64}$/.test(hex)) return images.find((i) => i.id.slice(7).startsWith(hex))
  return undefined
}

export interface PullResult {
  /** Short layer IDs with what happened to each (`Already exists` or `Pull complete`). */
  layers: { id: string; existed: boolean }[]
  digest: string
  upToDate: boolean
  /** `nginx:latest` and the fully qualified `docker.io/library/nginx:latest`. */
  tagged: string
  canonical: string
  repository: string
  tag: string
}

/** `POST /images/create`: fetches an image of the catalogue (Docker Hub's official images and the course's app). */
export function pullImage(ctx: SimContext, input: { ref: string }): PullResult {
  const docker = ctx.world.docker
  const { repository, tag } = parseReference(input.ref)
  const name = familiarName(repository)
  const spec = findInCatalogue(repository, tag)
  if (!spec) {
    // Docker Hub's answers (seen): an unknown repository, or a known one without that tag.
    if (CATALOGUE.some((i) => i.repository === name)) throw new DockerError(404, `manifest for ${name}:${tag} not found: manifest unknown: manifest unknown`)
    throw new DockerError(404, `pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`)
  }
  const present = new Set(Object.values(docker.images).flatMap((i) => i.layerIds))
  const existing = docker.images[spec.id]
  const tagged = `${name}:${tag}`
  const canonical = `${name.includes('/') ? name : `docker.io/library/${name}`}:${tag}`
  const result: PullResult = {
    layers: spec.layers.map((l) => ({ id: l.id.slice(7, 19), existed: present.has(l.id) })),
    digest: spec.digest,
    upToDate: existing?.repoTags.includes(tagged) ?? false,
    tagged,
    canonical,
    repository: name,
    tag,
  }
  // A tag moves to the pulled image (taken from any other image that had it).
  for (const other of Object.values(docker.images)) if (other.id !== spec.id && other.repoTags.includes(tagged)) other.repoTags = other.repoTags.filter((t) => t !== tagged)
  if (existing) {
    if (!existing.repoTags.includes(tagged)) existing.repoTags = [...existing.repoTags, tagged]
  } else {
    docker.images[spec.id] = {
      id: spec.id,
      repoTags: [tagged],
      repoDigests: [`${name}@${spec.digest}`],
      layerIds: spec.layers.map((l) => l.id),
      created: spec.created,
      config: structuredClone(spec.config),
    }
  }
  return result
}

/** An image's size: the sum of its layers (Docker counts uncompressed sizes; the catalogue's figures stand in). */
export const imageSize = (docker: DockerState, image: DockerImage): number => image.layerIds.reduce((n, id) => n + layerInfo(docker, id).size, 0)

export interface HistoryRow {
  /** The image ID for the top layer of each image in the chain, `<missing>` for layers known only as layers. */
  id: string
  created: number
  createdBy: string
  size: number
  comment: string
}

/** `GET /images/{name}/history`: newest layer first. */
export function imageHistory(docker: DockerState, image: DockerImage): HistoryRow[] {
  // A built image knows every instruction; BuildKit leaves the rows below the top one without an image ID.
  if (image.history)
    return [...image.history].reverse().map((h, i) => ({ id: i === 0 ? image.id : '<missing>', created: h.created, createdBy: h.createdBy, size: h.size, comment: h.comment ?? '' }))
  const rows: HistoryRow[] = []
  const ownerOf = new Map<number, DockerImage>()
  // Each image in the commit chain names its own top layer; the rest are `<missing>` (pulled, not built here).
  let pulled = image
  for (let img: DockerImage | undefined = image; img; img = img.parent ? docker.images[img.parent] : undefined) {
    ownerOf.set(img.layerIds.length - 1, img)
    pulled = img
  }
  for (let i = image.layerIds.length - 1; i >= 0; i--) {
    const info = layerInfo(docker, image.layerIds[i])
    const owner = ownerOf.get(i)
    rows.push({ id: owner ? owner.id : '<missing>', created: info.created ?? pulled.created, createdBy: info.createdBy, size: info.size, comment: owner?.comment ?? '' })
  }
  return rows
}

export function requireImage(docker: DockerState, ref: string): DockerImage {
  const image = findImage(docker, ref)
  if (!image) throw noSuchImage(ref)
  return image
}
