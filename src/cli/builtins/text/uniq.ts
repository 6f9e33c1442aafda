import { resolvePath } from '../../shell/paths.ts'
import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'
import { readInputs, splitLines } from './inputs.ts'

/**
 * `uniq [-cdui] [INPUT [OUTPUT]]`, GNU coreutils: collapses runs of equal adjacent lines (so it usually
 * follows `sort`). `-c` prefixes the run length as `%7d `, `-d` prints only repeated lines, `-u` only unique.
 * https://www.gnu.org/software/coreutils/manual/html_node/uniq-invocation.html
 */
export const uniq: Builtin = {
  summary: 'collapse repeated adjacent lines (sort | uniq -c counts them)',
  run(args, io) {
    const parsed = getopt(args, {
      flags: 'cdui',
      long: { count: { key: 'c' }, repeated: { key: 'd' }, unique: { key: 'u' }, 'ignore-case': { key: 'i' } },
    })
    if ('error' in parsed) {
      io.stderr(usageError('uniq', parsed.error))
      return 1
    }
    const [inputName, outputName, extra] = parsed.operands
    if (extra !== undefined) {
      io.stderr(usageError('uniq', `extra operand '${extra}'`))
      return 1
    }
    const [input] = readInputs(inputName === undefined ? [] : [inputName], io)
    if (!input) return 0
    if ('error' in input) {
      io.stderr(`uniq: ${input.name}: ${input.error}\n`)
      return 1
    }
    const same = (a: string, b: string): boolean => (has(parsed, 'i') ? a.toLowerCase() === b.toLowerCase() : a === b)
    const runs: { line: string; count: number }[] = []
    for (const line of splitLines(input.text)) {
      const run = runs[runs.length - 1]
      if (run && same(run.line, line)) run.count++
      else runs.push({ line, count: 1 })
    }
    const out = runs
      .filter((r) => (!has(parsed, 'd') || r.count > 1) && (!has(parsed, 'u') || r.count === 1))
      .map((r) => `${has(parsed, 'c') ? `${String(r.count).padStart(7)} ` : ''}${r.line}\n`)
      .join('')
    if (outputName === undefined || outputName === '-') io.stdout(out)
    else {
      const path = resolvePath(outputName)
      if (path === undefined) {
        io.stderr(`uniq: ${outputName}: Permission denied\n`)
        return 1
      }
      io.files.write(path, out)
    }
    return 0
  },
}
