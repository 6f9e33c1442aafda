import type { Json } from './ast.ts'

/** A program jq refuses to compile: jq prints it and exits 3. */
export class JqCompileError extends Error {}

/** An error while running (`Cannot index array with "foo"`): jq prints it per input and exits 5. */
export class JqRuntimeError extends Error {
  /** For `error(value)` with a non-string value: printed as `(not a string): <json>`. */
  readonly value: Json | undefined
  constructor(message: string, value?: Json) {
    super(message)
    this.value = value
  }
}

/** jq's type names, as its messages use them. */
export function typeOf(value: Json): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}

/** `number (5)`, `string ("abc")`: a value as jq's messages quote it (cut at 11 bytes, as jq does with `...`). */
export function described(value: Json): string {
  const text = JSON.stringify(value)
  return `${typeOf(value)} (${text.length > 11 ? `${text.slice(0, 10)}...` : text})`
}
