import type { MountRequest, PortBinding, PullResult, RunRequest, RunResult } from '../../sim/docker/index.ts'
import { isDockerError } from '../../sim/docker/index.ts'
import { errorText, type DockerCommand } from './backend.ts'
import { parseFlags, type FlagSpec } from './flags.ts'
import { pullLines } from './images.ts'

const HOME = '/home/cloudshell-user'

export const RUN_FLAGS: FlagSpec = {
  detach: { short: 'd', bool: true },
  rm: { bool: true },
  interactive: { short: 'i', bool: true },
  tty: { short: 't', bool: true },
  name: {},
  publish: { short: 'p', many: true },
  volume: { short: 'v', many: true },
  mount: { many: true },
  network: {},
  net: {},
  env: { short: 'e', many: true },
  workdir: { short: 'w' },
  user: { short: 'u' },
  hostname: { short: 'h' },
}

/** A usage error of `docker run` (exit 125, `docker: ` prefix, help line). */
export class RunUsageError extends Error {}

/** docker/cli `toStatusError` (cli/command/container/run.go): 127 not found, 126 not executable, 125 the rest. */
export function statusCode(message: string): number {
  if (message.includes('executable file not found') || message.includes('no such file or directory')) return 127
  if (message.includes('permission denied') || message.includes('is a directory')) return 126
  return 125
}

/** `-p [ip:]hostPort:containerPort[/proto]` or `-p containerPort` (a host port the engine picks). */
function parsePublish(spec: string, nextEphemeral: () => number): PortBinding {
  const [ports, proto = 'tcp'] = spec.split('/')
  const parts = ports.split(':')
  const containerPort = Number(parts.at(-1))
  const hostPart = parts.length >= 2 ? parts.at(-2) : ''
  if (!Number.isInteger(containerPort) || containerPort < 1 || containerPort > 65535) throw new RunUsageError(`invalid containerPort: ${parts.at(-1)}`)
  const hostPort = hostPart ? Number(hostPart) : nextEphemeral()
  if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) throw new RunUsageError(`invalid hostPort: ${hostPart}`)
  if (proto !== 'tcp' && proto !== 'udp') throw new RunUsageError(`invalid proto: ${proto}`)
  return { hostPort, containerPort, protocol: proto }
}

const absolute = (path: string, cwd: string): string => (path.startsWith('/') ? path : path === '~' || path.startsWith('~/') ? HOME + path.slice(1) : `${cwd}/${path}`.replace(/\/\.\//g, '/').replace(/\/\.$/, ''))

/** `-v [src:]dst[:opts]`: a path source (absolute, `./x`, `~/x`) is a bind mount, a name a volume, none an anonymous volume. */
function parseVolume(spec: string, cwd: string): MountRequest {
  const parts = spec.split(':')
  if (parts.length === 1) return { type: 'volume', source: '', destination: parts[0], readOnly: false, anonymous: true }
  const [source, destination, opts = ''] = parts
  const options = opts.split(',')
  const readOnly = options.includes('ro')
  if (/^[/.~]/.test(source)) return { type: 'bind', source: absolute(source, cwd).replace(/\/$/, '') || '/', destination, readOnly, createHostPath: true }
  return { type: 'volume', source, destination, readOnly, noCopy: options.includes('nocopy') }
}

/**
 * The fields of a `--mount` value: CSV as Go's encoding/csv reads it (docker/cli opts/mount.go), so a quoted field
 * keeps its commas (`"volume-opt=o=addr=10.0.1.25,rw"`).
 */
function csvFields(spec: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]
    if (ch === '"' && quoted && spec[i + 1] === '"') field += spec[++i]
    else if (ch === '"') quoted = !quoted
    else if (ch === ',' && !quoted) {
      out.push(field)
      field = ''
    } else field += ch
  }
  out.push(field)
  return out
}

