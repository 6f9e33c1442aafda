import type { Series } from './TimeSeriesChart.tsx'

/** One row of get-query-results: its fields in order, every value a string. */
export type ResultRow = readonly { field: string; value: string }[]

/** The columns a results table shows: every field in the order first seen, `@ptr` left out as the console does. */
export function resultColumns(rows: readonly ResultRow[]): string[] {
  const seen = new Set<string>()
  for (const row of rows) for (const { field } of row) if (field !== '@ptr') seen.add(field)
  return [...seen]
}

/** `2026-12-03 14:30:00.000` (results' time format, UTC) as epoch ms; undefined when it is not one. */
export function resultTime(value: string): number | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})$/.exec(value)
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]) : undefined
}

/** The `bin(…)` column of a stats query's results, by its field name (`bin(30m)`, or the name given with `as`). */
export function binColumn(queryString: string, columns: readonly string[]): string | undefined {
  const by = /\bby\b[\s\S]*?\bbin\s*\(([^)]*)\)(\s+as\s+([\w@.]+))?/i.exec(queryString)
  if (!by) return undefined
  if (by[3] && columns.includes(by[3])) return by[3]
  return columns.find((c) => /^bin\s*\(/i.test(c))
}

/**
 * A stats-by-bin() answer as chart lines: one line per numeric column over the bins (grouped by another field too,
 * one line per group and column). Undefined when the query has no bin() or no numbers to draw.
 */
export function binSeries(queryString: string, rows: readonly ResultRow[]): Series[] | undefined {
  const columns = resultColumns(rows)
  const bin = binColumn(queryString, columns)
  if (!bin) return undefined
  const lines = new Map<string, [number, number][]>()
  for (const row of rows) {
    const values = new Map(row.map((c) => [c.field, c.value]))
    const at = resultTime(values.get(bin) ?? '')
    if (at === undefined) continue
    const numeric = row.filter((c) => c.field !== bin && c.field !== '@ptr' && c.value !== '' && Number.isFinite(Number(c.value)))
    const group = row.filter((c) => c.field !== bin && c.field !== '@ptr' && !numeric.includes(c)).map((c) => c.value).join(' ')
    for (const c of numeric) {
      const name = group ? `${c.field} ${group}` : c.field
      lines.set(name, [...(lines.get(name) ?? []), [at, Number(c.value)]])
    }
  }
  if (lines.size === 0) return undefined
  return [...lines].map(([name, points]) => ({ name, points: points.sort((a, b) => a[0] - b[0]) }))
}
