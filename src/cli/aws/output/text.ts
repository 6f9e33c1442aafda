// Text output (`--output text`): a port of aws-cli `awscli/text.py` `format_text`.
// Fact: aws-fidelity.md 1.13 (sorted keys, IDENTIFIER upper-cased, union of scalar columns, Python str()).
import { isPlainObject, pySortKeys, pyStr } from './pyStr.ts'

const isScalar = (v: unknown): boolean => !Array.isArray(v) && !isPlainObject(v)

export function formatText(value: unknown): string {
  const out: string[] = []
  formatItem(value, out, undefined, undefined)
  return out.join('')
}

function formatItem(item: unknown, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isPlainObject(item)) formatDict(scalarKeys, item, identifier, out)
  else if (Array.isArray(item)) formatList(item, identifier, out)
  else out.push(pyStr(item) + '\n')
}

function formatList(item: unknown[], identifier: string | undefined, out: string[]): void {
  if (item.length === 0) return
  if (item.some(isPlainObject)) {
    const allKeys = allScalarKeys(item)
    for (const element of item) formatItem(element, out, identifier, allKeys)
  } else if (item.some(Array.isArray)) {
    const scalars = item.filter(isScalar)
    const nonScalars = item.filter((el) => !isScalar(el))
    if (scalars.length > 0) formatScalarList(scalars, identifier, out)
    for (const nonScalar of nonScalars) formatItem(nonScalar, out, identifier, undefined)
  } else {
    formatScalarList(item, identifier, out)
  }
}

function formatScalarList(elements: unknown[], identifier: string | undefined, out: string[]): void {
  if (identifier !== undefined) {
    for (const item of elements) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`)
  } else {
    out.push(elements.map(pyStr).join('\t') + '\n')
  }
}

function formatDict(scalarKeys: string[] | undefined, item: Record<string, unknown>, identifier: string | undefined, out: string[]): void {
  const [scalars, nonScalars] = partitionDict(item, scalarKeys)
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase())
    out.push(scalars.join('\t') + '\n')
  }
  for (const [newIdentifier, nonScalar] of nonScalars) formatItem(nonScalar, out, newIdentifier, undefined)
}

function allScalarKeys(listOfDicts: unknown[]): string[] {
  const seen = new Set<string>()
  for (const d of listOfDicts) {
    if (!isPlainObject(d)) continue
    for (const [k, v] of Object.entries(d)) if (isScalar(v)) seen.add(k)
  }
  return pySortKeys(seen)
}

function partitionDict(item: Record<string, unknown>, scalarKeys: string[] | undefined): [string[], [string, unknown][]] {
  const scalar: string[] = []
  const nonScalar: [string, unknown][] = []
  if (scalarKeys === undefined) {
    for (const key of pySortKeys(Object.keys(item))) {
      const value = item[key]
      if (isScalar(value)) scalar.push(pyStr(value))
      else nonScalar.push([key, value])
    }
  } else {
    for (const key of scalarKeys) scalar.push(pyStr(key in item ? item[key] : ''))
    const known = new Set(scalarKeys)
    for (const key of pySortKeys(Object.keys(item).filter((k) => !known.has(k)))) nonScalar.push([key, item[key]])
  }
  return [scalar, nonScalar]
}
