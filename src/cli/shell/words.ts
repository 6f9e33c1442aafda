import type { ParamOp, WordPart } from './ast.ts'
import { atEnd, isMeta, peek, type Cursor } from './cursor.ts'
import { unexpectedEof, unsupported } from './errors.ts'
import { tokenize } from './lexer.ts'

/** Collects parts, gluing neighbouring text of the same quoting. */
class Parts {
  readonly list: WordPart[] = []
  text(text: string, quoted: boolean): void {
    const last = this.list[this.list.length - 1]
    if (last?.kind === 'text' && last.quoted === quoted) last.text += text
    else this.list.push({ kind: 'text', text, quoted })
  }
  add(part: WordPart): void {
    this.list.push(part)
  }
}

/**
 * word    = 1*( escape | single | double | dollar | backtick | plain )      ; ends at a metacharacter
 * escape  = "\" newline        ; line continuation: removed entirely, even mid-word
 *         | "\" char           ; the char, quoted
 * plain   = any char but metacharacters, quotes, "\", "$", "`"
 *
 * `stop` ends the word early instead of metacharacters (a `}` closing `${x:-word}`, where blanks are kept).
 */
export function readWord(c: Cursor, stop?: (ch: string) => boolean): WordPart[] {
  const parts = new Parts()
  while (!atEnd(c)) {
    const ch = peek(c)
    if (stop ? stop(ch) : isMeta(ch)) break
    if (ch === '\\') readEscape(c, parts)
    else if (ch === "'") readSingle(c, parts)
    else if (ch === '"') readDouble(c, parts)
    else if (ch === '$') readDollar(c, parts, false)
    else if (ch === '`') readBacktick(c, parts, false)
    else {
      parts.text(ch, false)
      c.pos++
    }
  }
  return parts.list
}

function readEscape(c: Cursor, parts: Parts): void {
  const next = peek(c, 1)
  c.pos += 2
  if (next === '\n') return
  // A backslash as the very last character stays a backslash, as in `bash -c 'echo a\'`.
  if (next === '') {
    c.pos--
    parts.text('\\', false)
    return
  }
  parts.text(next, true)
}

/** single = "'" *( any but "'" ) "'"   ; everything literal, even backslash and newline */
function readSingle(c: Cursor, parts: Parts): void {
  const end = c.src.indexOf("'", c.pos + 1)
  if (end < 0) throw unexpectedEof("'")
  parts.text(c.src.slice(c.pos + 1, end), true)
  c.pos = end + 1
}

/**
 * double = '"' *( "\" ( "$" | "`" | '"' | "\" ) | "\" newline | dollar | backtick | other ) '"'
 * A backslash before any other character stays, as bash keeps `"\e"` as two characters.
 */
function readDouble(c: Cursor, parts: Parts): void {
  c.pos++
  parts.text('', true) // `""` is still a word
  for (;;) {
    if (atEnd(c)) throw unexpectedEof('"')
    const ch = peek(c)
    if (ch === '"') {
      c.pos++
      return
    }
    if (ch === '\\') {
      const next = peek(c, 1)
      if (next === '\n') c.pos += 2
      else if (next !== '' && '$`"\\'.includes(next)) {
        parts.text(next, true)
        c.pos += 2
      } else {
        parts.text('\\', true)
        c.pos++
      }
    } else if (ch === '$') readDollar(c, parts, true)
    else if (ch === '`') readBacktick(c, parts, true)
    else {
      parts.text(ch, true)
      c.pos++
    }
  }
}

const SPECIAL = '?$#@*!-0123456789'

/**
 * dollar = "$" name | "$" special | "${" param "}" | "$(" list ")" | "$'" ansi "'" | '$"' double-body '"'
 * name   = ( ALPHA | "_" ) *( ALNUM | "_" )
 * special = "?" | "$" | "#" | "@" | "*" | "!" | "-" | DIGIT
 * A `$` followed by anything else is a literal `$`.
 */
