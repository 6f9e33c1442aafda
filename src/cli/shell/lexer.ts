import type { Operator, Token } from './ast.ts'
import { atEnd, isMeta, peek, type Cursor } from './cursor.ts'
import { unexpectedEof } from './errors.ts'
import { readWord } from './words.ts'

/** Longest first, so `&&` wins over `&` and `>>` over `>`. */
const OPERATORS: Operator[] = ['&>>', '<<<', '&&', '||', ';;', '>>', '>&', '<&', '&>', '<<', '>|', '<>', ';', '&', '|', '(', ')', '<', '>']

/**
 * tokens    = *( blank | continue | comment | newline | io-number operator | operator | word )
 * blank     = " " | "\t"
 * continue  = "\" newline                       ; between words: nothing at all
 * comment   = "#" *( any but newline )          ; only where a word would start
 * io-number = 1*DIGIT                           ; directly before "<" or ">": `2>`, `2>&1`
 * operator  = one of OPERATORS, longest match
 * word      = see words.ts
 *
 * With `untilParen` (the inside of `$(`), tokenizing stops at the `)` that closes it and `end` is its
 * index; running out of input first is bash's `unexpected EOF while looking for matching `)'`.
 */
export function tokenize(src: string, start = 0, untilParen = false): { tokens: Token[]; end: number } {
  const c: Cursor = { src, pos: start }
  const tokens: Token[] = []
  let depth = 0
  while (!atEnd(c)) {
    const ch = peek(c)
    if (ch === ' ' || ch === '\t') {
      c.pos++
      continue
    }
    if (ch === '\\' && peek(c, 1) === '\n') {
      c.pos += 2
      continue
    }
    if (ch === '#') {
      while (!atEnd(c) && peek(c) !== '\n') c.pos++
      continue
    }
    if (ch === '\n') {
      tokens.push({ type: 'newline' })
      c.pos++
      continue
    }
    const ioNumber = /^(\d+)[<>]/.exec(src.slice(c.pos, c.pos + 12))
    if (ioNumber) c.pos += (ioNumber[1] ?? '').length
    if (ioNumber || isMeta(ch)) {
      const op = OPERATORS.find((o) => src.startsWith(o, c.pos))
      if (!op) throw new Error(`tokenize: no operator at ${c.pos}`) // unreachable: every metachar starts one
      if (untilParen && op === ')' && depth === 0) return { tokens, end: c.pos }
      if (op === '(') depth++
      if (op === ')') depth--
      tokens.push(ioNumber ? { type: 'op', op, fd: Number(ioNumber[1]) } : { type: 'op', op })
      c.pos += op.length
      continue
    }
    const wordStart = c.pos
    const parts = readWord(c)
    tokens.push({ type: 'word', word: { parts, raw: src.slice(wordStart, c.pos) } })
  }
  if (untilParen) throw unexpectedEof(')')
  tokens.push({ type: 'eof' })
  return { tokens, end: c.pos }
}
