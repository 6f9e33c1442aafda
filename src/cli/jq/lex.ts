import type { Node } from './ast.ts'
import { JqCompileError } from './errors.ts'

/** jq's tokens: numbers, strings (with interpolations), `.field`, `$var`, names, `@format`s and operators. */
export type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; parts: (string | Node)[] }
  | { t: 'field'; v: string }
  | { t: 'var'; v: string }
  | { t: 'ident'; v: string }
  | { t: 'format'; v: string }
  | { t: 'op'; v: string }
  | { t: 'eof' }

const OPS = ['..', '//', '==', '!=', '<=', '>=', '|', ',', '.', '[', ']', '{', '}', '(', ')', ':', ';', '?', '<', '>', '+', '-', '*', '/', '%']
export const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'def', 'try', 'catch', 'label', 'import', 'include'])
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' }

export const syntaxError = (what: string): JqCompileError => new JqCompileError(`syntax error, unexpected ${what} (Unix shell quoting issues?)`)

/** `parse` compiles a string's `\(...)` interpolations (the parser's own entry point, passed in to keep the two apart). */
export function lex(src: string, parse: (src: string) => Node): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < src.length) {
    const ch = src[i] ?? ''
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const rest = src.slice(i)
    const number = /^(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)/.exec(rest)
    if (number) {
      tokens.push({ t: 'num', v: Number(number[0]) })
      i += number[0].length
      continue
    }
    const field = /^\.([A-Za-z_][A-Za-z0-9_]*)/.exec(rest)
    if (field) {
      tokens.push({ t: 'field', v: field[1] ?? '' })
      i += field[0].length
      continue
    }
    const word = /^([$@]?)([A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*)/.exec(rest)
    if (word) {
      const kind = word[1] === '$' ? 'var' : word[1] === '@' ? 'format' : 'ident'
      tokens.push({ t: kind, v: word[2] ?? '' })
      i += word[0].length
      continue
    }
    if (ch === '"') {
      const { parts, end } = lexString(src, i, parse)
      tokens.push({ t: 'str', parts })
      i = end
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw syntaxError('INVALID_CHARACTER')
    tokens.push({ t: 'op', v: op })
    i += op.length
  }
  tokens.push({ t: 'eof' })
  return tokens
}

/** string = '"' *( escape | "\(" pipe ")" | char ) '"'   ; `\(...)` interpolates, as in "\(.name): \(.status)" */
function lexString(src: string, start: number, parse: (src: string) => Node): { parts: (string | Node)[]; end: number } {
  const parts: (string | Node)[] = []
  let text = ''
  let i = start + 1
  while (i < src.length) {
    const ch = src[i] ?? ''
    if (ch === '"') {
      if (text || !parts.length) parts.push(text)
      return { parts, end: i + 1 }
    }
    if (ch !== '\\') {
      text += ch
      i++
      continue
    }
    const next = src[i + 1] ?? ''
    if (next === '(') {
      let depth = 1
      let j = i + 2
      let inString = false
      for (; j < src.length && depth > 0; j++) {
        const c = src[j]
        if (inString) {
          if (c === '\\') j++
          else if (c === '"') inString = false
        } else if (c === '"') inString = true
        else if (c === '(') depth++
        else if (c === ')') depth--
      }
      if (depth > 0) throw syntaxError('end of file')
      if (text) parts.push(text)
      text = ''
      parts.push(parse(src.slice(i + 2, j - 1)))
      i = j
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16))
      i += 6
    } else if (ESCAPES[next] !== undefined) {
      text += ESCAPES[next]
      i += 2
    } else throw new JqCompileError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)`)
  }
  throw syntaxError('end of file')
}

