import type { Json, Node } from './ast.ts'
import { JqCompileError } from './errors.ts'
import { KEYWORDS, lex, syntaxError, type Token } from './lex.ts'

/**
 * The jq language this sandbox runs, a subset of jq 1.7's (https://jqlang.org/manual/):
 *
 * pipe     = comma [ "as" "$" name "|" pipe ] *( "|" pipe )
 * comma    = alt *( "," alt )
 * alt      = or *( "//" or )
 * or       = and *( "or" and )
 * and      = compare *( "and" compare )
 * compare  = sum [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) sum ]
 * sum      = product *( ( "+" | "-" ) product )
 * product  = unary *( ( "*" | "/" | "%" ) unary )
 * unary    = "-" unary | postfix
 * postfix  = primary *( "." name | "." string | "[" "]" | "[" pipe "]" | "[" [pipe] ":" [pipe] "]" | "?" )
 * primary  = "." | ".." | "." name | "." string | "." "[" ... "]" | number | string | format [ string ] | "$" name
 *          | "(" pipe ")" | "[" [ pipe ] "]" | "{" [ entry *( "," entry ) ] "}"
 *          | name [ "(" pipe *( ";" pipe ) ")" ]                      ; builtins: builtins.ts
 *          | "if" pipe "then" pipe *( "elif" pipe "then" pipe ) [ "else" pipe ] "end"
 *          | "reduce" postfix "as" "$" name "(" pipe ";" pipe ")"
 *          | "try" postfix                                           ; without catch: errors give no output
 * entry    = ( name | keyword | string | "$" name | "(" pipe ")" ) [ ":" alt ]   ; {name} is {name: .name}
 *
 * Not here: def, foreach, label, paths and assignment operators (=, |=, +=), which jq reports as usual
 * syntax errors or `name/arity is not defined`.
 */
export function parseProgram(src: string): Node {
  const parser = new Parser(lex(src, parseProgram))
  const node = parser.pipe()
  parser.expectEnd()
  return node
}

class Parser {
  private pos = 0
  private readonly tokens: Token[]
  constructor(tokens: Token[]) {
    this.tokens = tokens
  }

  private get tok(): Token {
    return this.tokens[this.pos] ?? { t: 'eof' }
  }

  private isOp(v: string): boolean {
    return this.tok.t === 'op' && this.tok.v === v
  }

  private isWord(v: string): boolean {
    return this.tok.t === 'ident' && this.tok.v === v
  }

  private unexpected(): JqCompileError {
    const t = this.tok
    if (t.t === 'eof') return syntaxError('end of file')
    if (t.t === 'op') return syntaxError(`'${t.v}'`)
    if (t.t === 'ident') return syntaxError(KEYWORDS.has(t.v) ? t.v : 'IDENT')
    if (t.t === 'num') return syntaxError('LITERAL')
    if (t.t === 'str') return syntaxError('QQSTRING_START')
    if (t.t === 'var') return syntaxError("'$'")
    return syntaxError(t.t === 'format' ? 'FORMAT' : 'FIELD')
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw this.unexpected()
    this.pos++
  }

  private expectWord(v: string): void {
    if (!this.isWord(v)) throw this.unexpected()
    this.pos++
  }

  expectEnd(): void {
    if (this.tok.t !== 'eof') throw this.unexpected()
  }

  pipe(): Node {
    const left = this.comma()
    if (this.isWord('as')) {
      this.pos++
      const name = this.variableName()
      this.expectOp('|')
      return { kind: 'as', source: left, name, body: this.pipe() }
    }
    if (this.isOp('|')) {
      this.pos++
      return { kind: 'pipe', left, right: this.pipe() }
    }
    return left
  }

  private variableName(): string {
    const t = this.tok
    if (t.t !== 'var') throw this.unexpected()
    this.pos++
    return t.v
  }

  private comma(): Node {
    let left = this.alt()
    while (this.isOp(',')) {
      this.pos++
      left = { kind: 'comma', left, right: this.alt() }
    }
    return left
  }

  private alt(): Node {
    const left = this.or()
    if (!this.isOp('//')) return left
    this.pos++
    return { kind: 'alternative', left, right: this.alt() }
  }

  private or(): Node {
    let left = this.and()
    while (this.isWord('or')) {
      this.pos++
      left = { kind: 'or', left, right: this.and() }
    }
    return left
  }

  private and(): Node {
    let left = this.compare()
    while (this.isWord('and')) {
      this.pos++
      left = { kind: 'and', left, right: this.compare() }
    }
    return left
  }

  private compare(): Node {
    const left = this.sum()
    const t = this.tok
    if (t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.pos++
      return { kind: 'binary', op: t.v as '==', left, right: this.sum() }
    }
    return left
  }

  private sum(): Node {
    let left = this.product()
    for (let t = this.tok; t.t === 'op' && (t.v === '+' || t.v === '-'); t = this.tok) {
      this.pos++
      left = { kind: 'binary', op: t.v as '+', left, right: this.product() }
    }
    return left
  }

