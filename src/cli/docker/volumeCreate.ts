import type { Volume } from '../../sim/docker/index.ts'
import type { DockerCommand } from './backend.ts'
import { parseFlags } from './flags.ts'

/** `KEY=VALUE` pairs of a map flag: split at the first `=` (docker/cli opts.MapOpts), so `o=addr=10.0.1.5,rw` keeps its value whole. */
const toMap = (pairs: string[] | undefined): Record<string, string> =>
  Object.fromEntries(
    (pairs ?? []).map((kv) => {
      const eq = kv.indexOf('=')
      return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)]
    }),
  )

/**
 * `docker volume create [-d DRIVER] [-o KEY=VALUE]… [--label KEY=VALUE]… [NAME]` (docker/cli
 * cli/command/volume/create.go): the driver's options travel as given, and the daemon's driver judges them.
 */
export function createVolume(cmd: DockerCommand, args: string[]): number {
  const { backend, io } = cmd
  const f = parseFlags(args, { driver: { short: 'd' }, opt: { short: 'o', many: true }, label: { many: true }, name: {} }, true)
  const named = f.values.name?.at(-1)
  const positional = f.positional[0]
  if (f.positional.length > 1) {
    io.stderr(`"docker volume create" requires at most 1 argument.\nSee 'docker volume create --help'.\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nCreate a volume\n`)
    return 1
  }
  if (named !== undefined && positional !== undefined) {
    io.stderr('conflicting options: cannot specify a volume-name through both --name and as a positional arg\n')
    return 1
  }
  const name = positional ?? named
  const input = {
    ...(name ? { name } : {}),
    driver: f.values.driver?.at(-1) ?? 'local',
    options: toMap(f.values.opt),
    labels: toMap(f.values.label),
  }
  const v = backend.docker('VolumeCreate', input) as Volume
  io.stdout(`${v.name}\n`)
  return 0
}
