import type { SimContext } from '../context.ts'
import { DockerError, noSuchVolume } from './errors.ts'
import { entriesSize } from './layers.ts'
import { invalidOption } from './nfs.ts'
import type { DockerState, Volume } from './state.ts'

/** Where the local driver keeps a volume's data (https://docs.docker.com/engine/storage/volumes/). */
export const volumeMountpoint = (name: string): string => `/var/lib/docker/volumes/${name}/_data`

/** moby `volume/local`: `[a-zA-Z0-9][a-zA-Z0-9_.-]+` */
export const VALID_VOLUME_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

export interface VolumeRequest {
  name?: string
  driver?: string
  options?: Record<string, string>
  labels?: Record<string, string>
  anonymous?: boolean
}

export function createVolume(ctx: SimContext, input: VolumeRequest): Volume {
  const docker = ctx.world.docker
  const name = input.name ?? ctx.rng.hex(64)
  const driver = input.driver ?? 'local'
  // moby volume/service store.go wraps the driver's errors as `create <name>: …` (OpErr).
  if (driver !== 'local') throw new DockerError(404, `create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`)
  if (!VALID_VOLUME_NAME.test(name))
    throw new DockerError(400, `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`)
  const refused = invalidOption(input.options ?? {})
  if (refused) throw new DockerError(400, `create ${name}: ${refused}`)
  // An existing volume is returned as it is, whatever options were asked for (moby local.go Create).
  const existing = docker.volumes[name]
  if (existing) return existing
  const volume: Volume = { name, created: ctx.now(), driver: 'local', labels: { ...(input.labels ?? {}) }, options: { ...(input.options ?? {}) }, anonymous: input.anonymous ?? false, files: {} }
  if (volume.anonymous) volume.labels['com.docker.volume.anonymous'] = ''
  docker.volumes[name] = volume
  return volume
}

/** The containers (running or not) that mount a volume. */
export const usersOf = (docker: DockerState, name: string): string[] =>
  Object.values(docker.containers)
    .filter((c) => c.mounts.some((m) => m.type === 'volume' && m.source === name))
    .map((c) => c.id)

export function removeVolume(ctx: SimContext, input: { name: string; force?: boolean }): void {
  const docker = ctx.world.docker
  if (!docker.volumes[input.name]) {
    if (input.force) return
    throw noSuchVolume(input.name)
  }
  const users = usersOf(docker, input.name)
  // moby volume/service: `remove <name>: volume is in use - [<ids>]` (aws-fidelity.md §7)
  if (users.length) throw new DockerError(409, `remove ${input.name}: volume is in use - [${users.join(', ')}]`)
  delete docker.volumes[input.name]
}

/** `docker volume prune`: unused anonymous volumes (all unused ones with `all`), Docker 23's default. */
export function pruneVolumes(ctx: SimContext, input: { all?: boolean }): { deleted: string[]; reclaimed: number } {
  const docker = ctx.world.docker
  const deleted: string[] = []
  let reclaimed = 0
  for (const v of Object.values(docker.volumes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if ((!v.anonymous && !input.all) || usersOf(docker, v.name).length) continue
    reclaimed += entriesSize(v.files)
    deleted.push(v.name)
    delete docker.volumes[v.name]
  }
  return { deleted, reclaimed }
}

export function requireVolume(docker: DockerState, name: string): Volume {
  const v = docker.volumes[name]
  if (!v) throw noSuchVolume(name)
  return v
}
