import type { Command, Expr, Named } from './ast.ts'
import { AGGREGATES } from './aggregates.ts'
import { FUNCTIONS } from './functions.ts'
import { durationMs } from './time.ts'
import { QuerySyntaxError, tokenize, unexpected, type Token } from './lexer.ts'

/**
 * A recursive-descent parser for the Logs Insights query language (§6.1). Each rule carries its grammar above it.
 * Keywords are case-insensitive; field names are not. Errors name the unexpected token and where it is (§6.3).
 */
export function parseQuery(query: string): Command[] {
  return new Parser(query).query()
}

const KEYWORDS = new Set(['and', 'or', 'not', 'like', 'in', 'as', 'by', 'asc', 'desc'])

class Parser {
  private readonly tokens: Token[]
  private at = 0
  /** Set while reading one `stats` item: only its outermost call may be an aggregation. */
  private aggregateAllowed = false
  private readonly source: string

  constructor(source: string) {
    this.source = source
    this.tokens = tokenize(source)
  }

  // query := command ( '|' command )* EOF
  query(): Command[] {
    const commands: Command[] = []
    if (this.peek().type === 'end') throw this.error(this.peek())
    commands.push(this.command())
    while (this.acceptOp('|')) commands.push(this.command())
    if (this.peek().type !== 'end') throw this.error(this.peek())
    return commands
  }

  // command := fields | display | filter | stats | sort | limit | parse | dedup
  private command(): Command {
    const token = this.next()
    const word = token.type === 'name' ? token.text.toLowerCase() : ''
    switch (word) {
      case 'fields':
        return { command: 'fields', items: this.list(() => this.named()) }
      case 'display':
        return { command: 'display', names: this.list(() => this.fieldName()) }
      case 'filter':
        return { command: 'filter', expr: this.expr() }
      case 'stats':
        return this.stats()
      case 'sort':
        return this.sort()
      case 'limit':
        return this.limit()
      case 'parse':
        return this.parse()
      case 'dedup':
        return { command: 'dedup', names: this.list(() => this.fieldName()) }
      default:
        throw this.error(token)
    }
  }

  // stats := 'stats' aggregate [ 'as' name ] ( ',' aggregate [ 'as' name ] )* [ 'by' expr [ 'as' name ] ( ',' ... )* ]
  private stats(): Command {
    const aggregates = this.list(() => {
      this.aggregateAllowed = true
      const item = this.named()
      this.aggregateAllowed = false
      if (item.expr.type !== 'call' || !AGGREGATES[item.expr.name.toLowerCase()]) throw this.errorAt(item.expr, 'stats needs an aggregation function')
      return item
    })
    const by = this.acceptWord('by') ? this.list(() => this.named()) : []
    return { command: 'stats', aggregates, by }
  }

  // sort := 'sort' expr [ 'asc' | 'desc' ] ( ',' expr [ 'asc' | 'desc' ] )*
  private sort(): Command {
    return {
      command: 'sort',
      keys: this.list(() => {
        const expr = this.expr()
        // Without a direction the sort is descending (the console's own default query writes `sort @timestamp desc`).
        const descending = this.acceptWord('asc') ? false : (this.acceptWord('desc'), true)
        return { expr, descending }
      }),
    }
  }

  // limit := 'limit' number      (1 to 10,000: §6.1)
  private limit(): Command {
    const token = this.next()
    const count = Number(token.text)
    if (token.type !== 'number' || !Number.isInteger(count) || count < 1 || count > 10_000) throw this.error(token)
    return { command: 'limit', count }
  }