  private product(): Node {
    let left = this.unary()
    for (let t = this.tok; t.t === 'op' && (t.v === '*' || t.v === '/' || t.v === '%'); t = this.tok) {
      this.pos++
      left = { kind: 'binary', op: t.v as '*', left, right: this.unary() }
    }
    return left
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.pos++
      return { kind: 'negate', body: this.unary() }
    }
    return this.postfix()
  }

  private postfix(): Node {
    let node = this.primary()
    for (;;) {
      const t = this.tok
      if (t.t === 'field') {
        this.pos++
        node = { kind: 'index', target: node, key: { kind: 'literal', value: t.v } }
      } else if (this.isOp('.') && this.tokens[this.pos + 1]?.t === 'str') {
        this.pos++
        node = { kind: 'index', target: node, key: this.primary() }
      } else if (this.isOp('.') && this.tokens[this.pos + 1]?.t === 'op' && (this.tokens[this.pos + 1] as { v: string }).v === '[') {
        this.pos++
      } else if (this.isOp('[')) node = this.bracket(node)
      else if (this.isOp('?')) {
        this.pos++
        node = { kind: 'optional', body: node }
      } else return node
    }
  }

  /** "[" "]" | "[" pipe "]" | "[" [pipe] ":" [pipe] "]" after a term */
  private bracket(target: Node): Node {
    this.expectOp('[')
    if (this.isOp(']')) {
      this.pos++
      return { kind: 'iterate', target }
    }
    const from = this.isOp(':') ? undefined : this.pipe()
    if (this.isOp(':')) {
      this.pos++
      const to = this.isOp(']') ? undefined : this.pipe()
      this.expectOp(']')
      return { kind: 'slice', target, from, to }
    }
    this.expectOp(']')
    return { kind: 'index', target, key: from ?? { kind: 'identity' } }
  }

  private primary(): Node {
    const t = this.tok
    switch (t.t) {
      case 'num':
        this.pos++
        return { kind: 'literal', value: t.v }
      case 'str':
        this.pos++
        return { kind: 'string', parts: t.parts }
      case 'field':
        this.pos++
        return { kind: 'index', target: { kind: 'identity' }, key: { kind: 'literal', value: t.v } }
      case 'var':
        this.pos++
        return { kind: 'variable', name: t.v }
      case 'format': {
        this.pos++
        const next = this.tok
        if (next.t === 'str') {
          this.pos++
          return { kind: 'string', parts: next.parts, format: t.v }
        }
        return { kind: 'format', name: t.v }
      }
      case 'ident':
        return this.named(t.v)
      case 'op':
        return this.punctuation(t.v)
      case 'eof':
        throw this.unexpected()
    }
  }

  private punctuation(op: string): Node {
    if (op === '.') {
      this.pos++
      const next = this.tok
      if (next.t === 'str') {
        this.pos++
        return { kind: 'index', target: { kind: 'identity' }, key: { kind: 'string', parts: next.parts } }
      }
      return { kind: 'identity' }
    }
    if (op === '..') {
      this.pos++
      return { kind: 'recurse' }
    }
    if (op === '(') {
      this.pos++
      const body = this.pipe()
      this.expectOp(')')
      return body
    }
    if (op === '[') {
      this.pos++
      if (this.isOp(']')) {
        this.pos++
        return { kind: 'array' }
      }
      const body = this.pipe()
      this.expectOp(']')
      return { kind: 'array', body }
    }
    if (op === '{') return this.object()
    throw this.unexpected()
  }

  private object(): Node {
    this.expectOp('{')
    const entries: { key: Node; value: Node }[] = []
    while (!this.isOp('}')) {
      const t = this.tok
      let key: Node
      let value: Node | undefined
      if (t.t === 'ident' || t.t === 'field') {
        this.pos++
        key = { kind: 'literal', value: t.v }
      } else if (t.t === 'str') {
        this.pos++
        key = { kind: 'string', parts: t.parts }
      } else if (t.t === 'var') {
        this.pos++
        key = { kind: 'literal', value: t.v }
        value = { kind: 'variable', name: t.v }
      } else if (this.isOp('(')) {
        this.pos++
        key = this.pipe()
        this.expectOp(')')
      } else throw this.unexpected()
      if (this.isOp(':')) {
        this.pos++
        value = this.objectValue()
      }
      entries.push({ key, value: value ?? { kind: 'index', target: { kind: 'identity' }, key } })
      if (!this.isOp(',')) break
      this.pos++
    }
    this.expectOp('}')
    return { kind: 'object', entries }
  }

  /** An object value stops at "," (jq's ObjVal): `{a: .x | length, b: 1}`. */
  private objectValue(): Node {
    const left = this.alt()
    if (this.isOp('|')) {
      this.pos++
      return { kind: 'pipe', left, right: this.objectValue() }
    }
    return left
  }

  private named(name: string): Node {
    this.pos++
    if (name === 'if') return this.conditional()
    if (name === 'reduce') {
      const source = this.postfix()
      this.expectWord('as')
      const variable = this.variableName()
      this.expectOp('(')
      const init = this.pipe()
      this.expectOp(';')
      const update = this.pipe()
      this.expectOp(')')
      return { kind: 'reduce', source, name: variable, init, update }
    }
    if (name === 'try') return { kind: 'optional', body: this.postfix() }
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' }
    if (name === 'null') return { kind: 'literal', value: null as Json }
    if (KEYWORDS.has(name) && name !== 'not') {
      this.pos--
      throw this.unexpected()
    }
    const args: Node[] = []
    if (this.isOp('(')) {
      this.pos++
      args.push(this.pipe())
      while (this.isOp(';')) {
        this.pos++
        args.push(this.pipe())
      }
      this.expectOp(')')
    }
    return { kind: 'call', name, args }
  }

  private conditional(): Node {
    const branches: { cond: Node; then: Node }[] = []
    let cond = this.pipe()
    for (;;) {
      this.expectWord('then')
      branches.push({ cond, then: this.pipe() })
      if (!this.isWord('elif')) break
      this.pos++
      cond = this.pipe()
    }
    let otherwise: Node | undefined
    if (this.isWord('else')) {
      this.pos++
      otherwise = this.pipe()
    }
    this.expectWord('end')
    return { kind: 'if', branches, otherwise }
  }
}
