import { hides, imageView, lookUp, type Found, type ImageView, type Origin } from './imageView.ts'
import { layerEntries } from './layers.ts'
import { ancestors, baseName, parentOf, relativeTo, within } from './paths.ts'
import type { Container, DockerState, Entry, Mount } from './state.ts'
import { mountStore, type HostFiles, type Store } from './stores.ts'

/** Why a file operation failed, as the kernel says it (errno names); each command words it its own way. */
export type FsErrno = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY' | 'EACCES'
export const ERRNO_TEXT: Record<FsErrno, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
}

/** Folders every user may create files in (mode 1777 in the images). */
const WORLD_WRITABLE = new Set(['/tmp', '/var/tmp'])
const ownerOf = (e: Entry): number => (e.k === 'w' ? 0 : (e.u ?? 0))

export type { Origin } from './imageView.ts'

/**
 * A container's merged view (overlay2's `merged` directory): mounts first, then the writable layer, then the image's
 * layers from the top down. Reads fall through; the first write to a lower file puts a whole copy in the writable
 * layer (copy-up); a removal of a lower path leaves a whiteout; a folder re-created over a whiteout is opaque
 * (https://docs.kernel.org/filesystems/overlayfs.html, "whiteouts and opaque directories").
 */
export class ContainerFs {
  /** The writable layer first, then the image's layers from the top. */
  private readonly stack: readonly Record<string, Entry>[]
  private readonly imageLayers: number
  /** The image's layers merged once, when the container runs an image (not a build's layers in progress). */
  private readonly image: ImageView | undefined

  private readonly docker: DockerState
  private readonly container: Container
  private readonly host: HostFiles
  /**
   * The uid of the process using this view: root (0) may write anywhere that is not read-only; another user only in
   * folders it owns and files it owns (the mode bits the images ship: 755 folders, 644 files, 1777 /tmp). That is
   * where bind mounts of root-owned host folders answer "Permission denied" (https://docs.docker.com/engine/storage/bind-mounts/).
   */
  uid = 0

  /** `layerIds` (bottom first) stands in for the image's layers while a build runs its steps on layers not yet an image. */
  constructor(docker: DockerState, container: Container, host: HostFiles, layerIds?: readonly string[]) {
    this.docker = docker
    this.container = container
    this.host = host
    const image = layerIds ? undefined : docker.images[container.imageId]
    this.image = image && imageView(docker, image)
    const lower = this.image?.stack ?? [...(layerIds ?? [])].reverse().map((id) => layerEntries(docker, id))
    this.imageLayers = lower.length
    this.stack = [container.upper, ...lower]
  }

  /** The mount a path lies in (the deepest one), if any. */
  mountAt(path: string): Mount | undefined {
    let found: Mount | undefined
    for (const m of this.container.mounts) if (within(path, m.destination) && (!found || m.destination.length > found.destination.length)) found = m
    return found
  }

  private store(mount: Mount): Store {
    return mountStore(this.docker, this.host, this.container.tmpfs, mount)
  }

  /** The entry a path shows and where it comes from. */
  stat(path: string): { entry: Entry; origin: Origin } | undefined {
    if (path === '/') return { entry: { k: 'd' }, origin: { from: 'image', layer: 0 } }
    // Docker bind-mounts its own /etc/hosts over the image's (moby container.go: HostsPath).
    if (path === '/etc/hosts' && this.container.etcHosts !== undefined) return { entry: { k: 'f', c: this.container.etcHosts }, origin: { from: 'upper' } }
    const mount = this.mountAt(path)
    if (mount) {
      const entry = this.store(mount).get(relativeTo(path, mount.destination))
      // The mount point itself exists even when a bind source vanished.
      if (entry) return { entry, origin: { from: 'mount', mount } }
      return path === mount.destination ? { entry: { k: 'd' }, origin: { from: 'mount', mount } } : undefined
    }
    return this.layered(path, 0)
  }

  /** The entry from layer `start` down (0 = the writable layer), honouring whiteouts and opaque folders. */
  layered(path: string, start: number): Found | undefined {
    if (!this.image || start > 1) return lookUp(this.stack, this.imageLayers, path, start)
    if (start === 0) {
      const upper = this.container.upper
      const entry = upper[path]
      if (entry) return entry.k === 'w' ? undefined : { entry, origin: { from: 'upper' } }
      if (hides(upper, ancestors(path))) return undefined
    }
    return this.image.merged.get(path)
  }

  /** What the image's layers alone show at a path (what `docker diff` compares against). */
  lower(path: string): Entry | undefined {
    return this.layered(path, 1)?.entry
  }

  read(path: string): string | FsErrno {
    const s = this.stat(path)
    if (!s) return 'ENOENT'
    return s.entry.k === 'f' ? s.entry.c : 'EISDIR'
  }

  isDir(path: string): boolean {
    return this.stat(path)?.entry.k === 'd'
  }

