/**
 * Values in a query: strings, numbers and booleans; `undefined` for a field an event does not have. Logs Insights
 * compares a number with a string that reads as a number by value (JSON numbers against `filter status = "200"`).
 */
export type Value = string | number | boolean | undefined

export function toNumber(value: Value): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value)
  return undefined
}

export const toText = (value: Value): string | undefined => (value === undefined ? undefined : String(value))

/** Orders two values: numbers by value when both read as numbers, text otherwise; `undefined` for incomparable. */
export function compare(a: Value, b: Value): number | undefined {
  if (a === undefined || b === undefined) return undefined
  const x = toNumber(a)
  const y = toNumber(b)
  if (x !== undefined && y !== undefined) return x - y
  const s = String(a)
  const t = String(b)
  return s < t ? -1 : s > t ? 1 : 0
}

export const truthy = (value: Value): boolean => value !== undefined && value !== false && value !== 0 && value !== ''
