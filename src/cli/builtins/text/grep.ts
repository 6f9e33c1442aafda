import type { Builtin } from '../types.ts'
import { getopt, has, usageError, type ParsedOptions } from './getopt.ts'
import { readInputs, splitLines } from './inputs.ts'
import { RegexError, toJsSource, type Syntax } from './regex.ts'

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...'

const LONG = {
  'ignore-case': { key: 'i' }, 'invert-match': { key: 'v' }, count: { key: 'c' }, 'line-number': { key: 'n' },
  'extended-regexp': { key: 'E' }, 'fixed-strings': { key: 'F' }, 'basic-regexp': { key: 'G' }, 'only-matching': { key: 'o' },
  'word-regexp': { key: 'w' }, 'line-regexp': { key: 'x' }, quiet: { key: 'q' }, silent: { key: 'q' },
  'files-with-matches': { key: 'l' }, 'files-without-match': { key: 'L' }, 'with-filename': { key: 'H' }, 'no-filename': { key: 'h' },
  'no-messages': { key: 's' }, regexp: { key: 'e', arg: true }, 'after-context': { key: 'A', arg: true },
  'before-context': { key: 'B', arg: true }, context: { key: 'C', arg: true }, 'max-count': { key: 'm', arg: true },
  color: { key: 'color' }, colour: { key: 'color' },
}

/**
 * `grep [-ivcnEFowxqlLHhs] [-e PATTERN] [-m N] [-A N] [-B N] [-C N] PATTERNS [FILE...]`, GNU grep 3: reads
 * standard input without files; each newline in PATTERNS is one more pattern. Exit 0 when a line was
 * selected, 1 when none, 2 on an error (a missing file or a bad pattern) unless -q already found one.
 * Colour is off: the console is not a terminal grep could colour for.
 * https://www.gnu.org/software/grep/manual/grep.html#Exit-Status
 */
export const grep: Builtin = {
  summary: 'print lines that match a pattern (aws ecs help | grep -i service)',
  run(args, io) {
    const parsed = getopt(args, { flags: 'ivcnEFGowxqlLHhs', withArg: 'eABCm', long: LONG })
    if ('error' in parsed) {
      io.stderr(usageError('grep', parsed.error, USAGE))
      return 2
    }
    const explicit = parsed.options.filter((o) => o.key === 'e').map((o) => o.value ?? '')
    const operands = [...parsed.operands]
    if (!explicit.length && !operands.length) {
      io.stderr(`${USAGE}\nTry 'grep --help' for more information.\n`)
      return 2
    }
    const patterns = (explicit.length ? explicit : [operands.shift() ?? '']).flatMap((p) => p.split('\n'))
    let matcher: RegExp
    try {
      matcher = compile(patterns, parsed)
    } catch (error) {
      if (!(error instanceof RegexError)) throw error
      io.stderr(`grep: ${error.message}\n`)
      return 2
    }
    const contextNumber = (key: string): number | undefined => {
      const v = [...parsed.options].reverse().find((o) => o.key === key || o.key === 'C')?.value
      return v === undefined ? undefined : Number(v)
    }
    for (const key of ['A', 'B', 'C', 'm']) {
      const value = [...parsed.options].reverse().find((o) => o.key === key)?.value
      if (value !== undefined && !/^\d+$/.test(value)) {
        io.stderr(key === 'm' ? `grep: invalid max count\n` : `grep: ${value}: invalid context length argument\n`)
        return 2
      }
    }
    const options = {
      invert: has(parsed, 'v'), count: has(parsed, 'c'), numbers: has(parsed, 'n'), only: has(parsed, 'o'),
      quiet: has(parsed, 'q'), listMatching: has(parsed, 'l'), listMissing: has(parsed, 'L'),
      after: contextNumber('A') ?? 0, before: contextNumber('B') ?? 0,
      max: parsed.options.some((o) => o.key === 'm') ? Number([...parsed.options].reverse().find((o) => o.key === 'm')?.value) : Infinity,
    }
    const inputs = readInputs(operands, io)
    const prefixNames = has(parsed, 'H') || (operands.length > 1 && !has(parsed, 'h'))
    let selectedAny = false
    let failed = false
    for (const input of inputs) {
      const label = input.name === '-' ? '(standard input)' : input.name
      if ('error' in input) {
        if (!has(parsed, 's')) io.stderr(`grep: ${input.name}: ${input.error}\n`)
        failed = true
        continue
      }
      const { selected, out } = searchText(input.text, matcher, options, prefixNames ? label : undefined)
      if (selected) selectedAny = true
      if (options.quiet && selectedAny) return 0
      if (options.listMatching) {
        if (selected) io.stdout(`${label}\n`)
      } else if (options.listMissing) {
        if (!selected) io.stdout(`${label}\n`)
      } else if (options.count) io.stdout(`${prefixNames ? `${label}:` : ''}${selected}\n`)
      else io.stdout(out)
    }
    if (failed && !(options.quiet && selectedAny)) return 2
    return selectedAny ? 0 : 1
  },
}

function compile(patterns: string[], parsed: ParsedOptions): RegExp {
  let syntax: Syntax = 'basic'
  for (const o of parsed.options) {
    if (o.key === 'E') syntax = 'extended'
    else if (o.key === 'F') syntax = 'fixed'
    else if (o.key === 'G') syntax = 'basic'
  }
  const sources = patterns.map((p) => {
    const source = toJsSource(p, syntax)
    if (has(parsed, 'x')) return `^(?:${source})$`
    if (has(parsed, 'w')) return `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`
    return source
  })
  try {
    return new RegExp(sources.map((s) => `(?:${s})`).join('|'), has(parsed, 'i') ? 'gi' : 'g')
  } catch {
    throw new RegexError('Invalid regular expression')
  }
}

interface SearchOptions {
  invert: boolean
  count: boolean
  numbers: boolean
  only: boolean
  quiet: boolean
  listMatching: boolean
  listMissing: boolean
  after: number
  before: number
  max: number
}

/** One input's selected lines (with context lines and `--` between groups, as GNU grep prints them). */
function searchText(text: string, matcher: RegExp, o: SearchOptions, label: string | undefined): { selected: number; out: string } {
  const lines = splitLines(text)
  let selected = 0
  let out = ''
  let lastPrinted = -1
  let afterLeft = 0
  const prefix = (n: number, sep: string): string => `${label !== undefined ? `${label}${sep}` : ''}${o.numbers ? `${n + 1}${sep}` : ''}`
  const context = o.after > 0 || o.before > 0
  const printContext = (n: number): void => {
    if (context && lastPrinted >= 0 && n > lastPrinted + 1) out += '--\n'
    out += `${prefix(n, '-')}${lines[n]}\n`
    lastPrinted = n
  }
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? ''
    matcher.lastIndex = 0
    const matches = matcher.test(line) !== o.invert
    if (!matches || selected >= o.max) {
      if (afterLeft > 0 && selected <= o.max) {
        printContext(n)
        afterLeft--
      }
      if (selected >= o.max && afterLeft === 0) break
      continue
    }
    selected++
    for (let b = Math.max(lastPrinted + 1, n - o.before); b < n; b++) printContext(b)
    if (context && lastPrinted >= 0 && n > lastPrinted + 1) out += '--\n'
    if (o.only && !o.invert) {
      matcher.lastIndex = 0
      for (const m of line.matchAll(matcher)) if (m[0]) out += `${prefix(n, ':')}${m[0]}\n`
    } else if (!o.only) out += `${prefix(n, ':')}${line}\n`
    lastPrinted = n
    afterLeft = o.after
  }
  return { selected, out }
}
