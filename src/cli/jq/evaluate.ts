import type { Json, Node } from './ast.ts'
import { callBuiltin } from './builtins.ts'
import { described, JqCompileError, JqRuntimeError, typeOf } from './errors.ts'
import { compareJson, equalJson, formatString, isObject, truthy } from './values.ts'

export type Env = ReadonlyMap<string, Json>

/** Every output of `node` for one input, in order (jq's generators, run eagerly: inputs here are small). */
export function evaluate(node: Node, input: Json, env: Env): Json[] {
  switch (node.kind) {
    case 'identity':
      return [input]
    case 'recurse':
      return recurse(input)
    case 'literal':
      return [node.value]
    case 'string':
      return interpolate(node.parts, input, env, node.format)
    case 'format':
      return [formatString(node.name, input)]
    case 'variable': {
      if (!env.has(node.name)) throw new JqCompileError(`$${node.name} is not defined`)
      return [env.get(node.name) ?? null]
    }
    case 'index':
      return evaluate(node.target, input, env).flatMap((target) => evaluate(node.key, input, env).map((key) => index(target, key)))
    case 'slice':
      return evaluate(node.target, input, env).map((target) => slice(target, node.from ? first(node.from, input, env) : null, node.to ? first(node.to, input, env) : null))
    case 'iterate':
      return evaluate(node.target, input, env).flatMap(iterate)
    case 'optional':
      try {
        return evaluate(node.body, input, env)
      } catch (error) {
        if (error instanceof JqRuntimeError) return []
        throw error
      }
    case 'pipe':
      return evaluate(node.left, input, env).flatMap((value) => evaluate(node.right, value, env))
    case 'comma':
      return [...evaluate(node.left, input, env), ...evaluate(node.right, input, env)]
    case 'binary':
      return cartesian(node.left, node.right, input, env).map(([a, b]) => binary(node.op, a, b))
    case 'and':
    case 'or':
      return evaluate(node.left, input, env).flatMap((a) => {
        if (node.kind === 'and' && !truthy(a)) return [false]
        if (node.kind === 'or' && truthy(a)) return [true]
        return evaluate(node.right, input, env).map(truthy)
      })
    case 'alternative': {
      let good: Json[] = []
      try {
        good = evaluate(node.left, input, env).filter(truthy)
      } catch (error) {
        if (!(error instanceof JqRuntimeError)) throw error
      }
      return good.length ? good : evaluate(node.right, input, env)
    }
    case 'negate':
      return evaluate(node.body, input, env).map((v) => {
        if (typeof v !== 'number') throw new JqRuntimeError(`${described(v)} cannot be negated`)
        return -v
      })
    case 'array':
      return [node.body ? evaluate(node.body, input, env) : []]
    case 'object':
      return buildObjects(node.entries, input, env)
    case 'call':
      return callBuiltin(node.name, node.args, input, env)
    case 'if':
      return conditional(node.branches, node.otherwise, input, env)
    case 'as':
      return evaluate(node.source, input, env).flatMap((value) => evaluate(node.body, input, new Map(env).set(node.name, value)))
    case 'reduce':
      return evaluate(node.init, input, env).map((init) =>
        evaluate(node.source, input, env).reduce<Json>((acc, value) => last(node.update, acc, new Map(env).set(node.name, value)), init),
      )
  }
}

export const first = (node: Node, input: Json, env: Env): Json => evaluate(node, input, env)[0] ?? null
const last = (node: Node, input: Json, env: Env): Json => evaluate(node, input, env).at(-1) ?? null

function cartesian(left: Node, right: Node, input: Json, env: Env): [Json, Json][] {
  // jq runs the right operand in the outer loop: `(1,2) + (10,20)` is 11, 12, 21, 22.
  return evaluate(right, input, env).flatMap((b) => evaluate(left, input, env).map((a): [Json, Json] => [a, b]))
}

function conditional(branches: { cond: Node; then: Node }[], otherwise: Node | undefined, input: Json, env: Env): Json[] {
  const [branch, ...rest] = branches
  if (!branch) return otherwise ? evaluate(otherwise, input, env) : [input]
  return evaluate(branch.cond, input, env).flatMap((c) => (truthy(c) ? evaluate(branch.then, input, env) : conditional(rest, otherwise, input, env)))
}

function interpolate(parts: (string | Node)[], input: Json, env: Env, format: string | undefined): Json[] {
  let results = ['']
  for (const part of parts) {
    if (typeof part === 'string') results = results.map((r) => r + part)
    else {
      const values = evaluate(part, input, env).map((v) => (format ? formatString(format, v) : typeof v === 'string' ? v : JSON.stringify(v)))
      results = values.flatMap((v) => results.map((r) => r + v))
    }
  }
  return results
}