/** `--mount type=bind|volume|tmpfs,src=…,dst=…[,readonly][,volume-nocopy][,volume-driver=…][,volume-opt=K=V]…`. */
function parseMount(spec: string): MountRequest {
  const fields: Record<string, string> = {}
  const volumeOptions: Record<string, string> = {}
  for (const part of csvFields(spec)) {
    const eq = part.indexOf('=')
    const key = (eq < 0 ? part : part.slice(0, eq)).toLowerCase()
    const value = eq < 0 ? 'true' : part.slice(eq + 1)
    // `volume-opt` repeats, each `KEY=VALUE` split at its first `=`.
    if (key === 'volume-opt') {
      const at = value.indexOf('=')
      volumeOptions[at < 0 ? value : value.slice(0, at)] = at < 0 ? '' : value.slice(at + 1)
    } else fields[key] = value
  }
  const type = (fields.type ?? 'volume') as MountRequest['type']
  if (!['bind', 'volume', 'tmpfs'].includes(type)) throw new RunUsageError(`invalid argument "${spec}" for "--mount" flag: invalid mount type "${type}"`)
  const source = fields.source ?? fields.src ?? ''
  const destination = fields.destination ?? fields.dst ?? fields.target ?? ''
  if (!destination) throw new RunUsageError(`invalid argument "${spec}" for "--mount" flag: target is required`)
  const flag = (v: string | undefined) => v === 'true' || v === '1'
  const readOnly = flag(fields.readonly) || flag(fields.ro)
  if (type === 'bind' && !source) throw new RunUsageError(`invalid argument "${spec}" for "--mount" flag: source is required when type is bind`)
  return {
    type,
    source,
    destination,
    readOnly,
    ...(type === 'volume' && !source ? { anonymous: true } : {}),
    ...(flag(fields['volume-nocopy']) ? { noCopy: true } : {}),
    ...(fields['volume-driver'] ? { volumeDriver: fields['volume-driver'] } : {}),
    ...(Object.keys(volumeOptions).length ? { volumeOptions } : {}),
  }
}

/** `docker run [OPTIONS] IMAGE [COMMAND] [ARG...]`: create and start; pulls the image first when it is not here. */
export function run({ backend, io }: DockerCommand, args: string[]): number {
  const fail = (message: string, code = 125) => {
    io.stderr(`docker: ${message}\n\nRun 'docker run --help' for more information\n`)
    return code
  }
  let request: RunRequest
  let detach: boolean
  try {
    const f = parseFlags(args, RUN_FLAGS, false)
    if (f.positional.length === 0) return fail("'docker run' requires at least 1 argument", 1)
    const cwd = io.env.PWD ?? HOME
    let ephemeral = 32768
    const mode = f.values.network?.at(-1) ?? f.values.net?.at(-1) ?? 'bridge'
    if (!['bridge', 'host', 'none', 'default'].includes(mode)) return fail(`Error response from daemon: network ${mode} not found`)
    detach = f.bools.has('detach')
    const [image, ...cmd] = f.positional
    request = {
      image,
      ...(f.values.name ? { name: f.values.name.at(-1) as string } : {}),
      ...(cmd.length ? { cmd } : {}),
      env: (f.values.env ?? []).map((e) => (e.includes('=') ? e : `${e}=${io.env[e] ?? ''}`)),
      ...(f.values.workdir ? { workingDir: f.values.workdir.at(-1) as string } : {}),
      ...(f.values.user ? { user: f.values.user.at(-1) as string } : {}),
      ports: (f.values.publish ?? []).map((p) => parsePublish(p, () => ephemeral++)),
      mounts: [...(f.values.volume ?? []).map((v) => parseVolume(v, cwd)), ...(f.values.mount ?? []).map(parseMount)],
      networkMode: mode === 'default' ? 'bridge' : (mode as 'bridge'),
      autoRemove: f.bools.has('rm'),
    }
  } catch (e) {
    if (e instanceof Error && !isDockerError(e)) return fail(e.message)
    throw e
  }
  let result: RunResult
  try {
    result = backend.docker('ContainerRun', request) as RunResult
  } catch (e) {
    if (!isDockerError(e)) throw e
    if (e.status !== 404 || !e.message.startsWith('No such image')) return fail(errorText(e), statusCode(e.message))
    const ref = request.image.includes(':') && request.image.lastIndexOf(':') > request.image.lastIndexOf('/') ? request.image : `${request.image}:latest`
    io.stderr(`Unable to find image '${ref}' locally\n`)
    try {
      const pulled = backend.docker('ImageCreate', { ref: request.image }) as PullResult
      io.stderr(pullLines(pulled, false))
      result = backend.docker('ContainerRun', request) as RunResult
    } catch (e2) {
      if (!isDockerError(e2)) throw e2
      return fail(errorText(e2), statusCode(e2.message))
    }
  }
  if (detach) {
    io.stdout(`${result.id}\n`)
    return 0
  }
  io.stdout(result.stdout)
  io.stderr(result.stderr)
  return result.running ? 0 : result.exitCode
}
