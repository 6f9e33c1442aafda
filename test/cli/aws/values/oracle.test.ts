import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePythonJson, parseShorthand } from '../../../../src/cli/aws/values/index.ts'

// Differential tables: random edits of realistic values, with the answers the real parsers gave
// (fixtures/generate.py: awscli's shorthand.py under Python 3.11, json.loads under Python 3.13).
// VALUES_ORACLE_DIR points the same test at a larger, locally generated pair of files.

interface OracleCase {
  input: string
  output?: unknown
  error?: string
}

const dir = process.env.VALUES_ORACLE_DIR ?? join(import.meta.dirname, 'fixtures')
const load = (name: string): OracleCase[] => JSON.parse(readFileSync(join(dir, name), 'utf8')) as OracleCase[]

/** The fixtures' order-preserving encoding: objects as {"$obj": [[k, v], ...]}, nan/inf tagged. */
function encode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encode)
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $float: Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf' }
  }
  if (value !== null && typeof value === 'object') {
    return { $obj: Object.entries(value).map(([k, v]) => [k, encode(v)]) }
  }
  return value
}

/** JS puts integer-like keys first; compare such objects without their order (noted in index.ts). */
function normaliseIntegerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseIntegerKeys)
  if (value !== null && typeof value === 'object') {
    const entries = (value as { $obj?: [string, unknown][] }).$obj
    if (!entries) return value
    const mapped = entries.map(([k, v]) => [k, normaliseIntegerKeys(v)] as [string, unknown])
    if (mapped.some(([k]) => /^(0|[1-9]\d*)$/.test(k))) mapped.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return { $obj: mapped }
  }
  return value
}

function outcome(parse: () => unknown): Pick<OracleCase, 'output' | 'error'> {
  try {
    return { output: normaliseIntegerKeys(encode(parse())) }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

const readParamFile = (value: string) => (value.startsWith('file://') ? `<${value}>` : undefined)

describe('shorthand answers match awscli/shorthand.py on random edits of real values', () => {
  it.each(load('shorthand-oracle.json').map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
    const expected = 'error' in c ? { error: c.error } : { output: normaliseIntegerKeys(c.output) }
    expect(outcome(() => parseShorthand(c.input, { readParamFile }))).toEqual(expected)
  })
})

describe('JSON answers match Python 3.13 json.loads on random edits of real values', () => {
  it.each(load('json-oracle.json').map((c) => [JSON.stringify(c.input), c] as const))('%s', (_name, c) => {
    const expected = 'error' in c ? { error: c.error } : { output: normaliseIntegerKeys(c.output) }
    expect(outcome(() => parsePythonJson(c.input))).toEqual(expected)
  })
})
