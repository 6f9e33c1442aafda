/**
 * GNU getopt_long as coreutils and grep use it, enough for the text tools: short flags cluster (`-nv`),
 * a short option's argument follows at once or as the next word (`-n5`, `-n 5`), long options may be
 * abbreviated and take `=value` (`--lines=5`), options and operands mix in any order, `--` ends options.
 * Errors are glibc's words: `invalid option -- 'z'`, `option requires an argument -- 'n'`,
 * `unrecognized option '--foo'`.
 */
export interface OptionSpec {
  /** Short options without an argument, e.g. `'ivcn'`. */
  flags: string
  /** Short options that take an argument, e.g. `'nck'`. */
  withArg?: string
  /** Long names to their short letter (or a made-up key for long-only options), and whether they take an argument. */
  long?: Record<string, { key: string; arg?: boolean }>
  /** GNU head/tail accept `-5` for `-n 5`: digits right after the dash become this option's value. */
  digitsAs?: string
}

export interface ParsedOptions {
  /** Options in the order given: later ones win where it matters (`-E -F`). */
  options: { key: string; value?: string }[]
  operands: string[]
}

export type GetoptResult = ParsedOptions | { error: string }

export function getopt(args: readonly string[], spec: OptionSpec): GetoptResult {
  const options: ParsedOptions['options'] = []
  const operands: string[] = []
  const withArg = spec.withArg ?? ''
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const [name = '', value] = splitOnce(arg.slice(2), '=')
      const names = Object.keys(spec.long ?? {})
      const exact = names.includes(name) ? [name] : names.filter((n) => n.startsWith(name))
      if (exact.length !== 1) return { error: exact.length ? `option '--${name}' is ambiguous` : `unrecognized option '${arg}'` }
      const match = exact[0] ?? ''
      const { key, arg: takes } = spec.long?.[match] ?? { key: '' }
      if (takes) {
        if (value !== undefined) options.push({ key, value })
        else if (i + 1 < args.length) options.push({ key, value: args[++i] })
        else return { error: `option '--${match}' requires an argument` }
      } else if (value !== undefined) return { error: `option '--${match}' doesn't allow an argument` }
      else options.push({ key })
      continue
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg)
      continue
    }
    if (spec.digitsAs && /^-\d+$/.test(arg)) {
      options.push({ key: spec.digitsAs, value: arg.slice(1) })
      continue
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j] ?? ''
      if (withArg.includes(letter)) {
        const rest = arg.slice(j + 1)
        if (rest) options.push({ key: letter, value: rest })
        else if (i + 1 < args.length) options.push({ key: letter, value: args[++i] })
        else return { error: `option requires an argument -- '${letter}'` }
        break
      }
      if (!spec.flags.includes(letter)) return { error: `invalid option -- '${letter}'` }
      options.push({ key: letter })
    }
  }
  return { options, operands }
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const at = text.indexOf(sep)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

export const has = (parsed: ParsedOptions, key: string): boolean => parsed.options.some((o) => o.key === key)

/** The last value given for an option (GNU: a repeated option's last value wins). */
export const last = (parsed: ParsedOptions, key: string): string | undefined =>
  [...parsed.options].reverse().find((o) => o.key === key)?.value

/** coreutils' usage error: the message, then where to find help; grep adds its usage line. */
export function usageError(tool: string, message: string, usage?: string): string {
  return `${tool}: ${message}\n${usage ? `${usage}\n` : ''}Try '${tool} --help' for more information.\n`
}
