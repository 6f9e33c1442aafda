import { invalidParameter } from './errors.ts'

/**
 * The cluster query language: the expressions of `memberOf` placement constraints and of
 * `list-container-instances --filter` (ECS Developer Guide, cluster-query-language.html). A subset: the subjects and
 * operators below; `unique` and timestamp arithmetic on `registeredAt` are left out.
 *
 * Grammar (one rule per function below):
 *   expression := and { ("||" | "or") and }
 *   and        := unary { ("&&" | "and") unary }
 *   unary      := ("!" | "not") unary | "(" expression ")" | comparison
 *   comparison := subject ( op value | "exists" | ("!exists" | "not_exists") | ("in" | "!in" | "not_in") list )
 *   op         := "==" | "equals" | "!=" | "not_equals" | ">" | "greater_than" | ">=" | "greater_than_equal"
 *               | "<" | "less_than" | "<=" | "less_than_equal" | "=~" | "matches" | "!~" | "not_matches"
 *   subject    := "attribute:" name | "ec2InstanceId" | "agentConnected" | "agentVersion" | "registeredAt"
 *               | "runningTasksCount" | "task:group"
 *   list       := "[" value { "," value } "]"
 *   value      := a word of letters, digits and . _ - * : / (or a 'quoted' / "quoted" string)
 * `==` compares text, with `*` as a wildcard (as in `attribute:ecs.instance-type == t2.*`); `=~` matches a regular
 * expression against the whole value.
 */

/** What an expression is evaluated against: one container instance. */
export interface QuerySubject {
  attribute(name: string): string | undefined
  ec2InstanceId: string
  agentConnected: boolean
  agentVersion: string
  registeredAt: number
  runningTasksCount: number
  /** Whether a task of this group (`service:web`, `family:web`) runs on the instance. */
  hasTaskGroup(group: string): boolean
}

export type Query = (s: QuerySubject) => boolean

// ECS's wording for a malformed expression is not documented: this one is ours (unverified).
const malformed = (expression: string, why: string) => invalidParameter(`Invalid expression ${expression}: ${why}.`)

const OPS: Readonly<Record<string, string>> = {
  '==': '==', equals: '==', '!=': '!=', not_equals: '!=', '>': '>', greater_than: '>', '>=': '>=', greater_than_equal: '>=',
  '<': '<', less_than: '<', '<=': '<=', less_than_equal: '<=', '=~': '=~', matches: '=~', '!~': '!~', not_matches: '!~',
}

/** Tokens: punctuation, operators, quoted strings, words. */
function tokenize(text: string): string[] {
  const out: string[] = []
  const re = /\s*(\(|\)|\[|\]|,|&&|\|\||==|!=|>=|<=|=~|!~|>|<|!exists|!in|!|'[^']*'|"[^"]*"|[^\s()[\],!=<>~'"&|]+)/y
  let i = 0
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break
    re.lastIndex = i
    const m = re.exec(text)
    if (!m) throw malformed(text, `unexpected '${text.slice(i).trim()[0]}'`)
    out.push(m[1])
    i = re.lastIndex
  }
  return out
}

const SUBJECTS = new Set(['ec2InstanceId', 'agentConnected', 'agentVersion', 'registeredAt', 'runningTasksCount', 'task:group'])

