import type { SimContext } from '../context.ts'
import { DockerError, noSuchContainer } from './errors.ts'
import { findContainer } from './lookup.ts'
import { ContainerFs } from './fs.ts'
import { requireImage } from './images.ts'
import { layerEntries } from './layers.ts'
import { generateName } from './names.ts'
import { normalise, within } from './paths.ts'
import { COMMANDS, runCommand, runShellLine, uidOf, type ContainerNetwork, type Process } from './shell.ts'
import type { Container, DockerState, Mount, PortBinding } from './state.ts'
import { hostPathExists, hostStore, volumeStore, type HostFiles } from './stores.ts'
import { createVolume, volumeMountpoint } from './volumes.ts'
import { mountFailure, openExport } from './nfs.ts'

/** A mount as `docker run` asks for it; `createHostPath` is `-v`'s habit of making a missing host folder. */
export interface MountRequest extends Mount {
  createHostPath?: boolean
  noCopy?: boolean
  /** `--mount …,volume-driver=local,volume-opt=type=nfs,…`: how a volume that does not exist yet is created. */
  volumeDriver?: string
  volumeOptions?: Record<string, string>
}

export interface RunRequest {
  image: string
  name?: string
  /** The command after the image (replaces the image's CMD). */
  cmd?: string[]
  env?: string[]
  workingDir?: string
  user?: string
  ports?: PortBinding[]
  mounts?: MountRequest[]
  networkMode?: 'bridge' | 'host' | 'none'
  autoRemove?: boolean
}

/** What the container's main process printed before `docker run` returned (a foreground run shows it). */
export interface RunResult {
  id: string
  name: string
  stdout: string
  stderr: string
  exitCode: number
  running: boolean
}

export function requireContainer(docker: DockerState, ref: string): Container {
  const c = findContainer(docker, ref)
  if (!c) throw noSuchContainer(ref)
  return c
}

/** moby daemon/names.go: `[a-zA-Z0-9][a-zA-Z0-9_.-]+` */
const VALID_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/

