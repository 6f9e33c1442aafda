// --query (JMESPath). Fact: aws-fidelity.md 1.16. The expression is first checked by a port of python
// `jmespath` 1.0.x `lexer.py` + `parser.py` so a bad expression fails with the exact Python message and caret
// (`exceptions.py` `ParseError`/`IncompleteExpressionError`/`LexerError`), which the CLI wraps as
// `Bad value for --query <expr>: <message>` (ParamValidation, exit 252). The search itself runs on the `jmespath`
// npm package (same specification). Runtime failures (`Unknown function: foo()`, arity) exit 255 as the CLI's
// GeneralExceptionHandler does.
import jmespath from 'jmespath'
import { pyStr } from './pyStr.ts'

export class QueryError extends Error {
  readonly exitCode: 252 | 255
  constructor(message: string, exitCode: 252 | 255) {
    super(message)
    this.name = 'QueryError'
    this.exitCode = exitCode
  }
}

interface Token { type: string; value: unknown; start: number }

/** A python-jmespath error, rendered by its `__str__`. */
class JmesSyntaxError extends Error {}

function parseError(position: number, value: unknown, type: string, msg: string, expression: string): JmesSyntaxError {
  const underline = ' '.repeat(position + 1) + '^'
  return new JmesSyntaxError(`${msg}: Parse error at column ${position}, token "${pyStr(value)}" (${type.toUpperCase()}), for expression:\n"${expression}"\n${underline}`)
}

function incomplete(expression: string): JmesSyntaxError {
  const underline = ' '.repeat(Array.from(expression).length + 1) + '^'
  return new JmesSyntaxError(`Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${underline}`)
}

function lexerError(position: number, message: string, expression: string): JmesSyntaxError {
  return new JmesSyntaxError(`Bad jmespath expression: ${message}:\n${expression}\n${' '.repeat(position)}^`)
}

const SIMPLE: Record<string, string> = {
  '.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current', '(': 'lparen', ')': 'rparen',
  '{': 'lbrace', '}': 'rbrace',
}
const isStartIdent = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z_]$/.test(c)
const isIdent = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_]$/.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && /^[0-9]$/.test(c)

/** Python json.loads error text up to the first colon, as the lexer reports bad quoted identifiers. */
function jsonLoads(text: string): unknown {
  return JSON.parse(text)
}

