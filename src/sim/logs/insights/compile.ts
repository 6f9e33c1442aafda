import type { Expr } from './ast.ts'
import type { QueryRecord } from './evaluator.ts'
import { FUNCTIONS } from './functions.ts'
import { compare, toNumber, truthy, type Value } from './values.ts'

/** How a compiled expression reads a field of the row it is given. */
export type FieldRead = (name: string) => (row: QueryRecord) => Value

export const fromRow: FieldRead = (name) => (row) => row[name]

/** An expression made into a function of the row, and whether it yields a timestamp (printed as one). */
export interface Compiled {
  get(row: QueryRecord): Value
  time: boolean
}

/** The discovered fields that hold times (printed as timestamps, §6.2). */
export const TIME_FIELDS = new Set(['@timestamp', '@ingestionTime'])

/** Makes an expression a function of the row. */
export function compile(expr: Expr, read: FieldRead = fromRow): Compiled {
  switch (expr.type) {
    case 'field':
      return { get: read(expr.name), time: TIME_FIELDS.has(expr.name) }
    case 'literal': {
      const value = expr.value
      return { get: () => value, time: false }
    }
    case 'duration': {
      const ms = expr.ms
      return { get: () => ms, time: false }
    }
    case 'regex': {
      const source = expr.source
      return { get: () => source, time: false }
    }
    case 'list':
      return { get: () => undefined, time: false }
    case 'unary': {
      const operand = compile(expr.operand, read).get
      if (expr.op === 'not') return { get: (row) => !truthy(operand(row)), time: false }
      return { get: (row) => { const n = toNumber(operand(row)); return n === undefined ? undefined : -n }, time: false }
    }
    case 'call': {
      const fn = FUNCTIONS[expr.name]
      if (!fn) throw new Error(`${expr.name} is an aggregation: it belongs in stats`)
      const args = expr.args.map((a) => compile(a, read).get)
      const timestamp = read('@timestamp') as (row: QueryRecord) => number
      const call = fn.call
      if (args.length === 1) {
        // One argument (bin, the hot one): one array for every row rather than one per row.
        const [a] = args
        const one: Value[] = [undefined]
        return {
          get: (row) => {
            one[0] = a(row)
            return call(one, timestamp(row))
          },
          time: fn.time === true || (expr.name === 'coalesce' && compile(expr.args[0]).time),
        }
      }
      return { get: (row) => call(args.map((a) => a(row)), timestamp(row)), time: fn.time === true }
    }
    case 'binary':
      return binary(expr, read)
  }
}

function binary(expr: Expr & { type: 'binary' }, read: FieldRead): Compiled {
  const left = compile(expr.left, read)
  const l = left.get
  switch (expr.op) {
    case 'and': {
      const r = compile(expr.right, read).get
      return { get: (row) => truthy(l(row)) && truthy(r(row)), time: false }
    }
    case 'or': {
      const r = compile(expr.right, read).get
      return { get: (row) => truthy(l(row)) || truthy(r(row)), time: false }
    }
    case 'like': {
      // `like "text"` is a substring match; `like /re/` and `=~ /re/` a regex search (§6.1).
      const right = expr.right
      if (right.type === 'regex') {
        const re = new RegExp(right.source, right.flags)
        return { get: (row) => { const v = l(row); return v !== undefined && re.test(String(v)) }, time: false }
      }
      const part = String((right as { value: string }).value)
      return { get: (row) => { const v = l(row); return v !== undefined && String(v).includes(part) }, time: false }
    }
    case 'in': {
      const items = (expr.right as Expr & { type: 'list' }).items.map((i) => compile(i, read).get)
      return { get: (row) => { const v = l(row); return v !== undefined && items.some((item) => compare(v, item(row)) === 0) }, time: false }
    }
  }
  const r = compile(expr.right, read).get
  const test = (c: (n: number) => boolean) => ({ get: (row: QueryRecord) => { const x = compare(l(row), r(row)); return x !== undefined && c(x) }, time: false })
  const arithmetic = (f: (a: number, b: number) => number, time = false) => ({
    get: (row: QueryRecord) => {
      const a = toNumber(l(row))
      const b = toNumber(r(row))
      if (a === undefined || b === undefined) return undefined
      const n = f(a, b)
      return Number.isNaN(n) ? undefined : n
    },
    time,
  })
  switch (expr.op) {
    case '=': return test((c) => c === 0)
    case '!=': return test((c) => c !== 0)
    case '<': return test((c) => c < 0)
    case '<=': return test((c) => c <= 0)
    case '>': return test((c) => c > 0)
    case '>=': return test((c) => c >= 0)
    case '+': return arithmetic((a, b) => a + b, left.time)
    case '-': return arithmetic((a, b) => a - b, left.time)
    case '*': return arithmetic((a, b) => a * b)
    case '/': return arithmetic((a, b) => (b === 0 ? NaN : a / b))
    case '%': return arithmetic((a, b) => a % b)
    default: return arithmetic((a, b) => a ** b)
  }
}
