import { DockerError } from './errors.ts'
import type { DockerState, Volume } from './state.ts'

/**
 * The local driver's mount options (`--opt type=nfs --opt o=addr=10.0.1.5,rw --opt device=:/export`): the volume is
 * a mount of a file system elsewhere, here an NFS server every host and Availability Zone reaches, so volumes naming
 * the same export on any engine share its files (the course notes' "non-local storage such as NFS").
 * Facts: https://docs.docker.com/engine/storage/volumes/#create-a-service-which-creates-an-nfs-volume and moby
 * daemon/volume/local/local_unix.go (validateOpts, getMountOptions, mount).
 */

// moby local_unix.go: validOpts, and mandatoryOpts in the order checked here (Go's map order is random; one is enough).
const VALID_OPTIONS = ['type', 'o', 'device', 'size']
const MANDATORY: [string, string[]][] = [
  ['device', ['type']],
  ['type', ['device']],
  ['o', ['device', 'type']],
]

/** The driver's refusal of a volume's options at `volume create`, or undefined when the driver takes them. */
export function invalidOption(options: Record<string, string>): string | undefined {
  for (const opt of Object.keys(options).sort()) if (!VALID_OPTIONS.includes(opt)) return `invalid option: "${opt}"`
  // moby: a size needs project quotas on the backing file system, which the workstation's overlay2 on ext4 lacks.
  if (options.size !== undefined) return 'quota size requested but no quota support'
  for (const [opt, required] of MANDATORY) if (opt in options) for (const r of required) if (!(r in options)) return `missing required option: "${r}"`
  return undefined
}

/** `addr=` in the `o` option (moby getAddress). */
const addressOf = (o: string | undefined): string | undefined =>
  (o ?? '')
    .split(',')
    .find((kv) => kv.startsWith('addr='))
    ?.slice('addr='.length)

/** The NFS server and the exported path a volume mounts, when it is an NFS volume (`device=:/export`). */
export function nfsExport(v: Volume): { addr: string | undefined; path: string } | undefined {
  if (v.options.type !== 'nfs' && v.options.type !== 'nfs4') return undefined
  const device = v.options.device ?? ''
  const path = device.slice(device.indexOf(':') + 1).replace(/^\/+|\/+$/g, '')
  // `host:/export` without addr= names the server in the device, as mount(8) takes it.
  const inDevice = device.indexOf(':') > 0 ? device.slice(0, device.indexOf(':')) : undefined
  return { addr: addressOf(v.options.o) ?? inDevice, path }
}

/**
 * Mounting the volume when a container starts (moby mounts.go wraps the driver's error): the kernel refuses an NFS
 * mount that names no server. The error text is moby/sys mount's `mount <device>:<target>[, data: …]: <errno>`.
 */
export function mountFailure(v: Volume, mountpoint: string): DockerError | undefined {
  const nfs = nfsExport(v)
  if (!nfs || nfs.addr) return undefined
  // `rw`/`ro` are mount flags, not data, so they do not appear after `data:`.
  const data = (v.options.o ?? '')
    .split(',')
    .filter((kv) => kv && kv !== 'rw' && kv !== 'ro')
    .join(',')
  return new DockerError(
    500,
    `error while mounting volume '${mountpoint}': failed to mount local volume: mount ${v.options.device}:${mountpoint}${data ? `, data: ${data}` : ''}: invalid argument`,
  )
}

/** Makes sure the server's tree is stored before a container writes through a mount of it. */
export function openExport(docker: DockerState, v: Volume): void {
  const nfs = nfsExport(v)
  if (nfs?.addr) (docker.nfsExports ??= {})[nfs.addr] ??= {}
}