// lexer.py `Lexer.tokenize`.
function tokenize(expression: string): Token[] {
  const chars = Array.from(expression)
  if (chars.length === 0) throw new JmesSyntaxError('Invalid JMESPath expression: cannot be empty.')
  const length = chars.length
  let position = 0
  let current: string | undefined = chars[0]
  const next = (): string | undefined => {
    if (position === length - 1) current = undefined
    else { position += 1; current = chars[position] }
    return current
  }
  const consumeUntil = (delimiter: string): string => {
    const start = position
    let buff = ''
    next()
    while (current !== delimiter) {
      if (current === '\\') { buff += '\\'; next() }
      if (current === undefined) {
        throw lexerError(start, `Unclosed ${delimiter} delimiter`, expression)
      }
      buff += current
      next()
    }
    next()
    return buff
  }
  const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
    const start = position
    const cur = current as string
    const n = next()
    if (n === expected) { next(); return { type: matchType, value: cur + n, start } }
    return { type: elseType, value: cur, start }
  }
  const consumeNumber = (): string => {
    let buff = current as string
    while (isDigit(next())) buff += current
    return buff
  }
  const tokens: Token[] = []
  while (current !== undefined) {
    const c: string = current
    if (c in SIMPLE) {
      tokens.push({ type: SIMPLE[c], value: c, start: position })
      next()
    } else if (isStartIdent(c)) {
      const start = position
      let buff = c
      while (isIdent(next())) buff += current
      tokens.push({ type: 'unquoted_identifier', value: buff, start })
    } else if (' \t\n\r'.includes(c)) {
      next()
    } else if (c === '[') {
      const start = position
      const n = next()
      if (n === ']') { next(); tokens.push({ type: 'flatten', value: '[]', start }) }
      else if (n === '?') { next(); tokens.push({ type: 'filter', value: '[?', start }) }
      else tokens.push({ type: 'lbracket', value: '[', start })
    } else if (c === "'") {
      const start = position
      tokens.push({ type: 'literal', value: consumeUntil("'").replace(/\\'/g, "'"), start })
    } else if (c === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'))
    } else if (c === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'))
    } else if (c === '`') {
      const start = position
      const lexeme = consumeUntil('`').replace(/\\`/g, '`')
      let value: unknown
      try { value = jsonLoads(lexeme) } catch {
        try { value = jsonLoads(`"${lexeme.replace(/^\s+/, '')}"`) } catch {
          throw lexerError(start, `Bad token ${lexeme}`, expression)
        }
      }
      tokens.push({ type: 'literal', value, start })
    } else if (isDigit(c)) {
      const start = position
      tokens.push({ type: 'number', value: parseInt(consumeNumber(), 10), start })
    } else if (c === '-') {
      const start = position
      const buff = consumeNumber()
      if (buff.length > 1) tokens.push({ type: 'number', value: parseInt(buff, 10), start })
      else throw lexerError(start, `Unknown token '${buff}'`, expression)
    } else if (c === '"') {
      const start = position
      const lexeme = '"' + consumeUntil('"') + '"'
      let value: unknown
      try { value = jsonLoads(lexeme) } catch {
        // Python's json error text up to the first ':' (e.g. `Invalid \escape`, `Invalid control character at`).
        const message = /\\(?!["\\/bfnrtu])/.test(lexeme) ? 'Invalid \\escape' : 'Invalid control character at'
        throw lexerError(start, message, expression)
      }
      tokens.push({ type: 'quoted_identifier', value, start })
    } else if (c === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'))
    } else if (c === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'))
    } else if (c === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'))
    } else if (c === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start: position - 1 })
        next()
      } else {
        const pos = current === undefined ? position : position - 1
        throw lexerError(pos, "Unknown token '='", expression)
      }
    } else {
      throw lexerError(position, `Unknown token ${c}`, expression)
    }
  }
  tokens.push({ type: 'eof', value: '', start: length })
  return tokens
}

const BINDING_POWER: Record<string, number> = {
  eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0, comma: 0, rbrace: 0,
  number: 0, current: 0, expref: 0, colon: 0, pipe: 1, or: 2, and: 3, eq: 5, gt: 5, lt: 5, gte: 5, lte: 5, ne: 5,
  flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55, lparen: 60,
}
const PROJECTION_STOP = 10
const LED = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket'])

type Node = { type: string }

// parser.py `Parser` (Pratt parser); builds only the node types the error paths inspect.
class Parser {
  private index = 0
  private readonly tokens: Token[]
  private readonly expression: string
  constructor(expression: string) {
    this.expression = expression
    this.tokens = tokenize(expression)
  }

  parse(): void {
    this.expr(0)
    if (this.current() !== 'eof') {
      const t = this.token(0)
      throw parseError(t.start, t.value, t.type, `Unexpected token: ${pyStr(t.value)}`, this.expression)
    }
  }

  private token(n: number): Token {
    let i = this.index + n
    if (i < 0) i += this.tokens.length // Python negative indexing
    return this.tokens[i]
  }
  private current(): string { return this.tokens[this.index].type }
  private lookahead(n: number): string { return this.token(n).type }
  private advance(): void { this.index += 1 }

  private fail(t: Token, reason: string): never {
    throw parseError(t.start, t.value, t.type, reason, this.expression)
  }
  private failMaybeEof(expected: string | string[], t: Token): never {
    if (t.type === 'eof') throw incomplete(this.expression)
    const exp = Array.isArray(expected) ? '[' + expected.map((e) => `'${e}'`).join(', ') + ']' : expected
    this.fail(t, `Expecting: ${exp}, got: ${t.type}`)
  }
  private match(type: string): void {
    if (this.current() === type) this.advance()
    else this.failMaybeEof(type, this.token(0))
  }

  private expr(bindingPower: number): Node {
    const leftToken = this.token(0)
    this.advance()
    let left = this.nud(leftToken)
    let current = this.current()
    while (bindingPower < BINDING_POWER[current]) {
      if (!LED.has(current)) this.fail(this.token(0), 'invalid token')
      this.advance()
      left = this.led(current, left)
      current = this.current()
    }
    return left
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal': return { type: 'literal' }
      case 'unquoted_identifier': return { type: 'field' }
      case 'quoted_identifier': {
        if (this.current() === 'lparen') {
          const t = this.token(0)
          throw parseError(0, t.value, t.type, 'Quoted identifier not allowed for function names.', this.expression)
        }
        return { type: 'field' }
      }
      case 'star':
        if (this.current() !== 'rbracket') this.projectionRhs(BINDING_POWER.star)
        return { type: 'value_projection' }
      case 'filter': return this.led('filter', { type: 'identity' })
      case 'lbrace': return this.multiSelectHash()
      case 'lparen': {
        const e = this.expr(0)
        this.match('rparen')
        return e
      }
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten)
        return { type: 'projection' }
      case 'not':
        this.expr(BINDING_POWER.not)
        return { type: 'not_expression' }
      case 'lbracket':
        if (this.current() === 'number' || this.current() === 'colon') {
          return this.projectIfSlice(this.indexExpression())
        }
        if (this.current() === 'star' && this.lookahead(1) === 'rbracket') {
          this.advance(); this.advance()
          this.projectionRhs(BINDING_POWER.star)
          return { type: 'projection' }
        }
        return this.multiSelectList()
      case 'current': return { type: 'current' }
      case 'expref':
        this.expr(BINDING_POWER.expref)
        return { type: 'expref' }
      default:
        if (token.type === 'eof') throw incomplete(this.expression)
        return this.fail(token, 'invalid token')
    }
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case 'dot':
        if (this.current() !== 'star') {
          this.dotRhs(BINDING_POWER.dot)
          return { type: 'subexpression' }
        }
        this.advance()
        this.projectionRhs(BINDING_POWER.dot)
        return { type: 'value_projection' }
      case 'pipe': this.expr(BINDING_POWER.pipe); return { type: 'pipe' }
      case 'or': this.expr(BINDING_POWER.or); return { type: 'or' }
      case 'and': this.expr(BINDING_POWER.and); return { type: 'and' }
      case 'lparen': {
        if (left.type !== 'field') {
          const prev = this.token(-2)
          throw parseError(prev.start, prev.value, prev.type, `Invalid function name '${pyStr(prev.value)}'`, this.expression)
        }
        while (this.current() !== 'rparen') {
          this.expr(0)
          if (this.current() === 'comma') this.match('comma')
        }
        this.match('rparen')
        return { type: 'function_expression' }
      }
      case 'filter':
        this.expr(0)
        this.match('rbracket')
        if (this.current() !== 'flatten') this.projectionRhs(BINDING_POWER.filter)
        return { type: 'filter_projection' }
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten)
        return { type: 'projection' }
      case 'lbracket': {
        const t = this.token(0)
        if (t.type === 'number' || t.type === 'colon') {
          const right = this.indexExpression()
          if (left.type === 'index_expression') return left
          return this.projectIfSlice(right)
        }
        this.match('star')
        this.match('rbracket')
        this.projectionRhs(BINDING_POWER.star)
        return { type: 'projection' }
      }
      default: // eq ne gt gte lt lte
        this.expr(BINDING_POWER[type])
        return { type: 'comparator' }
    }
  }

  private indexExpression(): Node {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.sliceExpression()
    this.advance()
    this.match('rbracket')
    return { type: 'index' }
  }

  private sliceExpression(): Node {
    let index = 0
    let current = this.current()
    while (current !== 'rbracket' && index < 3) {
      if (current === 'colon') {
        index += 1
        if (index === 3) this.fail(this.token(0), 'syntax error')
        this.advance()
      } else if (current === 'number') {
        this.advance()
      } else {
        this.fail(this.token(0), 'syntax error')
      }
      current = this.current()
    }
    this.match('rbracket')
    return { type: 'slice' }
  }

  private projectIfSlice(right: Node): Node {
    if (right.type === 'slice') {
      this.projectionRhs(BINDING_POWER.star)
      return { type: 'projection' }
    }
    return { type: 'index_expression' }
  }

  private multiSelectList(): Node {
    for (;;) {
      this.expr(0)
      if (this.current() === 'rbracket') break
      this.match('comma')
    }
    this.match('rbracket')
    return { type: 'multi_select_list' }
  }

  private multiSelectHash(): Node {
    for (;;) {
      const types = ['quoted_identifier', 'unquoted_identifier']
      if (!types.includes(this.current())) this.failMaybeEof(types, this.token(0))
      this.advance()
      this.match('colon')
      this.expr(0)
      if (this.current() === 'comma') this.match('comma')
      else if (this.current() === 'rbrace') { this.match('rbrace'); break }
    }
    return { type: 'multi_select_dict' }
  }

  private projectionRhs(bindingPower: number): Node {
    const current = this.current()
    if (BINDING_POWER[current] < PROJECTION_STOP) return { type: 'identity' }
    if (current === 'lbracket' || current === 'filter') return this.expr(bindingPower)
    if (current === 'dot') {
      this.match('dot')
      return this.dotRhs(bindingPower)
    }
    return this.fail(this.token(0), 'syntax error')
  }

  private dotRhs(bindingPower: number): Node {
    const lookahead = this.current()
    if (lookahead === 'quoted_identifier' || lookahead === 'unquoted_identifier' || lookahead === 'star') {
      return this.expr(bindingPower)
    }
    if (lookahead === 'lbracket') { this.match('lbracket'); return this.multiSelectList() }
    if (lookahead === 'lbrace') { this.match('lbrace'); return this.multiSelectHash() }
    const t = this.token(0)
    return this.fail(t, `Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: ${t.type}`)
  }
}

