import type { Volume } from '../../sim/docker/index.ts'
import type { DockerCommand } from './backend.ts'
import { eachVolume } from './volumeRemove.ts'
import { createVolume } from './volumeCreate.ts'
import { inspect } from './containers.ts'
import { humanSize, table } from './format.ts'
import { unknown } from './unknown.ts'

/** `docker volume create|ls|inspect|rm|prune` (docker/cli docs/reference/commandline/volume_*.md). */
export function volume(cmd: DockerCommand, args: string[]): number {
  const { backend, io } = cmd
  const [sub, ...rest] = args
  switch (sub) {
    case 'create':
      return createVolume(cmd, rest)
    case 'ls':
    case 'list': {
      const list = (backend.docker('VolumeList', {}) as Volume[]).sort((a, b) => (a.name < b.name ? -1 : 1))
      if (rest.includes('-q') || rest.includes('--quiet')) io.stdout(list.map((v) => `${v.name}\n`).join(''))
      else io.stdout(table([['DRIVER', 'VOLUME NAME'], ...list.map((v) => [v.driver, v.name])]))
      return 0
    }
    case 'inspect':
      return inspect(cmd, rest, 'volume')
    case 'rm':
    case 'remove':
      return eachVolume(cmd, rest)
    case 'prune': {
      const force = rest.includes('-f') || rest.includes('--force')
      const all = rest.includes('-a') || rest.includes('--all')
      if (!force) {
        // Without a terminal to answer the question, the prompt reads end of input: nothing is removed.
        io.stdout(`WARNING! This will remove ${all ? 'all' : 'anonymous'} local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] `)
        return 0
      }
      const r = backend.docker('VolumePrune', { all }) as { deleted: string[]; reclaimed: number }
      io.stdout(`${r.deleted.length ? `Deleted Volumes:\n${r.deleted.map((n) => `${n}\n`).join('')}\n` : ''}Total reclaimed space: ${humanSize(r.reclaimed)}\n`)
      return 0
    }
    default:
      return unknown(cmd, `volume ${sub ?? ''}`)
  }
}

export function network(cmd: DockerCommand, args: string[]): number {
  const { backend, io } = cmd
  const [sub, ...rest] = args
  if (sub === 'ls' || sub === 'list') {
    const list = backend.docker('NetworkList', {}) as { Name: string; Id: string; Driver: string }[]
    io.stdout(table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...list.map((n) => [n.Id.slice(0, 12), n.Name, n.Driver, 'local'])]))
    return 0
  }
  if (sub === 'inspect') return inspect(cmd, rest, 'network')
  return unknown(cmd, `network ${sub ?? ''}`)
}

type Usage = { total: number; active: number; size: number; reclaimable: number }

/** `docker system df`: reclaimable space with its share of the total, as docker/cli formatter/disk_usage.go prints it. */
export function system(cmd: DockerCommand, args: string[]): number {
  const { backend, io } = cmd
  if (args[0] !== 'df') {
    return unknown(cmd, `system ${args[0] ?? ''}`)
  }
  const u = backend.docker('SystemDataUsage', {}) as { images: Usage; containers: Usage; volumes: Usage }
  const reclaim = (x: Usage) => (x.size > 0 ? `${humanSize(x.reclaimable)} (${Math.floor((x.reclaimable * 100) / x.size)}%)` : humanSize(x.reclaimable))
  io.stdout(
    table([
      ['TYPE', 'TOTAL', 'ACTIVE', 'SIZE', 'RECLAIMABLE'],
      ['Images', String(u.images.total), String(u.images.active), humanSize(u.images.size), reclaim(u.images)],
      ['Containers', String(u.containers.total), String(u.containers.active), humanSize(u.containers.size), reclaim(u.containers)],
      ['Local Volumes', String(u.volumes.total), String(u.volumes.active), humanSize(u.volumes.size), reclaim(u.volumes)],
      ['Build Cache', '0', '0', '0B', '0B'],
    ]),
  )
  return 0
}
