import { isDockerError } from '../../sim/docker/index.ts'
import type { DockerBackend } from './backend.ts'

/** The workstation's engine: the default context's endpoint. */
export const LOCAL_HOST = 'unix:///var/run/docker.sock'
const DEFAULT_TCP_HOST = 'tcp://localhost:2375'

/** A host the client refuses before connecting, in docker/cli's words (opts/hosts.go). */
export class HostError extends Error {}

/**
 * docker/cli opts/hosts.go ParseHost: `-H` and DOCKER_HOST, normalised. Grammar:
 *   host  := '' (the default socket) | [proto '://'] rest       (no proto: tcp)
 *   tcp   := [hostname] [':' port] [path]                        (hostname default localhost, port default 2375)
 *   unix  := path                                                (default /var/run/docker.sock)
 *   other protocols than tcp, unix, npipe, fd, ssh: "invalid bind address format: <addr>"
 */
export function parseHost(value: string): string {
  const addr = value.trim()
  if (addr === '') return LOCAL_HOST
  const cut = addr.indexOf('://')
  const proto = cut < 0 ? 'tcp' : addr.slice(0, cut)
  const rest = cut < 0 ? addr : addr.slice(cut + 3)
  switch (proto) {
    case 'tcp':
      return parseTcp(rest)
    case 'unix':
    case 'npipe': {
      if (rest.includes('://')) throw new HostError(`invalid proto, expected ${proto}: ${rest}`)
      return `${proto}://${rest || (proto === 'unix' ? '/var/run/docker.sock' : '//./pipe/docker_engine')}`
    }
    case 'fd':
    case 'ssh':
      return addr
    default:
      throw new HostError(`invalid bind address format: ${addr}`)
  }
}

/** opts/hosts.go ParseTCPAddr (Go's url.Parse and net.SplitHostPort rules, for the addresses a learner types). */
function parseTcp(tryAddr: string): string {
  if (tryAddr === '' || tryAddr === 'tcp://') return DEFAULT_TCP_HOST
  const addr = tryAddr.replace(/^tcp:\/\//, '')
  if (addr.includes('://') || addr === '') throw new HostError(`invalid proto, expected tcp: ${tryAddr}`)
  const slash = addr.indexOf('/')
  const hostPart = slash < 0 ? addr : addr.slice(0, slash)
  const path = slash < 0 ? '' : addr.slice(slash)
  const bad = /[^A-Za-z0-9.\-_:[\]%]/.exec(hostPart)
  if (bad) throw new HostError(`parse "tcp://${addr}": invalid character "${bad[0]}" in host name`)
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPart)
  if (!m || (m[2] !== undefined && !/^\d*$/.test(m[2]))) {
    const port = hostPart.slice(hostPart.lastIndexOf(':'))
    throw new HostError(`parse "tcp://${addr}": invalid port "${port}" after host`)
  }
  const host = m[1].replace(/^\[|\]$/g, '') || 'localhost'
  const port = m[2] || '2375'
  return `tcp://${host.includes(':') ? `[${host}]` : host}:${port}${path}`
}

/** The global options before the command: `-H`/`--host`, `-c`/`--context`. */
export interface GlobalOptions {
  hosts: string[]
  context?: string
}

/**
 * Takes the global options off the front of the arguments (`docker -H tcp://10.0.1.12:2375 ps`), as the docker
 * command's persistent flags are read before its subcommand.
 */
export function globalOptions(args: string[]): { options: GlobalOptions; rest: string[] } | { error: string } {
  const options: GlobalOptions = { hosts: [] }
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]
    const long = /^--(host|context)(?:=(.*))?$/.exec(a)
    const short = /^-([Hc])(.*)$/.exec(a)
    if (!long && !short) break
    const name = long ? long[1] : short![1] === 'H' ? 'host' : 'context'
    const inline = long ? long[2] : short![2] || undefined
    const value = inline ?? args[++i]
    const flag = name === 'host' ? '-H, --host' : '-c, --context'
    if (value === undefined) return { error: `flag needs an argument: ${long ? `--${name}` : `'${short![1]}' in -${short![1]}`}` }
    if (name === 'host') {
      // cli/flags/options.go hostVar.Set
      if (options.hosts.length) return { error: `invalid argument "${value}" for "${flag}" flag: specify only one -H` }
      options.hosts.push(value)
    } else options.context = value
  }
  return { options, rest: args.slice(i) }
}

/**
 * The endpoint a command talks to (docker/cli cli/command/cli.go resolveContextName, getServerHost): `--context`,
 * else `-H`, else DOCKER_HOST, else DOCKER_CONTEXT, else the current context; `default` is -H, DOCKER_HOST or the
 * workstation's socket.
 */
export function resolveEndpoint(backend: DockerBackend, options: GlobalOptions, env: Readonly<Record<string, string>>): string {
  if (options.hosts.length && options.context) throw new HostError('conflicting options: either specify --host or --context, not both')
  const dockerHost = env.DOCKER_HOST ?? ''
  const name = options.context || (options.hosts.length || dockerHost ? 'default' : env.DOCKER_CONTEXT || (backend.docker('ContextCurrent', {}) as { name: string }).name)
  try {
    if (name === 'default') return parseHost(options.hosts[0] ?? dockerHost)
    const inspected = backend.docker('ContextInspect', { name }) as { Endpoints: { docker: { Host: string } } }
    return parseHost(inspected.Endpoints.docker.Host)
  } catch (e) {
    if (isDockerError(e)) throw new HostError(e.message)
    throw e
  }
}
