import type { Json, Node } from './ast.ts'
import { described, JqCompileError, JqRuntimeError, typeOf } from './errors.ts'
import { evaluate, first, iterate, type Env } from './evaluate.ts'
import { compareJson, equalJson, isObject, truthy } from './values.ts'

type Impl = (args: Node[], input: Json, env: Env) => Json[]

const one = (f: (input: Json) => Json): Impl => (_args, input) => [f(input)]
const withArg = (f: (input: Json, arg: Json) => Json): Impl => (args, input, env) => evaluate(args[0] as Node, input, env).map((a) => f(input, a))

const needArray = (v: Json, what: string): Json[] => {
  if (!Array.isArray(v)) throw new JqRuntimeError(`Cannot ${what} ${described(v)}`)
  return v
}
const needString = (v: Json, fn: string): string => {
  if (typeof v !== 'string') throw new JqRuntimeError(`${described(v)} cannot be ${fn}`)
  return v
}

function length(v: Json): Json {
  if (v === null) return 0
  if (typeof v === 'boolean') throw new JqRuntimeError(`${described(v)} has no length`)
  if (typeof v === 'number') return Math.abs(v)
  if (typeof v === 'string') return [...v].length
  return Array.isArray(v) ? v.length : Object.keys(v).length
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i)
  if (!isObject(v)) throw new JqRuntimeError(`${described(v)} has no keys`)
  const names = Object.keys(v)
  return sorted ? names.sort() : names
}

const sortBy = (values: Json[], keyOf: (v: Json) => Json): Json[] =>
  values.map((v, i) => ({ v, k: keyOf(v), i })).sort((a, b) => compareJson(a.k, b.k) || a.i - b.i).map((x) => x.v)

const keyed = (args: Node[], env: Env) => (v: Json): Json => evaluate(args[0] as Node, v, env)

function groupBy(values: Json[], keyOf: (v: Json) => Json): Json[][] {
  const groups: Json[][] = []
  let lastKey: Json | undefined
  for (const v of sortBy(values, keyOf)) {
    const k = keyOf(v)
    if (lastKey !== undefined && equalJson(k, lastKey)) groups[groups.length - 1]?.push(v)
    else groups.push([v])
    lastKey = k
  }
  return groups
}

function contains(a: Json, b: Json): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b)
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y)))
  if (isObject(a) && isObject(b)) return Object.keys(b).every((k) => Object.hasOwn(a, k) && contains(a[k] ?? null, b[k] ?? null))
  if (typeOf(a) !== typeOf(b)) throw new JqRuntimeError(`${described(a)} and ${described(b)} cannot have their containment checked`)
  return equalJson(a, b)
}

function regex(re: Json, flags: Json): RegExp {
  const f = typeof flags === 'string' ? flags.replace(/[^gimsx]/g, '').replace('x', '') : ''
  try {
    return new RegExp(needString(re, 'matched, as it is not a string'), f)
  } catch {
    throw new JqRuntimeError(`${JSON.stringify(re)} (at offset 0) is not a valid regex`)
  }
}

function toEntries(v: Json): Json {
  if (!isObject(v)) throw new JqRuntimeError(`${described(v)} has no keys`)
  return Object.entries(v).map(([key, value]) => ({ key, value }))
}

function fromEntries(v: Json): Json {
  const out: { [key: string]: Json } = {}
  for (const e of needArray(v, 'iterate over')) {
    if (!isObject(e)) throw new JqRuntimeError(`Cannot index ${typeOf(e)} with "key"`)
    const key = e.key ?? e.k ?? e.name ?? e.Name ?? e.Key ?? e.K ?? null
    const value = Object.hasOwn(e, 'value') ? e.value : Object.hasOwn(e, 'Value') ? e.Value : (e.v ?? null)
    if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean')
      throw new JqRuntimeError(`Cannot use ${described(key)} as object key`)
    out[String(key)] = value ?? null
  }
  return out
}

function flatten(v: Json[], depth: number): Json[] {
  return v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flatten(x, depth - 1) : [x]))
}

function add(v: Json): Json {
  const values = iterate(v)
  if (!values.length) return null
  return values.slice(1).reduce<Json>((acc, x) => {
    if (acc === null) return x
    if (x === null) return acc
    if (typeof acc === 'number' && typeof x === 'number') return acc + x
    if (typeof acc === 'string' && typeof x === 'string') return acc + x
    if (Array.isArray(acc) && Array.isArray(x)) return [...acc, ...x]
    if (isObject(acc) && isObject(x)) return { ...acc, ...x }
    throw new JqRuntimeError(`${described(acc)} and ${described(x)} cannot be added`)
  }, values[0] ?? null)
}

