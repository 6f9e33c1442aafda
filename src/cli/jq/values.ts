import type { Json } from './ast.ts'
import { described, JqRuntimeError, typeOf } from './errors.ts'

export const isObject = (v: Json): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/** jq's truth: everything but `false` and `null`. */
export const truthy = (v: Json): boolean => v !== false && v !== null

const RANK: Record<string, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 }

/** jq's total order: null < false < true < numbers < strings < arrays < objects (keys first, then values). */
export function compareJson(a: Json, b: Json): number {
  const [ta, tb] = [typeOf(a), typeOf(b)]
  const ra = (RANK[ta] ?? 0) + (a === true ? 1 : 0)
  const rb = (RANK[tb] ?? 0) + (b === true ? 1 : 0)
  if (ra !== rb) return ra - rb
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareJson(a[i] ?? null, b[i] ?? null)
      if (c) return c
    }
    return a.length - b.length
  }
  if (isObject(a) && isObject(b)) {
    const c = compareJson(Object.keys(a).sort(), Object.keys(b).sort())
    if (c) return c
    for (const key of Object.keys(a).sort()) {
      const d = compareJson(a[key] ?? null, b[key] ?? null)
      if (d) return d
    }
  }
  return 0
}

export const equalJson = (a: Json, b: Json): boolean => compareJson(a, b) === 0

/** `@csv`, `@tsv`, `@json`, `@text`, `@html`, `@uri`, `@base64`, `@sh` applied to one value. */
export function formatString(name: string, value: Json): string {
  const text = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v))
  const row = (sep: string, cell: (v: Json) => string): string => {
    if (!Array.isArray(value)) throw new JqRuntimeError(`${described(value)} cannot be ${name === 'csv' ? 'csv' : 'tsv'}-formatted, only an array can be`)
    return value.map(cell).join(sep)
  }
  switch (name) {
    case 'text':
      return text(value)
    case 'json':
      return JSON.stringify(value)
    case 'csv':
      return row(',', (v) => (typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : v === null ? '' : text(v)))
    case 'tsv':
      return row('\t', (v) => (typeof v === 'string' ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v === null ? '' : text(v)))
    case 'html':
      return text(value).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c)
    case 'uri':
      return encodeURIComponent(text(value)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    case 'sh':
      return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? `'${v.replace(/'/g, "'\\''")}'` : text(v))).join(' ')
    case 'base64':
      return btoa(String.fromCharCode(...new TextEncoder().encode(text(value))))
    default:
      throw new JqRuntimeError(`${name} is not a valid format`)
  }
}