/** Parses an expression into a predicate, or throws InvalidParameterException. */
export function parseQuery(text: string): Query {
  const tokens = tokenize(text)
  let pos = 0
  const peek = () => tokens[pos]
  const take = () => tokens[pos++]
  const unquote = (t: string | undefined) => {
    if (t === undefined || '()[],'.includes(t)) throw malformed(text, 'a value is missing')
    return /^['"]/.test(t) ? t.slice(1, -1) : t
  }

  function expression(): Query {
    let left = and()
    while (peek() === '||' || peek()?.toLowerCase() === 'or') {
      take()
      const l = left
      const r = and()
      left = (s) => l(s) || r(s)
    }
    return left
  }
  function and(): Query {
    let left = unary()
    while (peek() === '&&' || peek()?.toLowerCase() === 'and') {
      take()
      const l = left
      const r = unary()
      left = (s) => l(s) && r(s)
    }
    return left
  }
  function unary(): Query {
    const t = peek()
    if (t === '!' || t?.toLowerCase() === 'not') {
      take()
      const inner = unary()
      return (s) => !inner(s)
    }
    if (t === '(') {
      take()
      const inner = expression()
      if (take() !== ')') throw malformed(text, "a ')' is missing")
      return inner
    }
    return comparison()
  }
  function list(): string[] {
    if (take() !== '[') throw malformed(text, "a list starts with '['")
    const values = [unquote(take())]
    while (peek() === ',') {
      take()
      values.push(unquote(take()))
    }
    if (take() !== ']') throw malformed(text, "a ']' is missing")
    return values
  }
  function comparison(): Query {
    const subject = take()
    if (subject === undefined) throw malformed(text, 'the expression ends early')
    if (!subject.startsWith('attribute:') && !SUBJECTS.has(subject)) throw malformed(text, `unknown subject '${subject}'`)
    const get = (s: QuerySubject): string | undefined => {
      if (subject.startsWith('attribute:')) return s.attribute(subject.slice('attribute:'.length))
      if (subject === 'ec2InstanceId') return s.ec2InstanceId
      if (subject === 'agentConnected') return String(s.agentConnected)
      if (subject === 'agentVersion') return s.agentVersion
      if (subject === 'registeredAt') return String(s.registeredAt)
      if (subject === 'runningTasksCount') return String(s.runningTasksCount)
      return undefined
    }
    const word = take()?.toLowerCase()
    if (word === undefined) throw malformed(text, `an operator is missing after '${subject}'`)
    if (subject === 'task:group') {
      if (word === 'in' || word === '!in' || word === 'not_in') {
        const groups = list()
        const any = (s: QuerySubject) => groups.some((g) => s.hasTaskGroup(g))
        return word === 'in' ? any : (s) => !any(s)
      }
      const group = unquote(take())
      if (OPS[word] === '==') return (s) => s.hasTaskGroup(group)
      if (OPS[word] === '!=') return (s) => !s.hasTaskGroup(group)
      throw malformed(text, `task:group takes ==, !=, in or not_in`)
    }
    if (word === 'exists') return (s) => get(s) !== undefined
    if (word === '!exists' || word === 'not_exists') return (s) => get(s) === undefined
    if (word === 'in' || word === '!in' || word === 'not_in') {
      const values = list()
      const inList = (s: QuerySubject) => values.some((v) => wildcard(v).test(get(s) ?? '\u0000'))
      return word === 'in' ? (s) => get(s) !== undefined && inList(s) : (s) => !inList(s)
    }
    const op = OPS[word]
    if (!op) throw malformed(text, `unknown operator '${word}'`)
    const value = unquote(take())
    switch (op) {
      case '==':
        return (s) => get(s) !== undefined && wildcard(value).test(get(s)!)
      case '!=':
        return (s) => get(s) === undefined || !wildcard(value).test(get(s)!)
      case '=~':
      case '!~': {
        let re: RegExp
        try {
          re = new RegExp(`^(?:${value})$`)
        } catch {
          throw malformed(text, `'${value}' is not a regular expression`)
        }
        return op === '=~' ? (s) => get(s) !== undefined && re.test(get(s)!) : (s) => get(s) === undefined || !re.test(get(s)!)
      }
      default: {
        const n = Number(value)
        if (!Number.isFinite(n)) throw malformed(text, `'${value}' is not a number`)
        const cmp = (a: number) => (op === '>' ? a > n : op === '>=' ? a >= n : op === '<' ? a < n : a <= n)
        return (s) => get(s) !== undefined && cmp(Number(get(s)))
      }
    }
  }

  const query = expression()
  if (pos < tokens.length) throw malformed(text, `unexpected '${tokens[pos]}'`)
  return query
}

const wildcards = new Map<string, RegExp>()
/** `t2.*` as a whole-value pattern where `*` is any text (other characters literal). */
function wildcard(value: string): RegExp {
  let re = wildcards.get(value)
  if (!re) {
    re = new RegExp(`^${value.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
    wildcards.set(value, re)
  }
  return re
}
