import { explainError } from '../../course/explain/index.ts'
import type { ConsoleEntry } from '../state/types.ts'

export type RowStream = 'input' | 'stdout' | 'stderr' | 'note' | 'hint' | 'clock'

/** One rendered line of the transcript (the log is virtualised by line, so huge outputs stay smooth). */
export interface LogRow {
  key: string
  stream: RowStream
  text: string
  /** On the last row of an entry that exited non-zero. */
  exitCode?: number
  interrupted?: boolean
  pending?: boolean
  /** On a hint row: the diagram nodes the explanation is about. */
  highlight?: string[]
}

// Colour and cursor sequences the shell may print; the log shows plain text (clear is handled by the store).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

const lines = (text: string): string[] => (text === '' ? [] : text.replace(ANSI, '').replace(/\n$/, '').split('\n'))

/** `2 min 10 s`, `45 s`, `1 h 5 min`: whole seconds, the two largest units. */
export function duration(ms: number): string {
  const total = Math.round(ms / 1000)
  const [h, m, sec] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60]
  if (h) return m ? `${h} h ${m} min` : `${h} h`
  if (m) return sec ? `${m} min ${sec} s` : `${m} min`
  return `${Math.max(sec, ms > 0 ? 1 : 0)} s`
}

const cache = new WeakMap<ConsoleEntry, LogRow[]>()

export function rowsOf(entry: ConsoleEntry): LogRow[] {
  const cached = cache.get(entry)
  if (cached) return cached
  const rows: LogRow[] = []
  const push = (stream: RowStream, text: string) => rows.push({ key: `${entry.id}:${rows.length}`, stream, text })
  if (entry.input !== undefined) {
    entry.input.split('\n').forEach((line, i) => push('input', `${i === 0 ? '$ ' : '> '}${line}`))
    const last = rows[rows.length - 1]
    if (entry.interrupted) last.interrupted = true
    if (entry.pending) last.pending = true
  }
  for (const line of lines(entry.stdout)) push(entry.note ? 'note' : 'stdout', line)
  for (const line of lines(entry.stderr)) push('stderr', line)
  if (entry.exitCode !== 0) {
    if (rows.length === 0) push('stdout', '')
    rows[rows.length - 1].exitCode = entry.exitCode
    // "Explain this error": one line under the output, never part of it (the course's catalogue decides).
    const explanation = entry.input !== undefined && !entry.interrupted && !entry.note ? explainError(entry, entry.input) : undefined
    if (explanation) rows.push({ key: `${entry.id}:hint`, stream: 'hint', text: explanation.text, highlight: explanation.highlight })
  }
  if (entry.clockAdvancedMs) push('clock', `(the simulated clock moved ${duration(entry.clockAdvancedMs)} while this ran)`)
  cache.set(entry, rows)
  return rows
}

export const rowsOfLog = (log: readonly ConsoleEntry[]): LogRow[] => log.flatMap(rowsOf)
