/**
 * The Logs Insights query language's tokens (../shared/reference/aws-fidelity.md §6.1,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html): names (letters, digits, `_`, `@`, `.`,
 * or anything between backticks), numbers, durations (`30m`, as `bin` takes them), strings in double or single quotes,
 * regular expressions between slashes, operators, and `#` comments to the end of the line.
 */
export type TokenType = 'name' | 'number' | 'duration' | 'string' | 'regex' | 'op' | 'end'

export interface Token {
  type: TokenType
  /** The name, the string's contents, the regex's source, the operator, or the number's text. */
  text: string
  /** Character offsets into the query (start inclusive, end exclusive), as `queryCompileError.location` gives them. */
  start: number
  end: number
}

/** A syntax error with where it happened (MalformedQueryException: §6.3). */
export class QuerySyntaxError extends Error {
  readonly start: number
  readonly end: number
  constructor(message: string, start: number, end: number) {
    super(message)
    this.start = start
    this.end = end
  }
}

const OPERATORS = ['!=', '<=', '>=', '=~', '|', ',', '(', ')', '[', ']', '=', '<', '>', '+', '-', '*', '/', '%', '^']
const NAME_START = /[A-Za-z_@$]/
const NAME_PART = /[A-Za-z0-9_@.$]/

/** Whether a `/` here starts a regular expression rather than dividing: after an operator, a keyword, parse's field or nothing. */
function regexAllowed(previous: Token | undefined, beforeThat: Token | undefined): boolean {
  if (!previous) return true
  // `parse @message /(?<x>…)/`: the field parse reads from, then its pattern.
  if (previous.type === 'name' && beforeThat?.type === 'name' && beforeThat.text.toLowerCase() === 'parse') return true
  if (previous.type === 'op') return previous.text !== ')' && previous.text !== ']'
  return previous.type === 'name' && /^(like|in|and|or|not|filter|parse|as)$/i.test(previous.text)
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const c = query[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++
      continue
    }
    const start = i
    if (c === '"' || c === "'") {
      let text = ''
      i++
      while (i < query.length && query[i] !== c) {
        if (query[i] === '\\' && i + 1 < query.length) {
          const next = query[i + 1]
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next
          i += 2
        } else text += query[i++]
      }
      if (i >= query.length) throw new QuerySyntaxError(unexpected(c, query, start), start, start + 1)
      tokens.push({ type: 'string', text, start, end: ++i })
      continue
    }
    if (c === '`') {
      const close = query.indexOf('`', i + 1)
      if (close < 0) throw new QuerySyntaxError(unexpected(c, query, start), start, start + 1)
      tokens.push({ type: 'name', text: query.slice(i + 1, close), start, end: close + 1 })
      i = close + 1
      continue
    }
    if (c === '/' && regexAllowed(tokens.at(-1), tokens.at(-2))) {
      let j = i + 1
      while (j < query.length && query[j] !== '/') j += query[j] === '\\' ? 2 : 1
      if (j >= query.length) throw new QuerySyntaxError(unexpected(c, query, start), start, start + 1)
      tokens.push({ type: 'regex', text: query.slice(i + 1, j), start, end: j + 1 })
      i = j + 1
      continue
    }
    const number = /^(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)([A-Za-z]+)?/.exec(query.slice(i, i + 64))
    if (number) {
      tokens.push({ type: number[2] ? 'duration' : 'number', text: number[0], start, end: i + number[0].length })
      i += number[0].length
      continue
    }
    if (NAME_START.test(c)) {
      // Names with other characters (`x-forwarded-for`) need backticks, as in AWS: `a-b` is a subtraction.
      let j = i + 1
      while (j < query.length && NAME_PART.test(query[j])) j++
      tokens.push({ type: 'name', text: query.slice(i, j), start, end: j })
      i = j
      continue
    }
    const op = OPERATORS.find((o) => query.startsWith(o, i))
    if (!op) throw new QuerySyntaxError(unexpected(c, query, start), start, start + 1)
    tokens.push({ type: 'op', text: op, start, end: i + op.length })
    i += op.length
  }
  tokens.push({ type: 'end', text: '<EOF>', start: query.length, end: query.length })
  return tokens
}

/**
 * The current service's wording (§6.3, seen): `unexpected symbol found ( at line 1 and position 115`. Lines count from
 * 1; the position within the line is counted from 1 here (**unverified**: the seen message does not say).
 */
export function unexpected(symbol: string, query: string, offset: number): string {
  const before = query.slice(0, offset)
  const line = before.split('\n').length
  const position = offset - (before.lastIndexOf('\n') + 1) + 1
  return `unexpected symbol found ${symbol} at line ${line} and position ${position}`
}
