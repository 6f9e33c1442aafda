import type { DockerCommand } from './backend.ts'
import { parseFlags } from './flags.ts'
import { goTemplate, inspectJson, table } from './format.ts'
import { unknown } from './unknown.ts'

type Listed = { name: string; description: string; host: string; current: boolean }

/** docker/cli cli/command/context/list.go and use.go: what DOCKER_HOST does to a context choice. */
const overrideWarning = (to?: string) =>
  to
    ? `Warning: DOCKER_HOST environment variable overrides the active context. To use "${to}", either set the global --context flag, or unset DOCKER_HOST environment variable.\n`
    : 'Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.\n'

/**
 * `docker context create|ls|use|inspect|rm` (docker/cli cli/command/context): named endpoints of the client, one of
 * them current. The store lives in the workstation's engine slice (src/sim/docker/contexts.ts).
 */
export function context(cmd: DockerCommand, args: string[]): number {
  const { backend, io } = cmd
  const [sub, ...rest] = args
  switch (sub) {
    case 'create': {
      const f = parseFlags(rest, { docker: {}, description: {} }, true)
      const name = f.positional[0]
      if (!name || f.positional.length > 1) {
        io.stderr(`"docker context create" requires exactly 1 argument.\nSee 'docker context create --help'.\n\nUsage:  docker context create [OPTIONS] CONTEXT\n\nCreate a context\n`)
        return 1
      }
      const spec = f.values.docker?.at(-1)
      if (spec === undefined) {
        io.stderr('docker endpoint configuration is required\n')
        return 1
      }
      // `--docker host=tcp://…,skip-tls-verify=…`: a CSV of key=value (cli/command/context/options.go).
      const config: Record<string, string> = {}
      for (const field of spec.split(',')) {
        if (field === '') continue
        const eq = field.indexOf('=')
        const key = eq < 0 ? field : field.slice(0, eq)
        if (!['from', 'host', 'description', 'ca', 'cert', 'key', 'skip-tls-verify'].includes(key)) {
          io.stderr(`unable to create docker endpoint config: docker: unrecognized config key: ${key}\n`)
          return 1
        }
        config[key] = eq < 0 ? '' : field.slice(eq + 1)
      }
      const host = config.host ?? ''
      // The client is built from the endpoint to validate it (moby client.ParseHostURL): `<proto>://<address>` only.
      if (!/^[^:]+:\/\/./.test(host)) {
        io.stderr(`unable to create docker endpoint config: unable to apply docker endpoint options: unable to parse docker host \`${host}\`\n`)
        return 1
      }
      backend.docker('ContextCreate', { name, host, description: f.values.description?.at(-1) ?? '' })
      io.stdout(`${name}\n`)
      io.stderr(`Successfully created context "${name}"\n`)
      return 0
    }
    case 'ls':
    case 'list': {
      const f = parseFlags(rest, { quiet: { short: 'q', bool: true }, format: {} }, true)
      const list = backend.docker('ContextList', {}) as Listed[]
      const format = f.values.format?.at(-1)
      if (f.bools.has('quiet')) io.stdout(list.map((c) => `${c.name}\n`).join(''))
      else if (format === 'json')
        // formatter.ClientContext's fields in their order (cli/command/context/testdata/list-json.golden).
        io.stdout(list.map((c) => `${JSON.stringify({ Current: c.current, Description: c.description, DockerEndpoint: c.host, Error: '', Name: c.name })}\n`).join(''))
      else if (format !== undefined && format !== 'table')
        io.stdout(list.map((c) => `${goTemplate(format, { Name: c.name, Description: c.description, DockerEndpoint: c.host, Current: String(c.current), Error: '' })}\n`).join(''))
      else io.stdout(table([['NAME', 'DESCRIPTION', 'DOCKER ENDPOINT', 'ERROR'], ...list.map((c) => [`${c.name}${c.current ? ' *' : ''}`, c.description, c.host, ''])]))
      if (io.env.DOCKER_HOST) io.stderr(overrideWarning())
      return 0
    }
    case 'use': {
      const name = rest[0]
      if (!name || rest.length > 1) {
        io.stderr(`"docker context use" requires exactly 1 argument.\nSee 'docker context use --help'.\n\nUsage:  docker context use CONTEXT\n\nSet the current docker context\n`)
        return 1
      }
      backend.docker('ContextUse', { name })
      io.stdout(`${name}\n`)
      io.stderr(`Current context is now "${name}"\n`)
      if (name !== 'default' && io.env.DOCKER_HOST) io.stderr(overrideWarning(name))
      return 0
    }
    case 'inspect': {
      const f = parseFlags(rest, { format: { short: 'f' } }, true)
      const names = f.positional.length ? f.positional : [(backend.docker('ContextCurrent', {}) as { name: string }).name]
      const found = names.map((name) => backend.docker('ContextInspect', { name }) as object)
      const format = f.values.format?.at(-1)
      io.stdout(format ? found.map((c) => `${goTemplate(format, c as Record<string, unknown>)}\n`).join('') : inspectJson(found))
      return 0
    }
    case 'rm':
    case 'remove': {
      const f = parseFlags(rest, { force: { short: 'f', bool: true } }, true)
      if (f.positional.length === 0) {
        io.stderr(`"docker context rm" requires at least 1 argument.\nSee 'docker context rm --help'.\n\nUsage:  docker context rm CONTEXT [CONTEXT...]\n\nRemove one or more contexts\n`)
        return 1
      }
      const errors: string[] = []
      for (const name of f.positional) {
        try {
          backend.docker('ContextRemove', { name, force: f.bools.has('force') })
          io.stdout(`${name}\n`)
        } catch (e) {
          if (!(e instanceof Error)) throw e
          errors.push(e.message)
        }
      }
      if (errors.length) io.stderr(errors.map((m) => `${m}\n`).join(''))
      return errors.length ? 1 : 0
    }
    case 'show':
      io.stdout(`${(backend.docker('ContextCurrent', {}) as { name: string }).name}\n`)
      return 0
    default:
      return unknown(cmd, `context ${sub ?? ''}`)
  }
}

