import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'
import { joinLines, readInputs, splitLines } from './inputs.ts'

/** A `-k` key: fields `start` to `end` (1-based, inclusive; `end` undefined = to the end of the line). */
interface Key {
  start: number
  end?: number
  numeric: boolean
  reverse: boolean
  fold: boolean
}

/**
 * `sort [-nrufs] [-t SEP] [-k START[,END][nrf]]... [FILE...]`, GNU coreutils in the C locale (byte order,
 * which is what `LC_ALL=C sort` prints; CloudShell's own locale may order case differently). Without
 * `-t`, a field is its leading blanks plus the non-blanks after them. Lines whose keys tie are ordered
 * by the whole line (the last-resort comparison) unless `-s` or `-u`; `-u` keeps the first of equal keys.
 * https://www.gnu.org/software/coreutils/manual/html_node/sort-invocation.html
 */
export const sort: Builtin = {
  summary: 'sort lines (-n numbers, -r reverse, -u unique, -k 2 by field, -t , separator)',
  run(args, io) {
    const parsed = getopt(args, {
      flags: 'nrufsbd',
      withArg: 'ktoS',
      long: {
        'numeric-sort': { key: 'n' }, reverse: { key: 'r' }, unique: { key: 'u' }, 'ignore-case': { key: 'f' }, stable: { key: 's' },
        key: { key: 'k', arg: true }, 'field-separator': { key: 't', arg: true },
      },
    })
    if ('error' in parsed) {
      io.stderr(usageError('sort', parsed.error))
      return 2
    }
    const separator = [...parsed.options].reverse().find((o) => o.key === 't')?.value
    if (separator !== undefined && [...separator].length !== 1) {
      io.stderr(separator === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${separator}'\n`)
      return 2
    }
    const global = { numeric: has(parsed, 'n'), reverse: has(parsed, 'r'), fold: has(parsed, 'f') }
    const keys: Key[] = []
    for (const o of parsed.options.filter((x) => x.key === 'k')) {
      const key = parseKey(o.value ?? '', global)
      if (typeof key === 'string') {
        io.stderr(`sort: ${key}\n`)
        return 2
      }
      keys.push(key)
    }
    const lines: string[] = []
    for (const input of readInputs(parsed.operands, io)) {
      if ('error' in input) {
        io.stderr(`sort: cannot read: ${input.name}: ${input.error}\n`)
        return 2
      }
      lines.push(...splitLines(input.text))
    }
    const allKeys = keys.length ? keys : [{ start: 1, ...global }]
    const compareKeys = (a: string, b: string): number => {
      for (const key of allKeys) {
        const c = compareKey(field(a, key, separator), field(b, key, separator), key)
        if (c) return key.reverse ? -c : c
      }
      return 0
    }
    const lastResort = !has(parsed, 's') && !has(parsed, 'u')
    const sorted = lines
      .map((line, index) => ({ line, index }))
      .sort((x, y) => compareKeys(x.line, y.line) || (lastResort ? (global.reverse ? -1 : 1) * byBytes(x.line, y.line) : 0) || x.index - y.index)
      .map((x) => x.line)
    const out = has(parsed, 'u') ? sorted.filter((line, i) => i === 0 || compareKeys(sorted[i - 1] ?? '', line) !== 0) : sorted
    io.stdout(joinLines(out))
    return 0
  },
}

/** key = field [ "." char ] [ opts ] [ "," field [ "." char ] [ opts ] ]   ; opts = *( "n" | "r" | "f" | "b" ) */
function parseKey(spec: string, global: Omit<Key, 'start' | 'end'>): Key | string {
  const match = /^(\d+)(?:\.\d+)?([nrfb]*)(?:,(\d+)(?:\.\d+)?([nrfb]*))?$/.exec(spec)
  if (!match) return `invalid number at field start: invalid count at start of '${spec}'`
  if (Number(match[1]) === 0) return `field number is zero: invalid field specification '${spec}'`
  const opts = `${match[2] ?? ''}${match[4] ?? ''}`
  const own = /[nrf]/.test(opts)
  return {
    start: Number(match[1]),
    end: match[3] === undefined ? undefined : Number(match[3]),
    numeric: own ? opts.includes('n') : global.numeric,
    reverse: own ? opts.includes('r') : global.reverse,
    fold: own ? opts.includes('f') : global.fold,
  }
}

function field(line: string, key: Key, separator: string | undefined): string {
  const fields = separator === undefined ? line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? [] : line.split(separator)
  const picked = fields.slice(key.start - 1, key.end)
  return picked.join(separator ?? '')
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function compareKey(a: string, b: string, key: Key): number {
  if (key.numeric) return numberOf(a) - numberOf(b)
  return key.fold ? byBytes(a.toUpperCase(), b.toUpperCase()) : byBytes(a, b)
}

/** `-n`: leading blanks, an optional minus, digits with one decimal point; anything else counts as 0. */
function numberOf(text: string): number {
  const match = /^\s*(-?(?:\d+\.?\d*|\.\d+))/.exec(text)
  return match ? Number(match[1]) : 0
}