/** The builtins this jq knows, by `name/arity` as jq names them. https://jqlang.org/manual/#builtin-operators-and-functions */
const BUILTINS: Record<string, Impl> = {
  'empty/0': () => [],
  'not/0': one((v) => !truthy(v)),
  'length/0': one(length),
  'utf8bytelength/0': one((v) => new TextEncoder().encode(needString(v, 'only strings have UTF-8 byte length')).length),
  'keys/0': one((v) => keys(v, true)),
  'keys_unsorted/0': one((v) => keys(v, false)),
  'values/0': (_a, v) => (v === null ? [] : [v]),
  'has/1': withArg((v, k) => {
    if (isObject(v) && typeof k === 'string') return Object.hasOwn(v, k)
    if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length
    throw new JqRuntimeError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`)
  }),
  'in/1': withArg((k, v) => (isObject(v) ? Object.hasOwn(v, String(k)) : Array.isArray(v) && typeof k === 'number' && k < v.length)),
  'type/0': one(typeOf),
  'map/1': (args, v, env) => [iterate(v).flatMap((x) => evaluate(args[0] as Node, x, env))],
  'map_values/1': (args, v, env) => {
    if (Array.isArray(v)) return [v.flatMap((x) => evaluate(args[0] as Node, x, env).slice(0, 1))]
    if (!isObject(v)) return [iterate(v)]
    const out: { [key: string]: Json } = {}
    for (const [k, x] of Object.entries(v)) {
      const r = evaluate(args[0] as Node, x, env)
      if (r.length) out[k] = r[0] ?? null
    }
    return [out]
  },
  'select/1': (args, v, env) => evaluate(args[0] as Node, v, env).filter(truthy).map(() => v),
  'recurse/0': (_a, v) => evaluate({ kind: 'recurse' }, v, new Map()),
  'to_entries/0': one(toEntries),
  'from_entries/0': one(fromEntries),
  'with_entries/1': (args, v, env) => [fromEntries(iterate(toEntries(v)).flatMap((e) => evaluate(args[0] as Node, e, env)))],
  'add/0': one(add),
  'any/0': one((v) => iterate(v).some(truthy)),
  'all/0': one((v) => iterate(v).every(truthy)),
  'any/1': (args, v, env) => [iterate(v).some((x) => evaluate(args[0] as Node, x, env).some(truthy))],
  'all/1': (args, v, env) => [iterate(v).every((x) => evaluate(args[0] as Node, x, env).every(truthy))],
  'range/1': (args, v, env) => evaluate(args[0] as Node, v, env).flatMap((n) => Array.from({ length: Math.max(0, Math.ceil(Number(n))) }, (_, i) => i)),
  'range/2': (args, v, env) => {
    const [from, to] = [Number(first(args[0] as Node, v, env)), Number(first(args[1] as Node, v, env))]
    return Array.from({ length: Math.max(0, Math.ceil(to - from)) }, (_, i) => from + i)
  },
  'floor/0': one((v) => Math.floor(Number(v))),
  'sqrt/0': one((v) => Math.sqrt(Number(v))),
  'tostring/0': one((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
  'tonumber/0': one((v) => {
    if (typeof v === 'number') return v
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
    if (Number.isNaN(n)) throw new JqRuntimeError(`Cannot parse '${String(v)}' as JSON`)
    return n
  }),
  'tojson/0': one((v) => JSON.stringify(v)),
  'fromjson/0': one((v) => {
    try {
      return JSON.parse(needString(v, 'parsed as JSON')) as Json
    } catch {
      throw new JqRuntimeError(`${String(v)} (while parsing '${String(v)}')`)
    }
  }),
  'ascii_downcase/0': one((v) => needString(v, 'lowercased').toLowerCase()),
  'ascii_upcase/0': one((v) => needString(v, 'uppercased').toUpperCase()),
  'ltrimstr/1': withArg((v, s) => (typeof v === 'string' && typeof s === 'string' && v.startsWith(s) ? v.slice(s.length) : v)),
  'rtrimstr/1': withArg((v, s) => (typeof v === 'string' && typeof s === 'string' && s && v.endsWith(s) ? v.slice(0, -s.length) : v)),
  'startswith/1': withArg((v, s) => {
    if (typeof v !== 'string' || typeof s !== 'string') throw new JqRuntimeError('startswith() requires string inputs')
    return v.startsWith(s)
  }),
  'endswith/1': withArg((v, s) => {
    if (typeof v !== 'string' || typeof s !== 'string') throw new JqRuntimeError('endswith() requires string inputs')
    return v.endsWith(s)
  }),
  'contains/1': withArg(contains),
  'inside/1': withArg((v, s) => contains(s, v)),
  'split/1': withArg((v, s) => {
    if (typeof v !== 'string' || typeof s !== 'string') throw new JqRuntimeError('split input and separator must be strings')
    return v === '' ? [] : v.split(s)
  }),
  'join/1': withArg((v, s) =>
    iterate(v)
      .map((x) => {
        if (x === null) return ''
        if (typeof x === 'object') throw new JqRuntimeError(`Cannot join with ${typeOf(x)}`)
        return String(x)
      })
      .join(String(s)),
  ),
  'test/1': withArg((v, re) => regex(re, null).test(needString(v, 'matched, as it is not a string'))),
  'test/2': (args, v, env) => [regex(first(args[0] as Node, v, env), first(args[1] as Node, v, env)).test(needString(v, 'matched, as it is not a string'))],
  'sort/0': one((v) => sortBy(needArray(v, 'sort,'), (x) => x)),
  'sort_by/1': (args, v, env) => [sortBy(needArray(v, 'sort,'), (x) => keyed(args, env)(x))],
  'group_by/1': (args, v, env) => [groupBy(needArray(v, 'group'), keyed(args, env))],
  'unique/0': one((v) => groupBy(needArray(v, 'unique'), (x) => x).map((g) => g[0] ?? null)),
  'unique_by/1': (args, v, env) => [groupBy(needArray(v, 'unique'), keyed(args, env)).map((g) => g[0] ?? null)],
  'min/0': one((v) => sortBy(needArray(v, 'find min of'), (x) => x)[0] ?? null),
  'max/0': one((v) => sortBy(needArray(v, 'find max of'), (x) => x).at(-1) ?? null),
  'min_by/1': (args, v, env) => [sortBy(needArray(v, 'find min of'), keyed(args, env))[0] ?? null],
  'max_by/1': (args, v, env) => [sortBy(needArray(v, 'find max of'), keyed(args, env)).at(-1) ?? null],
  'reverse/0': one((v) => (typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : [...needArray(v, 'reverse')].reverse())),
  'flatten/0': one((v) => flatten(needArray(v, 'flatten'), Infinity)),
  'flatten/1': withArg((v, d) => flatten(needArray(v, 'flatten'), Number(d))),
  'first/0': one((v) => (Array.isArray(v) ? (v[0] ?? null) : iterate(v)[0] ?? null)),
  'last/0': one((v) => (Array.isArray(v) ? (v.at(-1) ?? null) : null)),
  'first/1': (args, v, env) => evaluate(args[0] as Node, v, env).slice(0, 1),
  'last/1': (args, v, env) => evaluate(args[0] as Node, v, env).slice(-1),
  'limit/2': (args, v, env) => evaluate(args[1] as Node, v, env).slice(0, Number(first(args[0] as Node, v, env))),
  'isempty/1': (args, v, env) => [evaluate(args[0] as Node, v, env).length === 0],
  'error/0': one((v) => {
    throw new JqRuntimeError(typeof v === 'string' ? v : '', typeof v === 'string' ? undefined : v)
  }),
  'error/1': withArg((_v, m) => {
    throw new JqRuntimeError(typeof m === 'string' ? m : '', typeof m === 'string' ? undefined : m)
  }),
  'arrays/0': (_a, v) => (Array.isArray(v) ? [v] : []),
  'objects/0': (_a, v) => (isObject(v) ? [v] : []),
  'strings/0': (_a, v) => (typeof v === 'string' ? [v] : []),
  'numbers/0': (_a, v) => (typeof v === 'number' ? [v] : []),
  'booleans/0': (_a, v) => (typeof v === 'boolean' ? [v] : []),
  'nulls/0': (_a, v) => (v === null ? [v] : []),
  'iterables/0': (_a, v) => (typeof v === 'object' && v !== null ? [v] : []),
  'scalars/0': (_a, v) => (typeof v !== 'object' || v === null ? [v] : []),
  'env/0': () => [{}],
  'input_line_number/0': () => [0],
}

export const isBuiltin = (name: string, arity: number): boolean => Object.hasOwn(BUILTINS, `${name}/${arity}`)

export function callBuiltin(name: string, args: Node[], input: Json, env: Env): Json[] {
  const impl = BUILTINS[`${name}/${args.length}`]
  if (!impl) throw new JqCompileError(`${name}/${args.length} is not defined`)
  return impl(args, input, env)
}
