import type { SimContext } from '../context.ts'
import { findInCatalogue } from './catalogue.ts'
import { digestOf } from './digest.ts'
import { envPairs, parseDockerfile, words, type Instruction } from './dockerfile.ts'
import { DockerError } from './errors.ts'
import { ContainerFs } from './fs.ts'
import { familiarName, findImage, parseReference } from './images.ts'
import { entriesSize, layerInfo } from './layers.ts'
import { normalise, parentOf } from './paths.ts'
import { COMMANDS, runCommand, runShellLine, uidOf, type Process } from './shell.ts'
import type { Container, DockerImage, HistoryEntry, ImageConfig } from './state.ts'
import type { HostFiles } from './stores.ts'

/**
 * `docker build` (BuildKit with the docker driver): each FROM, RUN, COPY/ADD and WORKDIR is a step with its own
 * layer; ENV, EXPOSE, CMD, ENTRYPOINT, USER, LABEL and ARG only change the image's configuration (an "empty layer"
 * in its history). A step whose inputs (the layer below, the instruction, the files it copies) were built before is
 * CACHED. Progress is written the way BuildKit's plain printer does (moby/buildkit util/progress/progressui).
 */
export interface BuildRequest {
  /** The build context: a folder of the working folder, relative to it (`''` for the working folder itself). */
  context: string
  /** The Dockerfile, relative to the working folder (default `<context>/Dockerfile`). */
  dockerfile?: string
  /** `-t` names (`web`, `web:v1`, `<account>.dkr.ecr.<region>.amazonaws.com/web:latest`). */
  tags: string[]
  /** `--no-cache`: every step runs again. */
  noCache?: boolean
}

export interface BuildResult {
  id: string
  tags: string[]
  /** BuildKit's plain progress (the CLI prints it on stderr). */
  progress: string
}

/** A failed build: what BuildKit printed before it stopped, and the reason `ERROR: failed to solve:` gives. */
export class BuildError extends DockerError {
  constructor(message: string, progress: string) {
    super(400, message, progress)
  }
}

/** The image a FROM names: a local image (built, committed, pulled), else one the registry has. */
function baseImage(ctx: SimContext, ref: string): { layerIds: string[]; config: ImageConfig; history: HistoryEntry[]; id: string; canonical: string; local: boolean } | undefined {
  const docker = ctx.world.docker
  const local = findImage(docker, ref)
  const { repository, tag } = parseReference(ref)
  const name = familiarName(repository)
  const canonical = `${name.includes('/') ? (name.split('/')[0].includes('.') ? name : `docker.io/${name}`) : `docker.io/library/${name}`}:${tag}`
  if (local) return { layerIds: [...local.layerIds], config: structuredClone(local.config), history: historyOf(ctx, local), id: local.id, canonical, local: true }
  const spec = findInCatalogue(repository, tag)
  if (!spec) return undefined
  return {
    layerIds: spec.layers.map((l) => l.id),
    config: structuredClone(spec.config),
    history: spec.layers.map((l) => ({ createdBy: l.createdBy, created: spec.created, size: l.size })),
    id: spec.id,
    canonical: `${canonical}@${spec.digest}`,
    local: false,
  }
}

/** A local image's history rows, bottom first (its own for a built image, else one per layer). */
export function historyOf(ctx: SimContext, image: DockerImage): HistoryEntry[] {
  if (image.history) return image.history.map((h) => ({ ...h }))
  return image.layerIds.map((id) => {
    const info = layerInfo(ctx.world.docker, id)
    return { createdBy: info.createdBy, created: info.created ?? image.created, size: info.size }
  })
}

/** The comment BuildKit puts on the history rows a Dockerfile made. */
const BUILDKIT = 'buildkit.dockerfile.v0'

/** The steps BuildKit numbers `[i/n]`: the ones that make file system layers. */
const isStep = (i: Instruction) => i.keyword === 'FROM' || i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'WORKDIR'

/** The Dockerfile excerpt BuildKit prints under an error, the failing line marked `>>>`. */
function excerpt(path: string, text: string, line: number): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/)
  const from = Math.max(1, line - 4)
  let out = `${path}:${line}\n--------------------\n`
  for (let n = from; n <= Math.min(lines.length, line + 2); n++) out += `${String(n).padStart(4)} | ${n === line ? '>>> ' : '    '}${lines[n - 1]}\n`
  return `${out}--------------------\n`
}

