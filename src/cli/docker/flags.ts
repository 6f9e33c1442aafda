/**
 * Docker's flag syntax (spf13/pflag, as docker/cli uses it): `--name web`, `--name=web`, `-d`, `-it`, `-p 80:80`,
 * `-p80:80`, repeatable flags collected in order. Flags stop at the first argument that is not one (the image, for
 * `run`; `SetInterspersed(false)`), or are interspersed where the command allows it.
 *
 * Grammar: args := (flag | positional)* ; flag := '--' name ('=' value)? | '-' shortchars (value)?
 */
export interface FlagSpec {
  /** Long name → short letter (or ''); `bool` flags take no value; `many` collect every value. */
  [long: string]: { short?: string; bool?: boolean; many?: boolean }
}

export interface ParsedFlags {
  values: Record<string, string[]>
  bools: Set<string>
  positional: string[]
}

export class FlagError extends Error {}

export function parseFlags(args: string[], spec: FlagSpec, interspersed: boolean): ParsedFlags {
  const values: Record<string, string[]> = {}
  const bools = new Set<string>()
  const positional: string[] = []
  const byShort = new Map(Object.entries(spec).flatMap(([long, s]) => (s.short ? [[s.short, long]] : [])))
  const set = (long: string, value: string) => (values[long] ??= []).push(value)
  let i = 0
  while (i < args.length) {
    const a = args[i]
    if (a === '--') {
      positional.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const long = eq > 0 ? a.slice(2, eq) : a.slice(2)
      const s = spec[long]
      if (!s) throw new FlagError(`unknown flag: --${long}`)
      if (s.bool) {
        if (eq < 0 || a.slice(eq + 1) === 'true') bools.add(long)
      } else if (eq > 0) set(long, a.slice(eq + 1))
      else {
        if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: --${long}`)
        set(long, args[++i])
      }
      i++
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const long = byShort.get(a[j])
        if (!long) throw new FlagError(`unknown shorthand flag: '${a[j]}' in ${a}`)
        if (spec[long].bool) {
          bools.add(long)
          continue
        }
        const rest = a.slice(j + 1).replace(/^=/, '')
        if (rest) set(long, rest)
        else {
          if (i + 1 >= args.length) throw new FlagError(`flag needs an argument: '${a[j]}' in -${a[j]}`)
          set(long, args[++i])
        }
        break
      }
      i++
      continue
    }
    if (!interspersed) {
      positional.push(...args.slice(i))
      break
    }
    positional.push(a)
    i++
  }
  return { values, bools, positional }
}