function buildObjects(entries: { key: Node; value: Node }[], input: Json, env: Env): Json[] {
  let objects: { [key: string]: Json }[] = [{}]
  for (const entry of entries) {
    const keys = evaluate(entry.key, input, env)
    const values = evaluate(entry.value, input, env)
    const next: { [key: string]: Json }[] = []
    for (const object of objects)
      for (const key of keys) {
        if (typeof key !== 'string') throw new JqRuntimeError(`Object keys must be strings`)
        for (const value of values) next.push({ ...object, [key]: value })
      }
    objects = next
  }
  return objects
}

export function index(target: Json, key: Json): Json {
  if (target === null) {
    if (typeof key === 'string' || typeof key === 'number' || key === null) return null
    throw new JqRuntimeError(`Cannot index null with ${typeOf(key)}`)
  }
  if (typeof key === 'string') {
    if (isObject(target)) return Object.hasOwn(target, key) ? (target[key] ?? null) : null
    throw new JqRuntimeError(`Cannot index ${typeOf(target)} with "${key}"`)
  }
  if (typeof key === 'number') {
    if (Array.isArray(target)) {
      const at = Math.floor(key)
      return target[at < 0 ? target.length + at : at] ?? null
    }
    throw new JqRuntimeError(`Cannot index ${typeOf(target)} with number`)
  }
  if (isObject(key) && Array.isArray(target) && ('start' in key || 'end' in key)) return slice(target, key.start ?? null, key.end ?? null)
  throw new JqRuntimeError(`Cannot index ${typeOf(target)} with ${typeOf(key)}`)
}

function slice(target: Json, from: Json, to: Json): Json {
  if (target === null) return null
  if (typeof target !== 'string' && !Array.isArray(target)) throw new JqRuntimeError(`Cannot index ${typeOf(target)} with object`)
  const n = typeof target === 'string' ? [...target].length : target.length
  const clamp = (v: Json, fallback: number): number => {
    if (v === null) return fallback
    if (typeof v !== 'number') throw new JqRuntimeError('Start and end indices of an array slice must be numbers')
    return Math.min(n, Math.max(0, v < 0 ? n + Math.floor(v) : Math.floor(v)))
  }
  const [a, b] = [clamp(from, 0), clamp(to, n)]
  return typeof target === 'string' ? [...target].slice(a, b).join('') : target.slice(a, b)
}

export function iterate(value: Json): Json[] {
  if (Array.isArray(value)) return value
  if (isObject(value)) return Object.values(value)
  throw new JqRuntimeError(`Cannot iterate over ${value === null ? 'null' : described(value)}`)
}

function recurse(value: Json): Json[] {
  const out: Json[] = [value]
  if (Array.isArray(value) || isObject(value)) for (const child of iterate(value)) out.push(...recurse(child))
  return out
}

function binary(op: string, a: Json, b: Json): Json {
  switch (op) {
    case '==':
      return equalJson(a, b)
    case '!=':
      return !equalJson(a, b)
    case '<':
      return compareJson(a, b) < 0
    case '<=':
      return compareJson(a, b) <= 0
    case '>':
      return compareJson(a, b) > 0
    case '>=':
      return compareJson(a, b) >= 0
  }
  if (op === '+') {
    if (a === null) return b
    if (b === null) return a
    if (typeof a === 'number' && typeof b === 'number') return a + b
    if (typeof a === 'string' && typeof b === 'string') return a + b
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b]
    if (isObject(a) && isObject(b)) return { ...a, ...b }
  } else if (op === '-') {
    if (typeof a === 'number' && typeof b === 'number') return a - b
    if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equalJson(x, y)))
  } else if (typeof a === 'number' && typeof b === 'number') {
    if ((op === '/' || op === '%') && b === 0) throw new JqRuntimeError(`${described(a)} and ${described(b)} cannot be ${op === '/' ? 'divided because the divisor is zero' : 'divided because the divisor is zero'}`)
    return op === '*' ? a * b : op === '/' ? a / b : Math.trunc(a) % Math.trunc(b)
  } else if (op === '/' && typeof a === 'string' && typeof b === 'string') return a.split(b)
  const verb = { '+': 'added', '-': 'subtracted', '*': 'multiplied', '/': 'divided', '%': 'divided' }[op] ?? 'combined'
  throw new JqRuntimeError(`${described(a)} and ${described(b)} cannot be ${verb}`)
}