/** `docker run` = create + start, as one step: if the container cannot start, nothing is left behind. */
export function runContainer(ctx: SimContext, host: HostFiles, input: RunRequest): RunResult {
  const docker = ctx.world.docker
  const mounts = input.mounts ?? []
  // Mounts are validated before the image is looked up (moby daemon/volume/mounts/validate.go; aws-fidelity.md §7b).
  for (const m of mounts) {
    if (!m.destination.startsWith('/')) throw new DockerError(400, `invalid mount config for type "${m.type}": invalid mount path: '${m.destination}' mount path must be absolute`)
    if (m.type === 'bind' && !m.createHostPath && !hostPathExists(docker, host, m.source))
      throw new DockerError(400, `invalid mount config for type "bind": bind source path does not exist: ${m.source}`)
  }
  const image = requireImage(docker, input.image)
  if (input.name !== undefined) {
    if (!VALID_NAME.test(input.name)) throw new DockerError(400, `Invalid container name (${input.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
    const taken = findByName(docker, input.name.replace(/^\//, ''))
    if (taken)
      throw new DockerError(409, `Conflict. The container name "/${taken.name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`)
  }
  const id = ctx.rng.hex(64)
  const name = input.name?.replace(/^\//, '') ?? generateName(ctx.rng, (n) => findByName(docker, n) !== undefined)
  const cmd = input.cmd?.length ? input.cmd : image.config.cmd
  const entrypoint = image.config.entrypoint
  const networkMode = input.networkMode ?? 'bridge'
  const container: Container = {
    id,
    name,
    imageRef: input.image,
    imageId: image.id,
    created: ctx.now(),
    status: 'created',
    exitCode: 0,
    path: entrypoint?.[0] ?? cmd[0],
    args: entrypoint ? [...entrypoint.slice(1), ...cmd] : cmd.slice(1),
    env: [...image.config.env, ...(input.env ?? [])],
    workingDir: input.workingDir ?? image.config.workingDir,
    user: input.user ?? image.config.user,
    networkMode,
    ipAddress: networkMode === 'bridge' ? `172.17.0.${docker.nextAddress++}` : '',
    ports: networkMode === 'bridge' ? (input.ports ?? []) : [],
    mounts: [],
    autoRemove: input.autoRemove ?? false,
    upper: {},
    tmpfs: {},
    logs: '',
    graphId: ctx.rng.hex(64),
    restartCount: 0,
  }
  container.mounts = mounts.map((m) => attachMount(ctx, host, container, m))
  docker.containers[id] = container
  const result = startProcess(ctx, host, container)
  return { id, name, ...result }
}

function findByName(docker: DockerState, name: string): Container | undefined {
  for (const c of Object.values(docker.containers)) if (c.name === name) return c
  return undefined
}

/**
 * Prepares one mount: `-v` creates a missing host folder; a named volume is created on first use and, when empty,
 * filled with the image's files at the mount point (https://docs.docker.com/engine/storage/volumes/); a bind mount
 * hides the image's files there without copying them.
 */
function attachMount(ctx: SimContext, host: HostFiles, container: Container, m: MountRequest): Mount {
  const docker = ctx.world.docker
  const mount: Mount = { type: m.type, source: m.source, destination: normalise(m.destination), readOnly: m.readOnly, ...(m.anonymous ? { anonymous: true } : {}) }
  if (m.type === 'bind' && !hostPathExists(docker, host, m.source)) hostStore(docker, host, m.source).set('', { k: 'd' })
  if (m.type === 'volume') {
    const volume = createVolume(ctx, {
      ...(m.source ? { name: m.source } : {}),
      anonymous: m.anonymous ?? !m.source,
      ...(m.volumeDriver ? { driver: m.volumeDriver } : {}),
      ...(m.volumeOptions ? { options: m.volumeOptions } : {}),
    })
    mount.source = volume.name
    const failure = mountFailure(volume, volumeMountpoint(volume.name))
    if (failure) throw failure
    openExport(docker, volume)
    const store = volumeStore(docker, volume)
    if (!m.noCopy && store.below('').length === 0) {
      const fs = new ContainerFs(docker, { ...container, mounts: [] }, host)
      const image = docker.images[container.imageId]
      for (const layerId of image?.layerIds ?? [])
        for (const path of Object.keys(layerEntries(docker, layerId))) {
          if (path === mount.destination || !within(path, mount.destination)) continue
          const entry = fs.lower(path)
          if (entry) store.set(path.slice(mount.destination.length + 1), entry)
        }
    }
  }
  return mount
}

/** The main process's command line. */
const commandOf = (c: Container): string[] => (c.path === '/docker-entrypoint.sh' ? c.args : [c.path, ...c.args])

/** Whether the container runs its image's own server (and not a command given after the image). */
export function serverOf(docker: DockerState, c: Container) {
  const image = docker.images[c.imageId]
  const server = image?.config.server
  if (!server) return undefined
  const own = [...(image.config.entrypoint ?? []), ...image.config.cmd]
  return own.join('\u0000') === [c.path, ...c.args].join('\u0000') ? server : undefined
}

export function processOf(docker: DockerState, host: HostFiles, c: Container): Process {
  const env: Record<string, string> = { HOSTNAME: c.id.slice(0, 12), HOME: '/root' }
  for (const pair of c.env) {
    const eq = pair.indexOf('=')
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  const date = new Date(c.created)
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })
  const mtime = `${month} ${String(date.getUTCDate()).padStart(2)} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`
  return { fs: new ContainerFs(docker, c, host), env, cwd: c.workingDir || '/', user: c.user, hostname: c.id.slice(0, 12), mtime }
}

/** nginx's first lines on start (its entrypoint's, shortened). */
const SERVER_START: Record<string, string> = {
  nginx: '/docker-entrypoint.sh: Configuration complete; ready for start up\n',
  httpd: 'AH00558: httpd: Could not reliably determine the server\'s fully qualified domain name, using 172.17.0.2. Set the \'ServerName\' directive globally to suppress this message\n',
  'python-webapp': '',
}

/** Starts the main process: a server keeps running; a command runs (for as long as it sleeps) and exits with its code. */
function startProcess(ctx: SimContext, host: HostFiles, c: Container): Omit<RunResult, 'id' | 'name'> {
  const docker = ctx.world.docker
  const server = serverOf(docker, c)
  if (c.networkMode !== 'none')
    for (const p of c.ports) {
      const holder = Object.values(docker.containers).find((o) => o.id !== c.id && o.status === 'running' && o.ports.some((q) => q.hostPort === p.hostPort && q.protocol === p.protocol))
      // moby libnetwork/portallocator: `Bind for %s:%d failed: port is already allocated` (aws-fidelity.md §7)
      if (holder)
        throw new DockerError(500, `driver failed programming external connectivity on endpoint ${c.name} (${ctx.rng.hex(64)}): Bind for 0.0.0.0:${p.hostPort} failed: port is already allocated`)
    }
  c.startedAt = ctx.now()
  delete c.finishedAt
  if (server) {
    c.status = 'running'
    c.logs += SERVER_START[server.kind] ?? ''
    return { stdout: SERVER_START[server.kind] ?? '', stderr: '', exitCode: 0, running: true }
  }
  const argv = commandOf(c)
  const program = argv[0].replace(/^\/(usr\/)?s?bin\//, '')
  if (!COMMANDS.has(program))
    // runc's words for a missing executable (exit 127 from `docker run`).
    throw new DockerError(
      127,
      `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    )
  const process = processOf(docker, host, c)
  process.fs.uid = uidOf(process)
  const r = runCommand(process, [program, ...argv.slice(1)])
  c.logs += r.stdout + r.stderr
  if (r.runsForMs > 0) {
    c.status = 'running'
    c.exitCode = r.exitCode
    if (Number.isFinite(r.runsForMs)) ctx.scheduler.schedule(ctx.now() + r.runsForMs, 'docker.container.exit', { id: c.id, startedAt: c.startedAt })
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, running: true }
  }
  exited(ctx, c, r.exitCode)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, running: false }
}

/** The main process ended: tmpfs contents go; `--rm` removes the container and its anonymous volumes. */
function exited(ctx: SimContext, c: Container, code: number): void {
  c.status = 'exited'
  c.exitCode = code
  c.finishedAt = ctx.now()
  c.tmpfs = {}
  if (c.autoRemove) removeContainerRecord(ctx.world.docker, c, true)
}

function removeContainerRecord(docker: DockerState, c: Container, withVolumes: boolean): void {
  delete docker.containers[c.id]
  if (withVolumes) for (const m of c.mounts) if (m.type === 'volume' && m.anonymous && !Object.values(docker.containers).some((o) => o.mounts.some((n) => n.source === m.source))) delete docker.volumes[m.source]
}

/** Timer: a command that slept has finished. */
export function containerExitTimer(ctx: SimContext, payload: Record<string, unknown>): void {
  const c = ctx.world.docker.containers[payload.id as string]
  if (c && c.status === 'running' && c.startedAt === payload.startedAt) {
    exited(ctx, c, c.exitCode)
    ctx.world.docker.revision = (ctx.world.docker.revision ?? 0) + 1
  }
}

export function startContainer(ctx: SimContext, host: HostFiles, input: { ref: string }): Container {
  const c = requireContainer(ctx.world.docker, input.ref)
  if (c.status !== 'running') startProcess(ctx, host, c)
  return c
}

/**
 * `docker stop`: SIGTERM, then SIGKILL after 10 s. A server exits 0 on SIGTERM; `sh` as PID 1 ignores it and is
 * killed (137). The clock does not wait the 10 s here.
 */
export function stopContainer(ctx: SimContext, input: { ref: string }): Container {
  const c = requireContainer(ctx.world.docker, input.ref)
  if (c.status === 'running') exited(ctx, c, serverOf(ctx.world.docker, c) ? 0 : 137)
  return c
}

export function restartContainer(ctx: SimContext, host: HostFiles, input: { ref: string }): Container {
  const c = requireContainer(ctx.world.docker, input.ref)
  if (c.status === 'running') {
    // Stopped and started again: not removed in between, even with --rm.
    c.status = 'exited'
    c.finishedAt = ctx.now()
    c.tmpfs = {}
  }
  startProcess(ctx, host, c)
  return c
}

/** `docker rm`: the writable layer and its data go with the container; named volumes stay (anonymous ones with `-v`). */
export function removeContainer(ctx: SimContext, input: { ref: string; force?: boolean; volumes?: boolean }): void {
  const docker = ctx.world.docker
  const c = requireContainer(docker, input.ref)
  if (c.status === 'running' && !input.force)
    throw new DockerError(409, `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`)
  removeContainerRecord(docker, c, input.volumes ?? false)
}

/** `docker exec`: a command in a running container's file system. */
export function execInContainer(
  ctx: SimContext,
  host: HostFiles,
  input: { ref: string; cmd: string[]; user?: string; workingDir?: string; env?: string[]; stdin?: string },
  docker: DockerState = ctx.world.docker,
  network?: ContainerNetwork,
) {
  const c = requireContainer(docker, input.ref)
  if (c.status !== 'running') throw new DockerError(409, `container ${c.id} is not running`)
  const program = input.cmd[0].replace(/^\/(usr\/)?s?bin\//, '')
  if (!COMMANDS.has(program) && !(program === 'curl' && network))
    throw new DockerError(
      126,
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${input.cmd[0]}": executable file not found in $PATH: unknown`,
    )
  const p = processOf(docker, host, c)
  if (network) p.network = network
  if (input.user !== undefined) p.user = input.user
  if (input.workingDir !== undefined) p.cwd = input.workingDir
  for (const pair of input.env ?? []) p.env[pair.split('=')[0]] = pair.slice(pair.indexOf('=') + 1)
  p.fs.uid = uidOf(p)
  // `echo 'ls /' | docker exec -i web sh`: a shell without -c reads its commands from standard input, line by line.
  if (program === 'sh' && input.cmd.length === 1 && input.stdin !== undefined) {
    const out = { stdout: '', stderr: '', exitCode: 0 }
    for (const line of input.stdin.split('\n')) {
      if (line.trim() === '') continue
      const r = runShellLine(p, line)
      out.stdout += r.stdout
      out.stderr += r.stderr
      out.exitCode = r.exitCode
    }
    return out
  }
  const r = runCommand(p, [program, ...input.cmd.slice(1)])
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

export interface Change {
  /** 0 modified, 1 added, 2 deleted (the Engine API's `Kind`). */
  kind: 0 | 1 | 2
  path: string
}

/** `GET /containers/{id}/changes` (`docker diff`): the writable layer against the image; folders above changes are `C`. */
export function containerChanges(docker: DockerState, host: HostFiles, c: Container): Change[] {
  const fs = new ContainerFs(docker, c, host)
  const changes = new Map<string, Change['kind']>()
  for (const [path, entry] of Object.entries(c.upper)) {
    changes.set(path, entry.k === 'w' ? 2 : fs.lower(path) ? 0 : 1)
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
      const parent = path.slice(0, i)
      if (!changes.has(parent)) changes.set(parent, fs.lower(parent) ? 0 : 1)
    }
  }
  return [...changes].map(([path, kind]) => ({ kind, path })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