function readDollar(c: Cursor, parts: Parts, quoted: boolean): void {
  const next = peek(c, 1)
  if (next === '{') return readBraced(c, parts, quoted)
  if (next === '(') return readCommandSubstitution(c, parts, quoted)
  if (!quoted && next === "'") {
    c.pos++
    return readAnsiC(c, parts)
  }
  if (!quoted && next === '"') {
    c.pos++
    return readDouble(c, parts)
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(c.src.slice(c.pos + 1))?.[0]
  if (name) {
    parts.add({ kind: 'param', name, quoted, raw: `$${name}` })
    c.pos += 1 + name.length
  } else if (next !== '' && SPECIAL.includes(next)) {
    parts.add({ kind: 'param', name: next, quoted, raw: `$${next}` })
    c.pos += 2
  } else {
    parts.text('$', quoted)
    c.pos++
  }
}

const PARAM_OPS: ParamOp[] = [':-', ':+', ':=', '-', '+', '=']

/**
 * param   = "#" name | name [ op operand ]
 * op      = ":-" | "-" | ":+" | "+" | ":=" | "="
 * operand = word-ish text up to the matching "}" (blanks kept; quotes and expansions work)
 * Anything else inside the braces is a `bad substitution`, reported when the word is expanded.
 */
function readBraced(c: Cursor, parts: Parts, quoted: boolean): void {
  const start = c.pos
  c.pos += 2
  const body = c.src.slice(c.pos)
  const length = body.startsWith('#') && body[1] !== '}'
  if (length) c.pos++
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(c.src.slice(c.pos))?.[0] ?? ''
  c.pos += name.length
  if (peek(c) === '}' && name) {
    c.pos++
    parts.add({ kind: 'param', name, quoted, raw: c.src.slice(start, c.pos), length })
    return
  }
  const op = length || !name ? undefined : PARAM_OPS.find((o) => c.src.startsWith(o, c.pos))
  if (op) {
    c.pos += op.length
    const operand = quoted ? readDoubleUntilBrace(c) : readWord(c, (ch) => ch === '}')
    if (peek(c) !== '}') throw unexpectedEof('}')
    c.pos++
    parts.add({ kind: 'param', name, quoted, raw: c.src.slice(start, c.pos), op, operand })
    return
  }
  const close = c.src.indexOf('}', c.pos)
  if (close < 0) throw unexpectedEof('}')
  c.pos = close + 1
  parts.add({ kind: 'param', name, quoted, raw: c.src.slice(start, c.pos), bad: true })
}

/** Inside `"${x:-...}"` the operand reads like the rest of the double-quoted string. */
function readDoubleUntilBrace(c: Cursor): WordPart[] {
  const parts = new Parts()
  while (!atEnd(c) && peek(c) !== '}') {
    const ch = peek(c)
    if (ch === '\\' && '$`"\\}'.includes(peek(c, 1)) && peek(c, 1) !== '') {
      parts.text(peek(c, 1), true)
      c.pos += 2
    } else if (ch === '$') readDollar(c, parts, true)
    else if (ch === '`') readBacktick(c, parts, true)
    else if (ch === '"') readDouble(c, parts)
    else {
      parts.text(ch, true)
      c.pos++
    }
  }
  return parts.list
}

/** "$(" list ")" — the list is tokenized now (to find its end and its errors) and parsed by the parser. */
function readCommandSubstitution(c: Cursor, parts: Parts, quoted: boolean): void {
  if (peek(c, 2) === '(') throw unsupported('arithmetic expansion $((...)) is')
  const start = c.pos + 2
  const { end } = tokenize(c.src, start, true)
  parts.add({ kind: 'command', source: c.src.slice(start, end), quoted })
  c.pos = end + 1
}

/** backtick = "`" *( "\" ( "`" | "\" | "$" ) | any but "`" ) "`"   ; the old form of $(...) */
function readBacktick(c: Cursor, parts: Parts, quoted: boolean): void {
  let source = ''
  let i = c.pos + 1
  for (;;) {
    const ch = c.src[i]
    if (ch === undefined) throw unexpectedEof('`')
    if (ch === '`') break
    if (ch === '\\' && '`\\$'.includes(c.src[i + 1] ?? 'x')) {
      source += c.src[i + 1]
      i += 2
    } else {
      source += ch
      i++
    }
  }
  tokenize(source, 0, false)
  parts.add({ kind: 'command', source, quoted })
  c.pos = i + 1
}

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' }

/** ansi = "$'" *( "\" escape | any but "'" ) "'"   ; bash's C-style strings: $'a\tb' */
function readAnsiC(c: Cursor, parts: Parts): void {
  let i = c.pos + 1
  let text = ''
  for (;;) {
    const ch = c.src[i]
    if (ch === undefined) throw unexpectedEof("'")
    if (ch === "'") break
    if (ch === '\\') {
      const next = c.src[i + 1] ?? ''
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(c.src.slice(i + 1))
      const oct = /^[0-7]{1,3}/.exec(c.src.slice(i + 1))
      if (ANSI[next] !== undefined) {
        text += ANSI[next]
        i += 2
      } else if (hex) {
        text += String.fromCharCode(parseInt(hex[1] ?? '0', 16))
        i += 1 + hex[0].length
      } else if (oct) {
        text += String.fromCharCode(parseInt(oct[0], 8))
        i += 1 + oct[0].length
      } else {
        text += '\\'
        i++
      }
    } else {
      text += ch
      i++
    }
  }
  parts.text(text, true)
  c.pos = i + 1
}
