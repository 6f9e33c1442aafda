import { HOST_HOME, isDockerError } from '../../sim/docker/index.ts'
import type { DockerCommand } from './backend.ts'
import { parseFlags } from './flags.ts'

/** A path as typed, relative to the working folder (`''` for the folder itself), or undefined when it lies outside it. */
export function inWorkingFolder(path: string, cwd: string): string | undefined {
  const absolute = path.startsWith('/') ? path : path === '~' || path.startsWith('~/') ? HOST_HOME + path.slice(1) : `${cwd}/${path}`
  const parts: string[] = []
  for (const s of absolute.split('/')) {
    if (s === '' || s === '.') continue
    if (s === '..') parts.pop()
    else parts.push(s)
  }
  const normal = `/${parts.join('/')}`
  if (normal === HOST_HOME) return ''
  return normal.startsWith(`${HOST_HOME}/`) ? normal.slice(HOST_HOME.length + 1) : undefined
}

/** Docker's reference rule for a tag's repository part: lowercase (distribution/reference). */
function tagProblem(tag: string): string | undefined {
  const colon = tag.lastIndexOf(':')
  const repository = colon > tag.lastIndexOf('/') ? tag.slice(0, colon) : tag
  if (repository !== repository.toLowerCase()) return 'repository name must be lowercase'
  if (!/^[a-z0-9]+([._:-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?$/.test(tag.replace(/^[^/]+\.[^/]+\//, 'h/'))) return 'invalid reference format'
  return undefined
}

/**
 * `docker build [-t NAME[:TAG]]... [-f Dockerfile] [-q] PATH` with BuildKit: progress on stderr as its plain printer
 * writes it; a failure ends with `ERROR: failed to solve: …` (exit 1). docker/cli cli/command/image/build.go.
 */
export function build({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { tag: { short: 't', many: true }, file: { short: 'f' }, quiet: { short: 'q', bool: true }, 'no-cache': { bool: true }, progress: {}, pull: { bool: true } }, true)
  if (f.positional.length !== 1) {
    io.stderr(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`)
    return 1
  }
  const cwd = io.env.PWD ?? HOST_HOME
  const path = f.positional[0]
  const context = inWorkingFolder(path, cwd)
  const files = io.files.list()
  if (context === undefined || (context !== '' && !files.some((file) => file.startsWith(`${context}/`)))) {
    io.stderr(`ERROR: unable to prepare context: path "${path}" not found\n`)
    return 1
  }
  const tags = f.values.tag ?? []
  for (const tag of tags) {
    const problem = tagProblem(tag)
    if (problem) {
      io.stderr(`ERROR: invalid tag "${tag}": ${problem}\n`)
      return 1
    }
  }
  const dockerfile = f.values.file ? inWorkingFolder(f.values.file.at(-1) as string, cwd) : undefined
  try {
    const r = backend.docker('ImageBuild', { context, tags, ...(dockerfile !== undefined ? { dockerfile } : {}), ...(f.bools.has('no-cache') ? { noCache: true } : {}) }) as { id: string; progress: string }
    if (f.bools.has('quiet')) io.stdout(`${r.id}\n`)
    else io.stderr(r.progress)
    return 0
  } catch (e) {
    if (!isDockerError(e)) throw e
    io.stderr(`${f.bools.has('quiet') ? '' : e.progress}ERROR: failed to solve: ${e.message}\n`)
    return 1
  }
}