export function buildImage(ctx: SimContext, host: HostFiles, input: BuildRequest): BuildResult {
  const docker = ctx.world.docker
  const context = input.context.replace(/^\.?\/*|\/+$/g, '')
  const dockerfilePath = input.dockerfile ?? (context ? `${context}/Dockerfile` : 'Dockerfile')
  const shownName = dockerfilePath.slice(dockerfilePath.lastIndexOf('/') + 1)
  const text = host.read(dockerfilePath)
  let n = 0
  let progress = '#0 building with "default" instance using docker driver\n\n'
  const vertex = (name: string, lines: string[] = [], done = 'DONE 0.0s') => {
    n++
    progress += `#${n} ${name}\n${lines.map((l) => `#${n} ${l}\n`).join('')}#${n} ${done}\n\n`
  }
  if (text === undefined) {
    n++
    progress += `#${n} [internal] load build definition from ${shownName}\n#${n} transferring dockerfile: 2B done\n#${n} DONE 0.0s\n`
    throw new BuildError(`failed to read dockerfile: open ${shownName}: no such file or directory`, progress)
  }
  vertex(`[internal] load build definition from ${shownName}`, [`transferring dockerfile: ${new TextEncoder().encode(text).length}B done`])
  let instructions: Instruction[]
  try {
    instructions = parseDockerfile(text)
  } catch (e) {
    if (!(e instanceof DockerError)) throw e
    const line = /on line (\d+)/.exec(e.message)?.[1]
    throw new BuildError(e.message, progress + (line ? excerpt(shownName, text, Number(line)) : ''))
  }
  const from = instructions.find((i) => i.keyword === 'FROM') as Instruction
  const fromRef = words(from.args)[0]
  const base = baseImage(ctx, fromRef)
  if (!base || !base.local) {
    const canonical = base?.canonical.replace(/@.*$/, '') ?? `docker.io/library/${familiarName(parseReference(fromRef).repository)}:${parseReference(fromRef).tag}`
    if (!base) {
      const reason = 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
      n++
      progress += `#${n} [internal] load metadata for ${canonical}\n#${n} ERROR: ${reason}\n${excerpt(shownName, text, from.line)}`
      throw new BuildError(`${fromRef}: failed to resolve source metadata for ${canonical}: ${reason}`, progress)
    }
    vertex(`[internal] load metadata for ${canonical}`, [], 'DONE 0.4s')
  }
  vertex('[internal] load .dockerignore', ['transferring context: 2B done'])

  const total = instructions.filter(isStep).length
  let step = 0
  const config = base.config
  const baseCommand = JSON.stringify([config.entrypoint ?? null, config.cmd])
  const layerIds = base.layerIds
  const history = base.history
  let cacheKey = base.id
  const now = ctx.now()
  const contextFiles = host.list().filter((f) => context === '' || f.startsWith(`${context}/`)).map((f) => (context === '' ? f : f.slice(context.length + 1)))

  const scratch = (): Container => ({
    id: 'build', name: 'build', imageRef: '', imageId: '', created: now, status: 'running', exitCode: 0, path: '', args: [], env: config.env, workingDir: config.workingDir,
    user: config.user, networkMode: 'bridge', ipAddress: '', ports: [], mounts: [], autoRemove: false, upper: {}, tmpfs: {}, logs: '', graphId: '', restartCount: 0,
  })
  /** Runs one step on a fresh writable layer; what it leaves there becomes the step's layer (or the cached one). */
  const layerStep = (instruction: Instruction, createdBy: string, inputs: string, run: (fs: ContainerFs, c: Container) => string[] | void) => {
    step++
    const name = `[${step}/${total}] ${instruction.keyword} ${instruction.args}`
    const id = digestOf(`${cacheKey}\n${createdBy}\n${inputs}`)
    cacheKey = id
    if (docker.layers[id] && !input.noCache) {
      vertex(name, [], 'CACHED')
    } else {
      const c = scratch()
      const fs = new ContainerFs(docker, c, host, layerIds)
      const lines = run(fs, c) ?? []
      docker.layers[id] = { id, size: entriesSize(c.upper), createdBy, created: now, entries: c.upper }
      vertex(name, lines.map((l, i) => `${(0.15 + i * 0.001).toFixed(3)} ${l}`), 'DONE 0.2s')
    }
    layerIds.push(id)
    history.push({ createdBy, created: now, size: docker.layers[id].size, comment: BUILDKIT })
  }
  const emptyLayer = (createdBy: string) => history.push({ createdBy, created: now, size: 0, emptyLayer: true, comment: BUILDKIT })

  const copies = instructions.some((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
  for (const instruction of instructions) {
    const { keyword, args } = instruction
    const fail = (message: string, detail: string[] = []) => {
      throw new BuildError(message, `${progress}------\n > [${step}/${total}] ${keyword} ${args}:\n${detail.map((l) => `${l}\n`).join('')}------\n${excerpt(shownName, text, instruction.line)}`)
    }
    switch (keyword) {
      case 'ARG':
        break
      case 'FROM': {
        step++
        vertex(`[${step}/${total}] FROM ${base.canonical}`, [], base.local ? 'DONE 0.0s' : 'DONE 0.1s')
        if (copies) vertex('[internal] load build context', [`transferring context: ${contextFiles.reduce((s, f) => s + new TextEncoder().encode(host.read(context ? `${context}/${f}` : f) ?? '').length, 0)}B done`])
        break
      }
      case 'RUN': {
        const argv = instruction.exec ?? ['/bin/sh', '-c', args]
        const createdBy = instruction.exec ? `RUN ${argv.join(' ')} # buildkit` : `RUN /bin/sh -c ${args} # buildkit`
        layerStep(instruction, createdBy, '', (fs) => {
          const process: Process = { fs, env: envOf(config.env), cwd: config.workingDir || '/', user: config.user, hostname: 'buildkitsandbox', mtime: 'Jan  5 09:00' }
          fs.uid = uidOf(process)
          const program = argv[0].replace(/^\/(usr\/)?s?bin\//, '')
          if (!COMMANDS.has(program)) {
            const message = `process "${argv.join(' ')}" did not complete successfully: exit code: 127`
            progress += `#${n + 1} [${step}/${total}] ${keyword} ${args}\n#${n + 1} ERROR: ${message}\n`
            fail(message, [`runc run failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH`])
          }
          const r = argv[0].endsWith('sh') && argv[1] === '-c' ? runShellLine(process, argv.slice(2).join(' ')) : runCommand(process, [program, ...argv.slice(1)])
          const output = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '')
          if (r.exitCode !== 0) {
            const message = `process "${argv.join(' ')}" did not complete successfully: exit code: ${r.exitCode}`
            const timed = output.map((l, i) => `${(0.15 + i * 0.001).toFixed(3)} ${l}`)
            progress += `#${n + 1} [${step}/${total}] ${keyword} ${args}\n${timed.map((l) => `#${n + 1} ${l}\n`).join('')}#${n + 1} ERROR: ${message}\n`
            fail(message, timed)
          }
          return output
        })
        break
      }
      case 'COPY':
      case 'ADD': {
        const list = words(args).filter((w) => !w.startsWith('--'))
        if (list.length < 2) fail(`${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`)
        const sources = list.slice(0, -1)
        const dest = list[list.length - 1]
        const plan = copyPlan(contextFiles, sources, normalise(dest, config.workingDir || '/'), dest.endsWith('/') || sources.length > 1)
        if (typeof plan === 'string') {
          const message = `failed to compute cache key: failed to calculate checksum of ref ${cacheKey.slice(7, 32)}::${cacheKey.slice(32, 57)}: "/${plan}": not found`
          progress += `#${n + 1} [${step + 1}/${total}] ${keyword} ${args}\n#${n + 1} ERROR: ${message}\n`
          step++
          fail(message)
        }
        const resolved = plan as [string, string][]
        const read = (rel: string) => host.read(context ? `${context}/${rel}` : rel) ?? ''
        const inputs = resolved.map(([from, to]) => `${to}\u0000${digestOf(read(from))}`).join('\n')
        layerStep(instruction, `${keyword} ${args} # buildkit`, inputs, (fs) => {
          for (const [from, to] of resolved) {
            fs.mkdir(parentOf(to), true)
            fs.write(to, read(from))
          }
        })
        break
      }
      case 'WORKDIR': {
        const dir = normalise(args, config.workingDir || '/')
        config.workingDir = dir
        layerStep(instruction, `WORKDIR ${dir}`, '', (fs) => void fs.mkdir(dir, true))
        break
      }
      case 'ENV': {
        for (const [k, v] of envPairs(args)) config.env = [...config.env.filter((e) => !e.startsWith(`${k}=`)), `${k}=${v}`]
        emptyLayer(`ENV ${envPairs(args).map(([k, v]) => `${k}=${v}`).join(' ')}`)
        break
      }
      case 'EXPOSE': {
        const ports = args.split(/\s+/).map((p) => (p.includes('/') ? p : `${p}/tcp`))
        config.exposedPorts = [...new Set([...config.exposedPorts, ...ports])]
        emptyLayer(`EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`)
        break
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = instruction.exec ?? ['/bin/sh', '-c', args]
        if (keyword === 'CMD') config.cmd = argv
        else {
          config.entrypoint = argv
          // Docker resets CMD when ENTRYPOINT is set in the same stage (Dockerfile reference, ENTRYPOINT).
          config.cmd = []
        }
        emptyLayer(`${keyword} ${JSON.stringify(argv).replace(/","/g, '" "').replace(/^\["/, '["')}`)
        break
      }
      case 'USER':
        config.user = args
        emptyLayer(`USER ${args}`)
        break
      case 'LABEL':
        emptyLayer(`LABEL ${args}`)
        break
    }
  }
  // A server image keeps serving only while its command is the base image's own.
  if (JSON.stringify([config.entrypoint ?? null, config.cmd]) !== baseCommand) delete config.server
  const imageConfig = JSON.stringify({ config, rootfs: layerIds, history })
  const id = digestOf(imageConfig)
  const tags = input.tags.map((t) => (({ repository, tag }) => `${familiarName(repository)}:${tag}`)(parseReference(t)))
  for (const other of Object.values(docker.images)) if (other.id !== id && other.repoTags.some((t) => tags.includes(t))) other.repoTags = other.repoTags.filter((t) => !tags.includes(t))
  const existing = docker.images[id]
  docker.images[id] = { id, repoTags: [...new Set([...(existing?.repoTags ?? []), ...tags])], repoDigests: existing?.repoDigests ?? [], layerIds, created: now, config, history }
  const naming = tags.map((t) => `naming to ${t.split('/')[0].includes('.') ? t : t.includes('/') ? `docker.io/${t}` : `docker.io/library/${t}`} done`)
  vertex('exporting to image', ['exporting layers 0.1s done', `writing image ${id} done`, ...naming], 'DONE 0.1s')
  return { id, tags, progress }
}

function envOf(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = { HOME: '/root' }
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return env
}

/**
 * Which context files a COPY takes and where each lands: a file goes to the destination (or into it when it is a
 * folder: a trailing `/` or several sources); a folder's contents go below the destination; `*` matches within a name.
 * A source that matches nothing is returned as a string (BuildKit's "not found").
 */
function copyPlan(files: string[], sources: string[], dest: string, intoFolder: boolean): [string, string][] | string {
  const plan: [string, string][] = []
  for (const source of sources) {
    const rel = normalise(source, '/').slice(1)
    const pattern = rel.includes('*') ? new RegExp(`^${rel.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`) : undefined
    const matched = files.filter((f) => (pattern ? pattern.test(f) : f === rel))
    const inside = rel === '' ? files : files.filter((f) => f.startsWith(`${rel}/`))
    if (matched.length) for (const f of matched) plan.push([f, intoFolder || matched.length > 1 || pattern ? `${dest === '/' ? '' : dest}/${f.slice(f.lastIndexOf('/') + 1)}` : dest])
    else if (inside.length) for (const f of inside) plan.push([f, `${dest === '/' ? '' : dest}/${rel === '' ? f : f.slice(rel.length + 1)}`])
    else return rel
  }
  return plan
}
