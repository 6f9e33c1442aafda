import type { DockerImage, HistoryRow, PullResult } from '../../sim/docker/index.ts'
import type { DockerCommand } from './backend.ts'
import { ellipsis, goTemplate, humanDuration, humanSize, table } from './format.ts'

/**
 * What `docker pull` prints without a terminal (each layer's status changes on its own line, then the digest and
 * the outcome; docker/cli jsonmessage with no TTY). `docker run` prints the same to stderr, without the final name.
 */
export function pullLines(p: PullResult, withName: boolean): string {
  let out = `${p.tag}: Pulling from ${p.repository.includes('/') ? p.repository : `library/${p.repository}`}\n`
  if (!p.upToDate) {
    for (const l of p.layers) out += l.existed ? `${l.id}: Already exists\n` : `${l.id}: Pulling fs layer\n`
    for (const l of p.layers) if (!l.existed) out += `${l.id}: Verifying Checksum\n${l.id}: Download complete\n`
    for (const l of p.layers) if (!l.existed) out += `${l.id}: Pull complete\n`
  }
  out += `Digest: ${p.digest}\n`
  out += p.upToDate ? `Status: Image is up to date for ${p.tagged}\n` : `Status: Downloaded newer image for ${p.tagged}\n`
  if (withName) out += `${p.canonical}\n`
  return out
}

export function pull({ backend, io }: DockerCommand, args: string[]): number {
  const ref = args.find((a) => !a.startsWith('-'))
  if (!ref) {
    io.stderr(`"docker pull" requires exactly 1 argument.\nSee 'docker pull --help'.\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nDownload an image from a registry\n`)
    return 1
  }
  const hasTag = ref.lastIndexOf(':') > ref.lastIndexOf('/')
  if (!hasTag) io.stdout('Using default tag: latest\n')
  const p = backend.docker('ImageCreate', { ref }) as PullResult
  io.stdout(pullLines(p, true))
  return 0
}

export function images({ backend, io }: DockerCommand, args: string[]): number {
  const list = (backend.docker('ImageList', {}) as (DockerImage & { size: number })[]).sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1))
  const now = backend.now()
  if (args.includes('-q') || args.includes('--quiet')) {
    io.stdout([...new Set(list.map((i) => i.id.slice(7, 19)))].map((id) => `${id}\n`).join(''))
    return 0
  }
  const format = args.includes('--format') ? args[args.indexOf('--format') + 1] : args.find((a) => a.startsWith('--format='))?.slice(9)
  const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']]
  let formatted = ''
  for (const image of list) {
    const tags = image.repoTags.length ? image.repoTags : ['<none>:<none>']
    for (const t of tags) {
      const colon = t.lastIndexOf(':')
      const row = [t.slice(0, colon), t.slice(colon + 1), image.id.slice(7, 19), `${humanDuration(now - image.created)} ago`, humanSize(image.size)]
      rows.push(row)
      // docker/cli formatter/image.go field names.
      if (format !== undefined) formatted += `${goTemplate(format, { Repository: row[0], Tag: row[1], ID: row[2], CreatedSince: row[3], Size: row[4], Digest: image.repoDigests[0]?.split('@')[1] ?? '<none>' })}\n`
    }
  }
  io.stdout(format !== undefined ? formatted : table(rows))
  return 0
}

export function history({ backend, io }: DockerCommand, args: string[]): number {
  const ref = args.find((a) => !a.startsWith('-'))
  const noTrunc = args.includes('--no-trunc')
  if (!ref) {
    io.stderr(`"docker history" requires exactly 1 argument.\nSee 'docker history --help'.\n`)
    return 1
  }
  const rows = backend.docker('ImageHistory', { ref }) as HistoryRow[]
  const now = backend.now()
  const cells = [['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT']]
  for (const r of rows)
    cells.push([r.id === '<missing>' ? r.id : noTrunc ? r.id : r.id.slice(7, 19), `${humanDuration(now - r.created)} ago`, noTrunc ? r.createdBy : ellipsis(r.createdBy, 45), humanSize(r.size), r.comment])
  io.stdout(table(cells))
  return 0
}
