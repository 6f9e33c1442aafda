import type { Json } from './ast.ts'
import { isObject } from './values.ts'

export interface OutputStyle {
  /** `-c`: one line per value. */
  compact: boolean
  /** Spaces per level (jq's default 2, `--indent n`), or a tab with `--tab`. */
  indent: string
  /** `-S`: keys sorted, at every level. */
  sortKeys: boolean
  /** `-r` / `-j`: strings without quotes. */
  raw: boolean
}

/**
 * One output value as jq prints it when standard output is not a terminal (no colour): pretty-printed with
 * two spaces, `[]` and `{}` for empty containers, keys in insertion order unless `-S`.
 */
export function formatValue(value: Json, style: OutputStyle): string {
  if (style.raw && typeof value === 'string') return value
  const prepared = style.sortKeys ? sortKeysDeep(value) : value
  return style.compact ? JSON.stringify(prepared) : JSON.stringify(prepared, null, style.indent)
}

function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep)
  if (!isObject(value)) return value
  const out: { [key: string]: Json } = {}
  for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep(value[key] ?? null)
  return out
}
