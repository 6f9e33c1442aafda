import type { Change, Container } from '../../sim/docker/index.ts'
import { isDockerError } from '../../sim/docker/index.ts'
import { errorText, type DockerCommand } from './backend.ts'
import { parseFlags } from './flags.ts'
import { ellipsis, goTemplate, humanDuration, inspectJson, table } from './format.ts'

/** The fields `docker ps --format` knows (docker/cli formatter/container.go), as text. */
function psFields(c: Container, now: number) {
  const command = [c.path, ...c.args].map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ')
  const status =
    c.status === 'running'
      ? `Up ${humanDuration(now - (c.startedAt ?? now))}`
      : c.status === 'created'
        ? 'Created'
        : `Exited (${c.exitCode}) ${humanDuration(now - (c.finishedAt ?? now))} ago`
  const ports = c.status === 'running' ? c.ports.map((p) => `0.0.0.0:${p.hostPort}->${p.containerPort}/${p.protocol}`).join(', ') : ''
  return {
    ID: c.id.slice(0, 12),
    Image: c.imageRef,
    Command: `"${ellipsis(command, 20)}"`,
    CreatedAt: new Date(c.created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC'),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Ports: ports,
    State: c.status,
    Status: status,
    Names: c.name,
    Mounts: c.mounts.map((m) => (m.type === 'volume' ? m.source : m.source)).join(','),
    Networks: c.networkMode,
  }
}

const HEADERS: Record<string, string> = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Names: 'NAMES', Mounts: 'MOUNTS', Networks: 'NETWORKS' }

export function ps({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { all: { short: 'a', bool: true }, quiet: { short: 'q', bool: true }, format: {}, 'no-trunc': { bool: true } }, true)
  const now = backend.now()
  const list = (backend.docker('ContainerList', {}) as Container[]).filter((c) => f.bools.has('all') || c.status === 'running').sort((a, b) => b.created - a.created)
  if (f.bools.has('quiet')) {
    io.stdout(list.map((c) => `${c.id.slice(0, 12)}\n`).join(''))
    return 0
  }
  const format = f.values.format?.at(-1)
  if (format !== undefined && !format.startsWith('table')) {
    io.stdout(list.map((c) => `${goTemplate(format, psFields(c, now))}\n`).join(''))
    return 0
  }
  const fields = format ? [...format.matchAll(/\{\{\s*\.(\w+)\s*\}\}/g)].map((m) => m[1]) : ['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names']
  const rows = [fields.map((k) => HEADERS[k] ?? k.toUpperCase())]
  for (const c of list) {
    const values = psFields(c, now) as Record<string, string>
    rows.push(fields.map((k) => values[k] ?? '<no value>'))
  }
  io.stdout(table(rows))
  return 0
}

/** Commands over one or more containers that echo each reference on success (`stop`, `start`, `restart`, `rm`). */
export function eachContainer({ backend, io }: DockerCommand, operation: string, args: string[], extra: Record<string, boolean> = {}): number {
  const refs = args.filter((a) => !a.startsWith('-'))
  if (refs.length === 0) {
    const name = { ContainerStop: 'stop', ContainerStart: 'start', ContainerRestart: 'restart', ContainerDelete: 'rm' }[operation] ?? operation
    io.stderr(`"docker ${name}" requires at least 1 argument.\nSee 'docker ${name} --help'.\n`)
    return 1
  }
  let code = 0
  for (const ref of refs) {
    try {
      backend.docker(operation, { ref, ...extra })
      io.stdout(`${ref}\n`)
    } catch (e) {
      if (!isDockerError(e)) throw e
      io.stderr(`${errorText(e)}\n`)
      code = 1
    }
  }
  return code
}

