import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'
import { readInputs, splitLines } from './inputs.ts'

type Range = [from: number, to: number]

/**
 * `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE...]`, GNU coreutils. LIST is `N`, `N-M`, `N-`, `-M`,
 * comma separated; the selected pieces come out in the input's order. Fields are split on TAB unless
 * `-d` says otherwise; a line without the delimiter is printed whole unless `-s`.
 * https://www.gnu.org/software/coreutils/manual/html_node/cut-invocation.html
 */
export const cut: Builtin = {
  summary: 'print selected fields or characters of each line (cut -d / -f 2)',
  run(args, io) {
    const parsed = getopt(args, {
      flags: 's',
      withArg: 'fcbd',
      long: {
        fields: { key: 'f', arg: true }, characters: { key: 'c', arg: true }, bytes: { key: 'b', arg: true },
        delimiter: { key: 'd', arg: true }, 'only-delimited': { key: 's' }, 'output-delimiter': { key: 'o', arg: true },
      },
    })
    const fail = (message: string): number => {
      io.stderr(usageError('cut', message))
      return 1
    }
    if ('error' in parsed) return fail(parsed.error)
    const lists = parsed.options.filter((o) => 'fcb'.includes(o.key))
    if (!lists.length) return fail('you must specify a list of bytes, characters, or fields')
    if (new Set(lists.map((o) => o.key)).size > 1) return fail('only one type of list may be specified')
    const mode = lists[lists.length - 1]?.key ?? 'f'
    const delimiter = [...parsed.options].reverse().find((o) => o.key === 'd')?.value
    if (delimiter !== undefined && mode !== 'f') return fail('an input delimiter may be specified only when operating on fields')
    if (delimiter !== undefined && [...delimiter].length !== 1) return fail('the delimiter must be a single character')
    if (has(parsed, 's') && mode !== 'f') return fail('suppressing non-delimited lines makes sense\n\tonly when operating on fields')
    const ranges = parseList(lists[lists.length - 1]?.value ?? '', mode)
    if (typeof ranges === 'string') return fail(ranges)
    const selected = (n: number): boolean => ranges.some(([from, to]) => n >= from && n <= to)
    const tab = delimiter ?? '\t'
    const outputDelimiter = [...parsed.options].reverse().find((o) => o.key === 'o')?.value
    let status = 0
    for (const input of readInputs(parsed.operands, io)) {
      if ('error' in input) {
        io.stderr(`cut: ${input.name}: ${input.error}\n`)
        status = 1
        continue
      }
      for (const line of splitLines(input.text)) {
        if (mode !== 'f') {
          io.stdout(`${[...line].filter((_, i) => selected(i + 1)).join(outputDelimiter ?? '')}\n`)
          continue
        }
        if (!line.includes(tab)) {
          if (!has(parsed, 's')) io.stdout(`${line}\n`)
          continue
        }
        io.stdout(`${line.split(tab).filter((_, i) => selected(i + 1)).join(outputDelimiter ?? tab)}\n`)
      }
    }
    return status
  },
}

/** list = range *( "," range ) ; range = N | N "-" | "-" M | N "-" M */
function parseList(list: string, mode: string): Range[] | string {
  const ranges: Range[] = []
  for (const part of list.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part)
    if (!match || part === '' || part === '-') {
      return mode === 'f' ? `invalid field value '${part}'` : `invalid byte or character range`
    }
    const from = match[1] ? Number(match[1]) : 1
    const to = match[2] ? (match[3] ? Number(match[3]) : Infinity) : from
    if (from === 0 || to === 0) return mode === 'f' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1'
    if (to < from) return 'invalid decreasing range'
    ranges.push([from, to])
  }
  return ranges
}
