import type { SimContext } from '../context.ts'
import { sha256Hex } from './digest.ts'
import { DockerError } from './errors.ts'
import type { DockerContext, DockerState } from './state.ts'
import { HOST_HOME } from './stores.ts'

/**
 * The Docker client's contexts (docker/cli cli/context/store, cli/command/context): named endpoints kept in
 * `~/.docker/contexts`, and `currentContext` in `~/.docker/config.json`. They are the workstation's client
 * configuration, so they live in the workstation's slice beside `docker login`'s `auths`, and a snapshot or replay
 * brings the same choice back. Errors are the client's own (no "Error response from daemon"): DockerError status 0.
 */

export const DEFAULT_CONTEXT = 'default'
/** The workstation's engine, where `default` points when neither -H nor DOCKER_HOST says otherwise. */
export const DEFAULT_HOST = 'unix:///var/run/docker.sock'
/** docker/cli cli/command/context.go: the default context's description. */
export const DEFAULT_DESCRIPTION = 'Current DOCKER_HOST based configuration'

/** cli/context/store/store.go `validNameFormat`. */
const VALID_NAME = '^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$'

const client = (message: string) => new DockerError(0, message)

/** cli/context/store/store.go ValidateContextName. */
function validateName(name: string): void {
  if (name === '') throw client('context name cannot be empty')
  if (name === DEFAULT_CONTEXT) throw client('"default" is a reserved context name')
  if (!new RegExp(VALID_NAME).test(name)) throw client(`context name "${name}" is invalid, names are validated against regexp "${VALID_NAME}"`)
}

/** Where the store keeps a context: a folder named by the SHA-256 of its name (cli/context/store/metadatastore.go). */
const metaDir = (name: string) => `${HOST_HOME}/.docker/contexts/meta/${sha256Hex(name)}`

/** cli/context/store/metadatastore.go: `context not found: open …/meta.json: no such file or directory`, quoted by name. */
const notFound = (name: string) => client(`context "${name}": context not found: open ${metaDir(name)}/meta.json: no such file or directory`)

export function currentContext(docker: DockerState): string {
  return docker.currentContext || DEFAULT_CONTEXT
}

/** A context's endpoint host; `default` points at the workstation (or -H/DOCKER_HOST, which the CLI resolves). */
export function contextHost(docker: DockerState, name: string): string {
  if (name === DEFAULT_CONTEXT) return DEFAULT_HOST
  const c = docker.contexts?.[name]
  if (!c || !Object.hasOwn(docker.contexts ?? {}, name)) throw notFound(name)
  return c.host
}

export function createContext(ctx: SimContext, input: { name: string; description?: string; host: string }): DockerContext {
  const docker = ctx.world.docker
  validateName(input.name)
  if (Object.hasOwn(docker.contexts ?? {}, input.name)) throw client(`context "${input.name}" already exists`)
  docker.contexts ??= {}
  const context: DockerContext = { name: input.name, description: input.description ?? '', host: input.host }
  docker.contexts[input.name] = context
  return context
}

/** `docker context ls`: the default context first among the rest, sorted by name, the current one marked. */
export function listContexts(docker: DockerState): { name: string; description: string; host: string; current: boolean }[] {
  const current = currentContext(docker)
  const all = [{ name: DEFAULT_CONTEXT, description: DEFAULT_DESCRIPTION, host: DEFAULT_HOST }, ...Object.values(docker.contexts ?? {})]
  return all.map((c) => ({ name: c.name, description: c.description, host: c.host, current: c.name === current })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

export function useContext(ctx: SimContext, input: { name: string }): void {
  const docker = ctx.world.docker
  if (input.name !== DEFAULT_CONTEXT) {
    validateName(input.name)
    contextHost(docker, input.name)
  }
  // The config keeps '' for default (cli/command/context/use.go).
  if (input.name === DEFAULT_CONTEXT) delete docker.currentContext
  else docker.currentContext = input.name
}

/** `docker context rm`: refused for the current context unless forced (cli/command/context/remove.go). */
export function removeContext(ctx: SimContext, input: { name: string; force?: boolean }): void {
  const docker = ctx.world.docker
  if (input.name === DEFAULT_CONTEXT) throw client('context "default" cannot be removed')
  if (currentContext(docker) === input.name) {
    if (!input.force) throw client(`context "${input.name}" is in use, set -f flag to force remove`)
    delete docker.currentContext
  }
  // With -f a missing context is not looked for first (the store's remove of nothing succeeds).
  if (!Object.hasOwn(docker.contexts ?? {}, input.name)) {
    if (!input.force) throw client(`context "${input.name}" does not exist`)
    return
  }
  delete docker.contexts![input.name]
}

/** `docker context inspect`: the store's record (cli/command/context/inspect.go; the default one lives in memory). */
export function inspectContext(docker: DockerState, name: string) {
  const host = contextHost(docker, name)
  const own = name === DEFAULT_CONTEXT ? undefined : docker.contexts![name]
  return {
    Name: name,
    Metadata: own ? (own.description ? { Description: own.description } : {}) : {},
    Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
    TLSMaterial: {},
    Storage: own
      ? { MetadataPath: metaDir(name), TLSPath: `${HOST_HOME}/.docker/contexts/tls/${sha256Hex(name)}` }
      : { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
  }
}