export function exec({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { interactive: { short: 'i', bool: true }, tty: { short: 't', bool: true }, detach: { short: 'd', bool: true }, user: { short: 'u' }, workdir: { short: 'w' }, env: { short: 'e', many: true } }, false)
  const [ref, ...cmd] = f.positional
  if (!ref || cmd.length === 0) {
    io.stderr(`"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`)
    return 1
  }
  const interactive = f.bools.has('interactive')
  // docker/cli cli/streams/in.go CheckTty: a TTY needs a terminal on stdin, not a pipe.
  if (interactive && f.bools.has('tty') && io.stdin !== undefined) {
    io.stderr('cannot attach stdin to a TTY-enabled container because stdin is not a terminal\n')
    return 1
  }
  const shellAlone = cmd.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(ba)?sh$/.test(cmd[0])
  try {
    const r = backend.docker('ContainerExec', {
      ref,
      cmd: shellAlone ? ['sh'] : cmd,
      ...(interactive && io.stdin !== undefined ? { stdin: io.stdin } : {}),
      ...(f.values.user ? { user: f.values.user.at(-1) } : {}),
      ...(f.values.workdir ? { workingDir: f.values.workdir.at(-1) } : {}),
      env: f.values.env ?? [],
    }) as { stdout: string; stderr: string; exitCode: number }
    io.stdout(r.stdout)
    io.stderr(r.stderr)
    // An interactive shell would wait for typing; the console runs one command line at a time, so say how to go on.
    if (shellAlone && interactive && io.stdin === undefined)
      io.stderr(`(This console cannot hold an interactive shell: the shell read end of input and exited. Run each command with: docker exec ${ref} sh -c '<command>')\n`)
    return r.exitCode
  } catch (e) {
    if (!isDockerError(e)) throw e
    io.stderr(`${errorText(e)}\n`)
    return e.status === 126 ? 126 : 1
  }
}

export function logs({ backend, io }: DockerCommand, args: string[]): number {
  const ref = args.find((a) => !a.startsWith('-'))
  if (!ref) {
    io.stderr(`"docker logs" requires exactly 1 argument.\nSee 'docker logs --help'.\n`)
    return 1
  }
  io.stdout(backend.docker('ContainerLogs', { ref }) as string)
  return 0
}

const SYMBOL = ['C', 'A', 'D'] as const

export function diff({ backend, io }: DockerCommand, args: string[]): number {
  const ref = args[0]
  if (!ref) {
    io.stderr(`"docker diff" requires exactly 1 argument.\nSee 'docker diff --help'.\n`)
    return 1
  }
  const changes = backend.docker('ContainerChanges', { ref }) as Change[]
  io.stdout(changes.map((c) => `${SYMBOL[c.kind]} ${c.path}\n`).join(''))
  return 0
}

export function commit({ backend, io }: DockerCommand, args: string[]): number {
  const f = parseFlags(args, { message: { short: 'm' }, author: { short: 'a' }, pause: { short: 'p', bool: true } }, true)
  const [ref, repository] = f.positional
  if (!ref) {
    io.stderr(`"docker commit" requires at least 1 and at most 2 arguments.\nSee 'docker commit --help'.\n`)
    return 1
  }
  const image = backend.docker('ImageCommit', { ref, ...(repository ? { repository } : {}), ...(f.values.message ? { message: f.values.message.at(-1) } : {}) }) as { id: string }
  io.stdout(`${image.id}\n`)
  return 0
}

/** `docker inspect [-f FORMAT] NAME...`: containers first, then images, volumes and networks, as the CLI looks them up. */
export function inspect({ backend, io }: DockerCommand, args: string[], only?: 'container' | 'image' | 'volume' | 'network'): number {
  const f = parseFlags(args, { format: { short: 'f' }, type: {}, size: { short: 's', bool: true } }, true)
  const lookups: [string, string, string][] = [
    ['container', 'ContainerInspect', 'ref'],
    ['image', 'ImageInspect', 'ref'],
    ['volume', 'VolumeInspect', 'name'],
    ['network', 'NetworkInspect', 'ref'],
  ]
  const kinds = only ? lookups.filter(([k]) => k === only) : f.values.type ? lookups.filter(([k]) => k === f.values.type?.at(-1)) : lookups
  const found: unknown[] = []
  let code = 0
  for (const ref of f.positional) {
    let value: unknown
    for (const [, operation, key] of kinds) {
      try {
        value = backend.docker(operation, { [key]: ref })
        break
      } catch (e) {
        // Not found here: look further. No daemon at all (status 0) ends the command (index.ts prints it).
        if (!isDockerError(e) || e.status === 0) throw e
      }
    }
    if (value === undefined) {
      io.stderr(
        only === 'volume'
          ? `Error response from daemon: get ${ref}: no such volume\n`
          : only === 'container'
            ? `Error response from daemon: No such container: ${ref}\n`
            : only === 'image'
              ? `Error response from daemon: No such image: ${ref}\n`
              : `Error: No such object: ${ref}\n`,
      )
      code = 1
    } else found.push(value)
  }
  const format = f.values.format?.at(-1)
  if (format !== undefined) io.stdout(found.map((v) => `${goTemplate(format, v)}\n`).join(''))
  else io.stdout(inspectJson(found))
  return code
}
