import { invalidParameter } from './errors.ts'

/**
 * Filter patterns as FilterLogEvents and `logs tail --filter-pattern` take them
 * [doc https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html]:
 *
 *   pattern  := '' | terms | '{' json '}'
 *   terms    := term ( ' ' term )*          every term must match; `-term` must not; if any term is `?term`, one of
 *                                           the `?` terms must match. A term is a word, a "quoted phrase" or %regex%.
 *                                           Matching is case-sensitive.
 *   json     := or
 *   or       := and ( '||' and )*
 *   and      := atom ( '&&' atom )*
 *   atom     := '(' or ')' | selector ( op value | 'IS' ( 'TRUE' | 'FALSE' | 'NULL' ) | 'NOT' 'EXISTS' | 'EXISTS' )
 *   selector := '$' ( '.' name | '[' index ']' )*
 *   op       := '=' | '!=' | '<' | '<=' | '>' | '>='
 *   value    := "string" (`*` a wildcard) | number | bare word
 *
 * Returns a test of one message; an invalid pattern throws InvalidParameterException.
 */
export function compileFilterPattern(pattern: string | undefined): (message: string) => boolean {
  const text = (pattern ?? '').trim()
  if (text === '') return () => true
  if (text.startsWith('{')) return jsonPattern(text)
  return termsPattern(text)
}

const invalid = () => invalidParameter('Invalid filter pattern')

function termsPattern(text: string): (message: string) => boolean {
  const required: ((m: string) => boolean)[] = []
  const excluded: ((m: string) => boolean)[] = []
  const optional: ((m: string) => boolean)[] = []
  const re = /([-?]?)(?:"((?:[^"\\]|\\.)*)"|%([^%]+)%|(\S+))/g
  for (const m of text.matchAll(re)) {
    const [, sign, phrase, regex, word] = m
    let test: (message: string) => boolean
    if (regex !== undefined) {
      let r: RegExp
      try {
        r = new RegExp(regex)
      } catch {
        throw invalid()
      }
      test = (message) => r.test(message)
    } else {
      const part = phrase !== undefined ? phrase.replace(/\\(.)/g, '$1') : word
      test = (message) => message.includes(part)
    }
    ;(sign === '-' ? excluded : sign === '?' ? optional : required).push(test)
  }
  return (message) =>
    required.every((t) => t(message)) && !excluded.some((t) => t(message)) && (optional.length === 0 || optional.some((t) => t(message)))
}

type Json = unknown
type Test = (doc: Json) => boolean

function jsonPattern(text: string): (message: string) => boolean {
  if (!text.endsWith('}')) throw invalid()
  const tokens = text.slice(1, -1).match(/"(?:[^"\\]|\\.)*"|\$(?:\.[A-Za-z0-9_\-@]+|\[\d+\]|\.\*)*|&&|\|\||!=|<=|>=|[=<>()]|[^\s=<>()!&|"]+/g)
  if (!tokens) throw invalid()
  let at = 0
  const peek = () => tokens[at]
  const next = () => tokens[at++]
  const or = (): Test => {
    const parts = [and()]
    while (peek() === '||') {
      next()
      parts.push(and())
    }
    return (doc) => parts.some((p) => p(doc))
  }
  const and = (): Test => {
    const parts = [atom()]
    while (peek() === '&&') {
      next()
      parts.push(atom())
    }
    return (doc) => parts.every((p) => p(doc))
  }
  const atom = (): Test => {
    const token = next()
    if (token === '(') {
      const inner = or()
      if (next() !== ')') throw invalid()
      return inner
    }
    if (!token?.startsWith('$')) throw invalid()
    const path = [...token.slice(1).matchAll(/\.([A-Za-z0-9_\-@*]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2])
    const select = (doc: Json): Json => path.reduce<Json>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, Json>)[key] : undefined), doc)
    const word = peek()?.toUpperCase()
    if (word === 'IS') {
      next()
      const what = next()?.toUpperCase()
      if (what === 'TRUE') return (doc) => select(doc) === true
      if (what === 'FALSE') return (doc) => select(doc) === false
      if (what === 'NULL') return (doc) => select(doc) === null
      throw invalid()
    }
    if (word === 'NOT') {
      next()
      if (next()?.toUpperCase() !== 'EXISTS') throw invalid()
      return (doc) => select(doc) === undefined
    }
    if (word === 'EXISTS') {
      next()
      return (doc) => select(doc) !== undefined
    }
    const op = next()
    const raw = next()
    if (!['=', '!=', '<', '<=', '>', '>='].includes(op ?? '') || raw === undefined) throw invalid()
    const quoted = raw.startsWith('"')
    const value = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw
    const number = Number(value)
    if (!quoted && !Number.isNaN(number) && value !== '') {
      const cmp = (x: number) => (op === '=' ? x === number : op === '!=' ? x !== number : op === '<' ? x < number : op === '<=' ? x <= number : op === '>' ? x > number : x >= number)
      return (doc) => {
        const v = select(doc)
        return typeof v === 'number' && cmp(v)
      }
    }
    if (op !== '=' && op !== '!=') throw invalid()
    const wildcard = new RegExp(`^${value.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
    return (doc) => {
      const v = select(doc)
      if (v === undefined || (v !== null && typeof v === 'object')) return false
      const matches = wildcard.test(String(v))
      return op === '=' ? matches : !matches
    }
  }
  const test = or()
  if (at !== tokens.length) throw invalid()
  return (message) => {
    let doc: Json
    try {
      doc = JSON.parse(message)
    } catch {
      return false
    }
    return doc !== null && typeof doc === 'object' && test(doc)
  }
}
