import { DerivedCache, unproxied } from '../core/index.ts'
import type { World } from '../world.ts'
import { PUBLIC_IMAGES, type ImageSpec } from './images.ts'

/**
 * Finds the image an image reference names, the way a container runtime pulls it: `<account>.dkr.ecr.<region>.
 * amazonaws.com/<repo>[:tag|@digest]` from this account's ECR, otherwise Docker Hub's official images
 * (`nginx`, `library/nginx`, `docker.io/library/nginx:latest`). Tag defaults to `latest`.
 * Returns undefined when the pull would fail (the caller words the CannotPullContainerError).
 */
export function resolveImage(world: Readonly<World>, reference: string): ImageSpec | undefined {
  // Every request and health check resolves its container's image: answers are kept per ECR image list (and its length).
  const images = unproxied(world.ecr.images)
  let known = resolved.get(images)
  if (!known || known.count !== images.length) resolved.set(images, (known = { count: images.length, byReference: new Map() }))
  if (!known.byReference.has(reference)) known.byReference.set(reference, lookUp(world, reference))
  return known.byReference.get(reference)
}

const resolved = new DerivedCache<object, { count: number; byReference: Map<string, ImageSpec | undefined> }>()

function lookUp(world: Readonly<World>, reference: string): ImageSpec | undefined {
  const ref = reference.trim()
  const at = ref.indexOf('@')
  const name = at >= 0 ? ref.slice(0, at) : ref
  const digest = at >= 0 ? ref.slice(at + 1) : undefined
  const colon = name.lastIndexOf(':')
  const hasTag = colon > name.lastIndexOf('/')
  const repository = hasTag ? name.slice(0, colon) : name
  const tag = hasTag ? name.slice(colon + 1) : 'latest'
  const matches = (image: { tag: string; digest: string }) => (digest ? image.digest === digest : image.tag === tag)

  const ecrHost = `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/`
  if (repository.startsWith(ecrHost)) {
    const repositoryName = repository.slice(ecrHost.length)
    const image = world.ecr.images.find((i) => i.repositoryName === repositoryName && matches(i))
    return image && { ...image, repository }
  }
  if (repository.includes('.dkr.ecr.')) return undefined
  const hub = repository.replace(/^(docker\.io\/|registry-1\.docker\.io\/)/, '').replace(/^library\//, '')
  return PUBLIC_IMAGES.find((i) => i.repository === hub && matches(i))
}
