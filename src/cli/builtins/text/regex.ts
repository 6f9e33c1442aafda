/**
 * POSIX regular expressions as GNU grep reads them, translated to JavaScript's:
 *
 * basic (BRE, grep's default): `\( \) \{ \} \| \+ \?` are operators, the bare characters are literal;
 *   `*` at the start of the pattern or after `\(` or `\|` is literal
 * extended (ERE, grep -E): `( ) { } | + ?` are operators, as in JavaScript
 * both: bracket expressions with classes (`[[:digit:]]`, `[^[:space:]]`), GNU's `\w \W \s \S \b \B`,
 *   `\<` and `\>` (word start and end), back-references `\1`..`\9`
 * fixed (grep -F): every character literal
 *
 * Errors come back in GNU grep's words (`Unmatched ( or \(`, `Unmatched [, [^, [:, [., or [=`).
 * https://www.gnu.org/software/grep/manual/html_node/Regular-Expressions.html
 */
export type Syntax = 'basic' | 'extended' | 'fixed'

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
}

export class RegexError extends Error {}

const escapeLiteral = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')

/** The JavaScript source for one pattern. */
export function toJsSource(pattern: string, syntax: Syntax): string {
  if (syntax === 'fixed') return escapeLiteral(pattern)
  const ere = syntax === 'extended'
  let out = ''
  let depth = 0
  let atomStart = true
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === '[') {
      const { source, end } = bracket(pattern, i)
      out += source
      i = end
      atomStart = false
      continue
    }
    if (ch === '\\') {
      const next = pattern[++i]
      if (next === undefined) throw new RegexError('Trailing backslash')
      const operator = !ere && '(){}|+?'.includes(next)
      if (operator) {
        if (next === '(') depth++
        if (next === ')' && --depth < 0) throw new RegexError('Unmatched ) or \\)')
        out += next
        atomStart = next === '(' || next === '|'
        continue
      }
      if (next === '<') out += '\\b(?=\\w)'
      else if (next === '>') out += '\\b(?<=\\w)'
      else if ('wWsSbB'.includes(next) || /[1-9]/.test(next)) out += `\\${next}`
      else out += escapeLiteral(next)
      atomStart = false
      continue
    }
    if (ere && ch === '(') {
      depth++
      out += '('
      atomStart = true
      continue
    }
    if (ere && ch === ')') {
      if (--depth < 0) throw new RegexError('Unmatched ) or \\)')
      out += ')'
      atomStart = false
      continue
    }
    if (ere && ch === '|') {
      out += '|'
      atomStart = true
      continue
    }
    if (ch === '*' || (ere && (ch === '+' || ch === '?'))) {
      // A repetition with nothing to repeat is a literal (`grep '*'` finds stars).
      out += atomStart ? `\\${ch}` : ch
      continue
    }
    if (ere && ch === '{') {
      const interval = /^\{(\d*)(,(\d*))?\}/.exec(pattern.slice(i))
      if (interval && !atomStart) {
        out += interval[0]
        i += interval[0].length - 1
      } else out += '\\{'
      continue
    }
    if (ch === '^' || ch === '$' || ch === '.') out += ch
    else out += escapeLiteral(ch)
    atomStart = false
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(')
  return out
}

/** bracket = "[" [ "^" ] [ "]" ] *( class | char | range ) "]"   ; a leading "]" is a member */
function bracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1
  let source = '['
  if (pattern[i] === '^') {
    source += '^'
    i++
  }
  if (pattern[i] === ']') {
    source += '\\]'
    i++
  }
  for (; i < pattern.length; i++) {
    const ch = pattern[i] ?? ''
    if (ch === ']') return { source: `${source}]`, end: i }
    const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(i))
    if (cls) {
      const members = CLASSES[cls[1] ?? '']
      if (members === undefined) throw new RegexError('Invalid character class name')
      source += members
      i += cls[0].length - 1
    } else if (ch === '\\' || ch === '[') source += `\\${ch}`
    else source += ch
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=')
}
