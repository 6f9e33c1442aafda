import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'
import { readInputs } from './inputs.ts'

/**
 * `wc [-lwcm] [FILE...]`, GNU coreutils: lines, words, bytes in that order (all three by default), a
 * `total` line for more than one file. Columns are as wide as the total size of the files needs; when
 * one input is a pipe the width is at least 7; a single count of a single input is not padded.
 * https://www.gnu.org/software/coreutils/manual/html_node/wc-invocation.html
 */
export const wc: Builtin = {
  summary: 'count lines, words and bytes (aws ecs list-clusters ... | wc -l)',
  run(args, io) {
    const parsed = getopt(args, {
      flags: 'lwcmL',
      long: { lines: { key: 'l' }, words: { key: 'w' }, bytes: { key: 'c' }, chars: { key: 'm' } },
    })
    if ('error' in parsed) {
      io.stderr(usageError('wc', parsed.error))
      return 1
    }
    const picked = ['l', 'w', 'm', 'c'].filter((k) => has(parsed, k))
    const keys = picked.length ? picked : ['l', 'w', 'c']
    const inputs = readInputs(parsed.operands, io)
    const rows: { counts: number[]; name: string }[] = []
    let status = 0
    const totals = keys.map(() => 0)
    let regularBytes = 0
    let anyPipe = false
    for (const input of inputs) {
      if ('error' in input) {
        io.stderr(`wc: ${input.name}: ${input.error}\n`)
        status = 1
        continue
      }
      const bytes = new TextEncoder().encode(input.text).length
      if (input.name === '-') anyPipe = true
      else regularBytes += bytes
      const all: Record<string, number> = {
        l: (input.text.match(/\n/g) ?? []).length,
        w: input.text.split(/\s+/).filter(Boolean).length,
        m: [...input.text].length,
        c: bytes,
      }
      const counts = keys.map((k) => all[k] ?? 0)
      counts.forEach((c, i) => (totals[i] = (totals[i] ?? 0) + c))
      rows.push({ counts, name: input.name === '-' && !parsed.operands.length ? '' : input.name })
    }
    if (inputs.length > 1) rows.push({ counts: totals, name: 'total' })
    const width = keys.length === 1 && inputs.length === 1 ? 1 : Math.max(anyPipe ? 7 : 1, String(regularBytes).length)
    for (const row of rows) io.stdout(`${row.counts.map((c) => String(c).padStart(width)).join(' ')}${row.name ? ` ${row.name}` : ''}\n`)
    return status
  },
}
