import type { DockerState, Entry, Mount, Volume } from './state.ts'
import { normalise } from './paths.ts'
import { nfsExport } from './nfs.ts'

/**
 * The learner's working folder as the engine sees it: the workstation's `$HOME` (the Cloud9/CloudShell home).
 * Paths are relative to it (`site/index.html`).
 */
export interface HostFiles {
  read(path: string): string | undefined
  write(path: string, text: string): void
  list(): string[]
  remove(path: string): boolean
}

/** The workstation's home directory: the working folder (../../cli/shell/paths.ts names the same folder). */
export const HOST_HOME = '/home/cloudshell-user'

/** The learner's uid on the workstation (the first user Amazon Linux creates): the owner of the working folder's files. */
export const HOST_UID = 1000

/** A tree of entries a mount shows: relative paths (`''` is the mount point itself). */
export interface Store {
  get(rel: string): Entry | undefined
  set(rel: string, entry: Entry): void
  delete(rel: string): void
  /** Every path below `rel` (relative to the store), for listings and recursive removal. */
  below(rel: string): string[]
}

const join = (root: string, rel: string) => (rel === '' ? root : root === '' ? rel : `${root}/${rel}`)
const underPrefix = (keys: Iterable<string>, prefix: string): string[] => {
  const out: string[] = []
  for (const k of keys) if (prefix === '' ? k !== '' : k.startsWith(`${prefix}/`)) out.push(k)
  return out
}

/** A record of entries (a volume's `_data`, a tmpfs) as a store. */
export function recordStore(record: Record<string, Entry>, root = ''): Store {
  return {
    get: (rel) => (join(root, rel) === '' ? { k: 'd' } : record[join(root, rel)]),
    set: (rel, entry) => void (record[join(root, rel)] = entry),
    delete: (rel) => void delete record[join(root, rel)],
    below: (rel) => underPrefix(Object.keys(record), join(root, rel)).map((k) => (root === '' ? k : k.slice(root.length + 1))),
  }
}

/**
 * A host directory as a store: inside the working folder its files are the learner's (the Files tab, the console),
 * folders being implied by the files below them; outside it, the engine's record of the host's other paths.
 */
export function hostStore(docker: DockerState, host: HostFiles, hostPath: string): Store {
  const root = normalise(hostPath)
  if (root !== HOST_HOME && !root.startsWith(`${HOST_HOME}/`)) {
    const abs = (rel: string) => (rel === '' ? root : `${root}/${rel}`)
    return {
      get: (rel) => docker.hostFiles[abs(rel)],
      set: (rel, entry) => void (docker.hostFiles[abs(rel)] = entry),
      delete: (rel) => void delete docker.hostFiles[abs(rel)],
      below: (rel) => underPrefix(Object.keys(docker.hostFiles), abs(rel)).map((k) => k.slice(root.length + 1)),
    }
  }
  const base = root === HOST_HOME ? '' : root.slice(HOST_HOME.length + 1)
  const dirKey = (rel: string) => (join(base, rel) === '' ? HOST_HOME : `${HOST_HOME}/${join(base, rel)}`)
  return {
    get(rel) {
      const key = join(base, rel)
      const text = key === '' ? undefined : host.read(key)
      if (text !== undefined) return { k: 'f', c: text, u: HOST_UID }
      // A folder `-v` created is the daemon's (root's); the others are the learner's.
      const made = docker.hostFiles[dirKey(rel)]
      if (made) return made
      if (key === '' || host.list().some((f) => f.startsWith(`${key}/`))) return { k: 'd', u: HOST_UID }
      return undefined
    },
    set(rel, entry) {
      if (entry.k === 'f') host.write(join(base, rel), entry.c)
      else if (entry.k === 'd') docker.hostFiles[dirKey(rel)] = entry
    },
    delete(rel) {
      host.remove(join(base, rel))
      delete docker.hostFiles[dirKey(rel)]
    },
    below(rel) {
      const key = join(base, rel)
      const files = underPrefix(host.list(), key).map((k) => (base === '' ? k : k.slice(base.length + 1)))
      const folders = underPrefix(Object.keys(docker.hostFiles), dirKey(rel)).map((k) => k.slice(dirKey('').length + 1))
      // Folders implied by the files below them.
      const implied = new Set<string>()
      for (const f of files) for (let i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) implied.add(f.slice(0, i))
      return [...new Set([...files, ...folders, ...implied])].filter((p) => rel === '' || p.startsWith(`${rel}/`))
    },
  }
}

/** Whether a bind mount's host path exists (a file or a folder). */
export const hostPathExists = (docker: DockerState, host: HostFiles, hostPath: string): boolean => hostStore(docker, host, hostPath).get('') !== undefined

/** The store a mount shows. */
export function mountStore(docker: DockerState, host: HostFiles, tmpfs: Record<string, Record<string, Entry>>, mount: Mount): Store {
  if (mount.type === 'volume') {
    const volume = docker.volumes[mount.source]
    return volume ? volumeStore(docker, volume) : recordStore({})
  }
  if (mount.type === 'tmpfs') return recordStore((tmpfs[mount.destination] ??= {}))
  return hostStore(docker, host, mount.source)
}

/** What a volume's mount shows: its own `_data`, or the NFS export's tree on its server (shared by every volume naming it). */
export function volumeStore(docker: DockerState, v: Volume): Store {
  const nfs = nfsExport(v)
  if (!nfs?.addr) return recordStore(v.files)
  const tree: Record<string, Entry> = docker.nfsExports?.[nfs.addr] ?? {}
  const store = recordStore(tree, nfs.path)
  // The exported folder exists on the server whether or not anything was written in it.
  return { ...store, get: (rel) => (rel === '' ? { k: 'd' } : store.get(rel)) }
}