/** Checks an expression as python jmespath would compile it; throws QueryError (252) with the CLI's message. */
export function compileQuery(expression: string): void {
  try {
    new Parser(expression).parse()
  } catch (e) {
    if (e instanceof JmesSyntaxError) throw new QueryError(`Bad value for --query ${expression}: ${e.message}`, 252)
    throw e
  }
}

/** Applies `--query`. Bad syntax → QueryError 252; failures while searching (unknown function, arity) → 255. */
export function applyQuery(value: unknown, expression: string): unknown {
  compileQuery(expression)
  try {
    const result: unknown = jmespath.search(withoutPrototypes(value), expression)
    return result === undefined ? null : result
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // jmespath.js: "ArgumentError: length() takes 1 argument but received 2" → python's ArityError text.
    const arity = /^ArgumentError: (\w+)\(\) takes (at least)?\s*(\d+) arguments? but received (\d+)$/.exec(message)
    if (arity) {
      const [, name, atLeast, expected, actual] = arity
      const noun = expected === '1' ? 'argument' : 'arguments'
      throw new QueryError(`Expected ${atLeast ? 'at least ' : ''}${expected} ${noun} for function ${name}(), received ${actual}`, 255)
    }
    throw new QueryError(message, 255)
  }
}

/**
 * The response with every object rebuilt without a prototype: the `jmespath` package reads a field as `value[name]`,
 * which would find `constructor` or `toString` on any plain object, where python's dict lookup finds nothing (null).
 */
function withoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPrototypes)
  if (value === null || typeof value !== 'object') return value
  const out = Object.create(null) as Record<string, unknown>
  for (const [key, item] of Object.entries(value)) out[key] = withoutPrototypes(item)
  return out
}
