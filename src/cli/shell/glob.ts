import { resolvePath } from './paths.ts'

/** A field after splitting: its text, and the same text as a glob pattern (quoted characters escaped). */
export interface Field {
  text: string
  pattern: string
}

const hasWildcard = (pattern: string): boolean => /(^|[^\\])(\\\\)*[*?[]/.test(pattern)

/**
 * Pathname expansion over the working folder: `*`, `?` and `[...]` (`[!...]` negates), unquoted only.
 * A pattern that matches nothing is left as typed (bash without `nullglob`), which is why
 * `--query Services[*].status` usually survives unquoted. Names starting with `.` need a literal `.`.
 * Only patterns naming files directly in the folder are expanded.
 */
export function expandPathname(field: Field, listFiles: () => string[]): string[] {
  if (!hasWildcard(field.pattern) || field.pattern.includes('/')) return [field.text]
  const regex = toRegExp(field.pattern)
  const names = new Set<string>()
  for (const file of listFiles()) {
    const name = resolvePath(file)?.split('/')[0]
    if (name) names.add(name)
  }
  const matches = [...names].filter((n) => regex.test(n) && (!n.startsWith('.') || field.pattern.startsWith('.'))).sort()
  return matches.length ? matches : [field.text]
}

const escapeRegExp = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

function toRegExp(pattern: string): RegExp {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === '\\') out += escapeRegExp(pattern[++i] ?? '\\')
    else if (ch === '*') out += '[^/]*'
    else if (ch === '?') out += '[^/]'
    else if (ch === '[') {
      const cls = bracket(pattern, i)
      if (cls) {
        out += cls.regex
        i = cls.end
      } else out += '\\['
    } else out += escapeRegExp(ch)
  }
  try {
    return new RegExp(`^${out}$`)
  } catch {
    // A reversed range such as `[p-0]` (shorthand like `UserIdGroupPairs=[{GroupId=sg-0…}]`) matches no name in bash.
    return /(?!)/
  }
}

/** bracket = "[" [ "!" | "^" ] [ "]" ] *( char | char "-" char ) "]" */
function bracket(pattern: string, open: number): { regex: string; end: number } | undefined {
  let i = open + 1
  let negate = false
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true
    i++
  }
  let body = ''
  if (pattern[i] === ']') {
    body += '\\]'
    i++
  }
  for (; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === ']') return { regex: `[${negate ? '^' : ''}${body}]`, end: i }
    if (ch === '\\') body += escapeRegExp(pattern[++i] ?? '\\')
    else if (ch === '-' && body && pattern[i + 1] !== ']') body += '-'
    else body += escapeRegExp(ch)
  }
  return undefined
}
