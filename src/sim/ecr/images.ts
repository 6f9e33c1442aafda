import type { SimContext } from '../context.ts'
import { imageNotFound } from './errors.ts'
import { requireRepository } from './repositories.ts'
import type { EcrImage } from './state.ts'

/**
 * A repository's images. The slice keeps one record per (digest, tag) — an untagged image has the tag `''` — so the
 * runtime finds an image by tag as it did; describe-images groups the records of one digest into one ImageDetail.
 */
type ImageId = { imageDigest?: string; imageTag?: string }
type TagStatus = 'TAGGED' | 'UNTAGGED' | 'ANY'

const inRepository = (ctx: SimContext, name: string) => ctx.world.ecr.images.filter((i) => i.repositoryName === name)

/** Digests in push order, with their tags (sorted as ECR lists them: most recent push first). */
function byDigest(images: EcrImage[]): { digest: string; tags: string[]; image: EcrImage }[] {
  const groups = new Map<string, { digest: string; tags: string[]; image: EcrImage }>()
  for (const i of images) {
    const g = groups.get(i.digest) ?? { digest: i.digest, tags: [], image: i }
    if (i.tag) g.tags.push(i.tag)
    if (i.pushedAt > g.image.pushedAt) g.image = i
    groups.set(i.digest, g)
  }
  return [...groups.values()]
}

const matchesStatus = (tags: string[], status: TagStatus | undefined) => !status || status === 'ANY' || (status === 'TAGGED' ? tags.length > 0 : tags.length === 0)

export function describeImages(ctx: SimContext, input: { repositoryName: string; registryId?: string; imageIds?: ImageId[]; filter?: { tagStatus?: TagStatus } }) {
  const repo = requireRepository(ctx, input.repositoryName, input.registryId)
  let groups = byDigest(inRepository(ctx, repo.repositoryName))
  if (input.imageIds) {
    const wanted = input.imageIds.map((id) => {
      const g = groups.find((x) => (id.imageDigest === undefined || x.digest === id.imageDigest) && (id.imageTag === undefined || x.tags.includes(id.imageTag)))
      if (!g) throw imageNotFound(id, repo.repositoryName, repo.registryId)
      return g
    })
    groups = [...new Set(wanted)]
  }
  return {
    imageDetails: groups
      .filter((g) => matchesStatus(g.tags, input.filter?.tagStatus))
      .map((g) => ({
        registryId: repo.registryId,
        repositoryName: repo.repositoryName,
        imageDigest: g.digest,
        ...(g.tags.length ? { imageTags: g.tags } : {}),
        imageSizeInBytes: g.image.layers.reduce((sum, l) => sum + l.size, 0),
        imagePushedAt: g.image.pushedAt,
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
      })),
  }
}

/** ListImages: one identifier per tag, and one (digest only) for an untagged image. */
export function listImages(ctx: SimContext, input: { repositoryName: string; registryId?: string; filter?: { tagStatus?: TagStatus } }) {
  const repo = requireRepository(ctx, input.repositoryName, input.registryId)
  const imageIds: ImageId[] = []
  for (const g of byDigest(inRepository(ctx, repo.repositoryName))) {
    if (!matchesStatus(g.tags, input.filter?.tagStatus)) continue
    if (g.tags.length === 0) imageIds.push({ imageDigest: g.digest })
    for (const tag of g.tags) imageIds.push({ imageDigest: g.digest, imageTag: tag })
  }
  return { imageIds }
}

/**
 * BatchDeleteImage: by digest the image goes with all its tags; by tag only that tag goes, and the image with its
 * last tag. Identifiers that match nothing come back as failures, not errors (ECR API Reference, BatchDeleteImage).
 */
export function batchDeleteImage(ctx: SimContext, input: { repositoryName: string; registryId?: string; imageIds: ImageId[] }) {
  const repo = requireRepository(ctx, input.repositoryName, input.registryId)
  const deleted: ImageId[] = []
  const failures: { imageId: ImageId; failureCode: string; failureReason: string }[] = []
  let images = ctx.world.ecr.images
  for (const id of input.imageIds) {
    if (id.imageDigest === undefined && id.imageTag === undefined) {
      failures.push({ imageId: id, failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' })
      continue
    }
    const hits = images.filter((i) => i.repositoryName === repo.repositoryName && (id.imageDigest === undefined || i.digest === id.imageDigest) && (id.imageTag === undefined || i.tag === id.imageTag))
    if (hits.length === 0) {
      failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' })
      continue
    }
    const digest = hits[0].digest
    if (id.imageTag !== undefined && id.imageDigest === undefined) {
      const others = images.filter((i) => i.repositoryName === repo.repositoryName && i.digest === digest && i.tag && i.tag !== id.imageTag)
      images = images.filter((i) => !hits.includes(i))
      deleted.push({ imageDigest: digest, imageTag: id.imageTag })
      // The image stays while another tag names it.
      if (others.length) continue
    } else {
      for (const h of images.filter((i) => i.repositoryName === repo.repositoryName && i.digest === digest)) deleted.push({ imageDigest: digest, ...(h.tag ? { imageTag: h.tag } : {}) })
    }
    images = images.filter((i) => !(i.repositoryName === repo.repositoryName && i.digest === digest && (id.imageDigest !== undefined || !i.tag || i.tag === id.imageTag)))
  }
  // A new array, so readers that cache per image list (the runtime's image resolution) see the change.
  ctx.world.ecr.images = images
  return { imageIds: deleted, failures }
}

/** The layer digests a repository already holds: a push skips them ("Layer already exists"). */
export const layersIn = (ctx: SimContext, repositoryName: string): Set<string> => new Set(inRepository(ctx, repositoryName).flatMap((i) => i.layers.map((l) => l.digest)))

/** A pushed manifest lands under its tag; the tag leaves the image that had it (which stays, untagged, if nothing else names it). */
export function putImage(ctx: SimContext, image: EcrImage): void {
  if (ctx.world.ecr.images.some((i) => i.repositoryName === image.repositoryName && i.tag === image.tag && i.digest === image.digest)) return
  let images = ctx.world.ecr.images.filter((i) => !(i.repositoryName === image.repositoryName && i.tag === image.tag))
  for (const old of ctx.world.ecr.images.filter((i) => i.repositoryName === image.repositoryName && i.tag === image.tag && i.digest !== image.digest))
    if (!images.some((i) => i.repositoryName === old.repositoryName && i.digest === old.digest)) images.push({ ...old, tag: '' })
  images = images.filter((i) => !(i.repositoryName === image.repositoryName && i.digest === image.digest && i.tag === ''))
  images.push(image)
  ctx.world.ecr.images = images
}
