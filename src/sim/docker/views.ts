import type { World } from '../world.ts'
import { findContainer } from './lookup.ts'
import { ContainerFs } from './fs.ts'
import { layerEntries, layerInfo } from './layers.ts'
import type { Entry } from './state.ts'
import { mountStore, type HostFiles } from './stores.ts'

/** One file or folder of a layer, as the layer microscope lists it. */
export interface LayerFile {
  path: string
  type: 'file' | 'directory' | 'whiteout'
  /** In the writable layer: a copy of a lower file (copied up on first write), a new path, or a deletion. */
  change?: 'copied-up' | 'added' | 'whiteout'
  /** Whether this layer's copy is the one the container sees (not hidden by a layer above or a mount). */
  visible: boolean
}

export interface LayerView {
  kind: 'image' | 'container'
  /** Layer digest (image) or overlay2 directory (the writable layer). */
  id: string
  createdBy: string
  size: number
  files: LayerFile[]
}

export interface MountView {
  type: 'bind' | 'volume' | 'tmpfs'
  source: string
  destination: string
  readOnly: boolean
  files: string[]
}

/** A container's storage, top to bottom: its mounts, its writable layer, then its image's layers (newest first). */
export interface ContainerStorageView {
  containerId: string
  name: string
  mounts: MountView[]
  layers: LayerView[]
}

const typeOf = (e: Entry): LayerFile['type'] => (e.k === 'f' ? 'file' : e.k === 'd' ? 'directory' : 'whiteout')

/** The layer microscope: a container's layer stack, each layer's files, what was copied up, whited out or is mounted. */
export function containerStorage(world: Readonly<World>, host: HostFiles, ref: string): ContainerStorageView | undefined {
  const docker = world.docker
  const c = findContainer(docker, ref)
  if (!c) return undefined
  const fs = new ContainerFs(docker, c, host)
  const image = docker.images[c.imageId]
  const ids = image?.layerIds ?? []
  const shownFrom = (path: string) => fs.stat(path)?.origin
  const upperFiles: LayerFile[] = Object.entries(c.upper)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, e]) => ({
      path,
      type: typeOf(e),
      change: e.k === 'w' ? 'whiteout' : fs.lower(path) ? 'copied-up' : 'added',
      visible: e.k !== 'w' && shownFrom(path)?.from === 'upper',
    }))
  const layers: LayerView[] = [{ kind: 'container', id: c.graphId, createdBy: 'writable container layer', size: 0, files: upperFiles }]
  for (let i = ids.length - 1; i >= 0; i--) {
    const info = layerInfo(docker, ids[i])
    const files = Object.entries(layerEntries(docker, ids[i]))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([path, e]) => {
        const origin = shownFrom(path)
        return { path, type: typeOf(e), visible: origin?.from === 'image' && origin.layer === i }
      })
    layers.push({ kind: 'image', id: ids[i], createdBy: info.createdBy, size: info.size, files })
  }
  const mounts = c.mounts.map((m) => ({
    type: m.type,
    source: m.source,
    destination: m.destination,
    readOnly: m.readOnly,
    files: mountStore(docker, host, c.tmpfs, m).below('').sort(),
  }))
  return { containerId: c.id, name: c.name, mounts, layers }
}

/** Which layer a path is read from in a container: a mount, the writable layer, or image layer N (0 = bottom). */
export function pathOrigin(world: Readonly<World>, host: HostFiles, ref: string, path: string): { from: 'mount' | 'upper' | 'image' | 'missing'; layer?: number; mount?: string } {
  const c = findContainer(world.docker, ref)
  if (!c) return { from: 'missing' }
  const s = new ContainerFs(world.docker, c, host).stat(path)
  if (!s) return { from: 'missing' }
  if (s.origin.from === 'mount') return { from: 'mount', mount: s.origin.mount.destination }
  return s.origin.from === 'image' ? { from: 'image', layer: s.origin.layer } : { from: 'upper' }
}

/** One container of the workstation's engine, as a list of them shows it (`docker ps -a`'s first columns). */
export interface DockerContainerSummary {
  id: string
  name: string
  image: string
  status: 'created' | 'running' | 'exited'
  exitCode: number
  /** `0.0.0.0:8080->80/tcp` for each published port while it runs. */
  ports: string[]
}

/** The engine's containers, newest first, as `docker ps -a` orders them. */
export function dockerContainers(world: Readonly<World>): DockerContainerSummary[] {
  return Object.values(world.docker.containers)
    .sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1))
    .map((c) => ({
      id: c.id,
      name: c.name,
      image: c.imageRef,
      status: c.status,
      exitCode: c.exitCode,
      ports: c.status === 'running' ? c.ports.map((p) => `0.0.0.0:${p.hostPort}->${p.containerPort}/${p.protocol}`) : [],
    }))
}

/** The container a reference names (ID, short ID or name), as a summary. */
export const dockerContainer = (world: Readonly<World>, ref: string): DockerContainerSummary | undefined => {
  const c = findContainer(world.docker, ref)
  return c ? dockerContainers(world).find((s) => s.id === c.id) : undefined
}