  // parse := 'parse' [ expr ] ( string [ 'as' name ( ',' name )* ] | regex )
  //   A glob string's `*`s are captured in order into the names after `as`; a regex names its captures `(?<name>…)`.
  private parse(): Command {
    let source: Expr = { type: 'field', name: '@message' }
    const first = this.peek()
    if (first.type !== 'string' && first.type !== 'regex') source = this.primary()
    const pattern = this.next()
    if (pattern.type === 'string') {
      if (!this.acceptWord('as')) throw this.error(this.peek())
      const names = this.list(() => this.fieldName())
      const stars = pattern.text.split('*').length - 1
      if (stars !== names.length) throw new QuerySyntaxError(`Expected ${stars} fields after as, found ${names.length}`, pattern.start, pattern.end)
      return { command: 'parse', source, pattern: { glob: pattern.text }, names }
    }
    if (pattern.type === 'regex') {
      const regex = this.regex(pattern)
      const names = [...pattern.text.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1])
      if (names.length === 0) throw new QuerySyntaxError('parse with a regular expression needs named groups (?<name>...)', pattern.start, pattern.end)
      return { command: 'parse', source, pattern: { regex: new RegExp(regex.source, regex.flags) }, names }
    }
    throw this.error(pattern)
  }

  // named := expr [ 'as' name ]
  private named(): Named {
    const startToken = this.peek()
    const expr = this.expr()
    const text = this.source.slice(startToken.start, this.tokens[this.at - 1].end)
    return { expr, name: this.acceptWord('as') ? this.fieldName() : expr.type === 'field' ? expr.name : text }
  }

  // expr := and ( 'or' and )*
  private expr(): Expr {
    let left = this.and()
    while (this.acceptWord('or')) left = { type: 'binary', op: 'or', left, right: this.and() }
    return left
  }

  // and := not ( 'and' not )*
  private and(): Expr {
    let left = this.not()
    while (this.acceptWord('and')) left = { type: 'binary', op: 'and', left, right: this.not() }
    return left
  }

  // not := 'not' not | comparison
  private not(): Expr {
    if (this.acceptWord('not')) return { type: 'unary', op: 'not', operand: this.not() }
    return this.comparison()
  }

  // comparison := additive [ ( '=' | '!=' | '<' | '<=' | '>' | '>=' ) additive
  //                        | [ 'not' ] 'like' ( string | regex ) | '=~' regex | [ 'not' ] 'in' list ]
  private comparison(): Expr {
    const left = this.additive()
    const token = this.peek()
    if (token.type === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(token.text)) {
      this.next()
      return { type: 'binary', op: token.text, left, right: this.additive() }
    }
    if (token.type === 'op' && token.text === '=~') {
      this.next()
      const pattern = this.next()
      if (pattern.type !== 'regex' && pattern.type !== 'string') throw this.error(pattern)
      return { type: 'binary', op: 'like', left, right: pattern.type === 'regex' ? this.regex(pattern) : { type: 'literal', value: pattern.text } }
    }
    const negated = this.peekWord('not') && /^(like|in)$/i.test(this.tokens[this.at + 1]?.text ?? '') ? (this.next(), true) : false
    let result: Expr | undefined
    if (this.acceptWord('like')) {
      const pattern = this.next()
      if (pattern.type !== 'regex' && pattern.type !== 'string') throw this.error(pattern)
      result = { type: 'binary', op: 'like', left, right: pattern.type === 'regex' ? this.regex(pattern) : { type: 'literal', value: pattern.text } }
    } else if (this.acceptWord('in')) {
      result = { type: 'binary', op: 'in', left, right: this.primary() }
      if (result.right.type !== 'list') throw this.errorAt(result.right, 'in needs a list [..]')
    }
    if (!result) return left
    return negated ? { type: 'unary', op: 'not', operand: result } : result
  }

  // additive := multiplicative ( ( '+' | '-' ) multiplicative )*
  private additive(): Expr {
    let left = this.multiplicative()
    for (let op = this.acceptOps('+', '-'); op; op = this.acceptOps('+', '-')) left = { type: 'binary', op, left, right: this.multiplicative() }
    return left
  }

  // multiplicative := power ( ( '*' | '/' | '%' ) power )*
  private multiplicative(): Expr {
    let left = this.power()
    for (let op = this.acceptOps('*', '/', '%'); op; op = this.acceptOps('*', '/', '%')) left = { type: 'binary', op, left, right: this.power() }
    return left
  }

  // power := unary [ '^' power ]
  private power(): Expr {
    const base = this.unary()
    return this.acceptOp('^') ? { type: 'binary', op: '^', left: base, right: this.power() } : base
  }

  // unary := '-' unary | primary
  private unary(): Expr {
    if (this.acceptOp('-')) return { type: 'unary', op: '-', operand: this.unary() }
    return this.primary()
  }

  // primary := number | duration | string | regex | '(' expr ')' | '[' [ expr ( ',' expr )* ] ']'
  //          | name '(' [ '*' | expr ( ',' expr )* ] ')' | name
  private primary(): Expr {
    const token = this.next()
    switch (token.type) {
      case 'number':
        return { type: 'literal', value: Number(token.text) }
      case 'duration': {
        const ms = durationMs(token.text)
        if (ms === undefined) throw this.error(token)
        return { type: 'duration', ms, text: token.text }
      }
      case 'string':
        return { type: 'literal', value: token.text }
      case 'regex':
        return this.regex(token)
      case 'op':
        if (token.text === '(') {
          const inner = this.expr()
          this.expectOp(')')
          return inner
        }
        if (token.text === '[') {
          const items: Expr[] = []
          if (!this.acceptOp(']')) {
            items.push(...this.list(() => this.expr()))
            this.expectOp(']')
          }
          return { type: 'list', items }
        }
        throw this.error(token)
      case 'name': {
        if (this.acceptOp('(')) return this.call(token)
        if (KEYWORDS.has(token.text.toLowerCase()) && this.source[token.start] !== '`') throw this.error(token)
        return { type: 'field', name: token.text }
      }
      default:
        throw this.error(token)
    }
  }

  // call := name '(' [ '*' | expr ( ',' expr )* ] ')'      (the name must be a known function or aggregation)
  private call(token: Token): Expr {
    const name = token.text.toLowerCase()
    const known = FUNCTIONS[name] ?? AGGREGATES[name]
    if (!known) throw new QuerySyntaxError(`${token.text} is not a function`, token.start, token.end)
    const aggregate = !FUNCTIONS[name]
    if (aggregate && !this.aggregateAllowed) throw new QuerySyntaxError(`${token.text} is an aggregation function: it belongs in stats`, token.start, token.end)
    this.aggregateAllowed = false
    const args: Expr[] = []
    if (this.acceptOp('*')) args.push({ type: 'literal', value: '*' })
    else if (!this.peekOp(')')) args.push(...this.list(() => this.expr()))
    const close = this.peek()
    this.expectOp(')')
    if (args.length < known.minArgs || args.length > known.maxArgs)
      throw new QuerySyntaxError(`${token.text} takes ${known.minArgs === known.maxArgs ? known.minArgs : `${known.minArgs} to ${known.maxArgs}`} argument(s), found ${args.length}`, token.start, close.end)
    return { type: 'call', name, args }
  }

  /** `(?i)` at the start of a pattern makes it case-insensitive (§6.1); JavaScript spells that as a flag. */
  private regex(token: Token): Expr & { type: 'regex' } {
    const insensitive = token.text.startsWith('(?i)')
    const source = insensitive ? token.text.slice(4) : token.text
    try {
      new RegExp(source)
    } catch {
      throw new QuerySyntaxError(`Invalid regular expression /${token.text}/`, token.start, token.end)
    }
    return { type: 'regex', source, flags: insensitive ? 'i' : '' }
  }

  private fieldName(): string {
    const token = this.next()
    if (token.type !== 'name' || (KEYWORDS.has(token.text.toLowerCase()) && this.source[token.start] !== '`')) throw this.error(token)
    return token.text
  }

  private list<T>(item: () => T): T[] {
    const items = [item()]
    while (this.acceptOp(',')) items.push(item())
    return items
  }

  private peek(): Token {
    return this.tokens[this.at]
  }
  private next(): Token {
    const token = this.tokens[this.at]
    if (token.type !== 'end') this.at++
    return token
  }
  private peekOp(op: string): boolean {
    const t = this.peek()
    return t.type === 'op' && t.text === op
  }
  private acceptOp(op: string): boolean {
    return this.peekOp(op) ? (this.at++, true) : false
  }
  private acceptOps(...ops: string[]): string | undefined {
    const t = this.peek()
    return t.type === 'op' && ops.includes(t.text) ? (this.at++, t.text) : undefined
  }
  private expectOp(op: string): void {
    if (!this.acceptOp(op)) throw this.error(this.peek())
  }
  private peekWord(word: string): boolean {
    const t = this.peek()
    return t.type === 'name' && t.text.toLowerCase() === word && this.source[t.start] !== '`'
  }
  private acceptWord(word: string): boolean {
    return this.peekWord(word) ? (this.at++, true) : false
  }
  private error(token: Token): QuerySyntaxError {
    const symbol = token.type === 'end' ? '<EOF>' : this.source.slice(token.start, token.end)
    return new QuerySyntaxError(unexpected(symbol, this.source, token.start), token.start, token.end)
  }
  private errorAt(_expr: Expr, message: string): QuerySyntaxError {
    const token = this.tokens[Math.max(0, this.at - 1)]
    return new QuerySyntaxError(`${message}: ${unexpected(this.source.slice(token.start, token.end), this.source, token.start)}`, token.start, token.end)
  }
}
