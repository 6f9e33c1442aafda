/**
 * Docker's output helpers: the table writer (Go `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`: each column as wide as
 * its widest cell plus 3, at least 10; the last column unpadded), go-units' human sizes and durations, and JSON with
 * the 4-space indent of `docker inspect` (aws-fidelity.md §7; docker/cli cli/command/formatter).
 */
export function table(rows: string[][]): string {
  if (rows.length === 0) return ''
  const widths = rows[0].map((_, col) => Math.max(10, ...rows.map((r) => [...(r[col] ?? '')].length + 3)))
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell + ' '.repeat(widths[col] - [...cell].length))).join('') + '\n').join('')
}

/** go-units HumanSizeWithPrecision(size, 3): decimal units, `%.3g` (`0B`, `615B`, `4.26MB`, `187MB`). */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let size = bytes
  let i = 0
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000
    i++
  }
  return `${Number(size.toPrecision(3))}${units[i]}`
}

/** go-units HumanDuration: `Less than a second`, `5 seconds`, `About a minute`, `3 minutes`, `About an hour`, `2 days`… */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  const minutes = Math.floor(ms / 60_000)
  const hours = Math.round(ms / 3_600_000)
  if (seconds < 1) return 'Less than a second'
  if (seconds === 1) return '1 second'
  if (seconds < 60) return `${seconds} seconds`
  if (minutes === 1) return 'About a minute'
  if (minutes < 60) return `${minutes} minutes`
  if (hours === 1) return 'About an hour'
  if (hours < 48) return `${hours} hours`
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`
  return `${Math.floor(hours / 24 / 365)} years`
}

/** docker/cli formatter.Ellipsis: cut to `max` display characters, the last being `…`. */
export function ellipsis(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

export const inspectJson = (value: unknown): string => `${JSON.stringify(value, null, 4)}\n`

/**
 * A Go template over an object, enough for `--format`: `{{.Field}}`, `{{.A.B}}`, `{{json .X}}`, `{{.}}`, with `\t`
 * and `\n` escapes as the CLI turns them. Unknown fields print `<no value>`, as Go's templates do.
 */
export function goTemplate(template: string, value: unknown): string {
  return template.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\{\{\s*(json\s+)?\.([\w.]*)\s*\}\}/g, (_, json: string | undefined, path: string) => {
    let v: unknown = value
    for (const key of path.split('.').filter(Boolean)) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined
    if (json) return JSON.stringify(v ?? null)
    if (v === undefined) return '<no value>'
    if (v === null) return '<nil>'
    if (Array.isArray(v)) return `[${v.join(' ')}]`
    if (typeof v === 'object') return `map[${Object.entries(v as object).map(([k, x]) => `${k}:${typeof x === 'object' ? JSON.stringify(x) : String(x)}`).join(' ')}]`
    return String(v)
  })
}