  /** Writes a file (copying it up first if it comes from an image layer: the whole file lands in the writable layer). */
  write(path: string, text: string, append = false): FsErrno | undefined {
    const parent = this.stat(parentOf(path))
    if (!parent) return 'ENOENT'
    if (parent.entry.k !== 'd') return 'ENOTDIR'
    const current = this.stat(path)
    if (current?.entry.k === 'd') return 'EISDIR'
    if (current ? !this.owns(current.entry) : !this.mayCreateIn(parentOf(path), parent.entry)) return this.readOnly(path) ?? 'EACCES'
    const content = append && current?.entry.k === 'f' ? current.entry.c + text : text
    const owner = current ? ownerOf(current.entry) : this.uid
    return this.put(path, owner ? { k: 'f', c: content, u: owner } : { k: 'f', c: content })
  }

  mkdir(path: string, parents: boolean): FsErrno | undefined {
    if (this.stat(path)) return parents && this.isDir(path) ? undefined : 'EEXIST'
    const parent = parentOf(path)
    if (!this.stat(parent)) {
      if (!parents) return 'ENOENT'
      const failed = this.mkdir(parent, true)
      if (failed) return failed
    } else if (!this.isDir(parent)) return 'ENOTDIR'
    const above = this.stat(parent)
    if (above && !this.mayCreateIn(parent, above.entry)) return this.readOnly(path) ?? 'EACCES'
    return this.put(path, this.uid ? { k: 'd', u: this.uid } : { k: 'd' })
  }

  private owns(entry: Entry): boolean {
    return this.uid === 0 || ownerOf(entry) === this.uid
  }

  private mayCreateIn(dir: string, entry: Entry): boolean {
    return this.owns(entry) || WORLD_WRITABLE.has(dir)
  }

  /** A read-only mount answers EROFS before permissions are looked at. */
  private readOnly(path: string): FsErrno | undefined {
    return this.mountAt(path)?.readOnly ? 'EROFS' : undefined
  }

  private put(path: string, entry: Entry): FsErrno | undefined {
    const mount = this.mountAt(path)
    if (mount) {
      if (mount.readOnly) return 'EROFS'
      if (path === mount.destination) return 'EISDIR'
      this.store(mount).set(relativeTo(path, mount.destination), entry)
      return undefined
    }
    const upper = this.container.upper
    // A folder made where a lower one was deleted must not show the old contents again: it is opaque.
    if (entry.k === 'd' && upper[path]?.k === 'w') upper[path] = { k: 'd', o: 1 }
    else upper[path] = entry
    return undefined
  }

  /** Removes a path (a folder only when `recursive`); lower paths leave a whiteout. */
  remove(path: string, recursive: boolean): FsErrno | undefined {
    const s = this.stat(path)
    if (!s) return 'ENOENT'
    if (s.entry.k === 'd' && !recursive) return 'EISDIR'
    const folder = this.stat(parentOf(path))
    if (folder && !this.mayCreateIn(parentOf(path), folder.entry)) return this.readOnly(path) ?? 'EACCES'
    const mount = this.mountAt(path)
    if (mount) {
      if (path === mount.destination) return 'EROFS'
      if (mount.readOnly) return 'EROFS'
      const store = this.store(mount)
      const rel = relativeTo(path, mount.destination)
      for (const p of store.below(rel)) store.delete(p)
      store.delete(rel)
      return undefined
    }
    for (const m of this.container.mounts) if (within(m.destination, path)) return 'EROFS'
    const upper = this.container.upper
    for (const key of Object.keys(upper)) if (key.startsWith(`${path}/`)) delete upper[key]
    if (this.lower(path)) upper[path] = { k: 'w' }
    else delete upper[path]
    return undefined
  }

  /** The names in a folder, sorted (mount points included). */
  list(dir: string): string[] | FsErrno {
    const s = this.stat(dir)
    if (!s) return 'ENOENT'
    if (s.entry.k !== 'd') return 'ENOTDIR'
    const names = new Set<string>()
    const mount = this.mountAt(dir)
    if (mount) {
      const store = this.store(mount)
      const rel = relativeTo(dir, mount.destination)
      for (const p of store.below(rel)) {
        const rest = rel === '' ? p : p.slice(rel.length + 1)
        names.add(rest.split('/')[0])
      }
    } else {
      const prefix = dir === '/' ? '/' : `${dir}/`
      for (const layer of this.stack)
        for (const key of Object.keys(layer)) {
          if (!key.startsWith(prefix)) continue
          const name = key.slice(prefix.length).split('/')[0]
          if (name && !names.has(name) && this.stat(prefix + name)) names.add(name)
        }
    }
    for (const m of this.container.mounts) if (parentOf(m.destination) === dir && m.destination !== dir) names.add(baseName(m.destination))
    return [...names].filter((n) => n !== '').sort()
  }
}
