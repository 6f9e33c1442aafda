import { describe, expect, it } from 'vitest'
import { formatOutput, renderOutput } from '../../../../src/cli/aws/output/index.ts'
import { listClusters } from './fixtures.ts'

const json = (v: unknown): string => formatOutput(v, 'json', 'Op')

describe('--output json (fidelity 1.12): Python json.dump(indent=4, ensure_ascii=False)', () => {
  const cases: [string, unknown, string][] = [
    ['list-clusters, 4-space indent, keys in given order', listClusters,
      '{\n    "clusterArns": [\n        "arn:aws:ecs:us-east-1:123456789012:cluster/demo",\n        "arn:aws:ecs:us-east-1:123456789012:cluster/prod"\n    ]\n}\n'],
    ['an empty response prints nothing', {}, ''],
    ['empty lists and dicts inside stay on one line', { failures: [], tags: {} }, '{\n    "failures": [],\n    "tags": {}\n}\n'],
    ['a scalar query result prints as JSON', 'demo', '"demo"\n'],
    ['a number query result', 5, '5\n'],
    ['a null query result prints null', null, 'null\n'],
    ['an empty list still prints', [], '[]\n'],
    ['floats as Python repr', { a: 0.5, b: 23.619295457204185, c: 1.5e-7, d: 0 }, '{\n    "a": 0.5,\n    "b": 23.619295457204185,\n    "c": 1.5e-07,\n    "d": 0\n}\n'],
    ['booleans and non-ASCII unescaped, control characters escaped', { ok: true, name: 'café ☕', msg: 'a"b\\c\n\u0001' },
      '{\n    "ok": true,\n    "name": "café ☕",\n    "msg": "a\\"b\\\\c\\n\\u0001"\n}\n'],
  ]
  it.each(cases)('%s', (_name, value, expected) => { expect(json(value)).toBe(expected) })

  it('--max-items adds NextToken last and json prints it with the rest', () => {
    expect(renderOutput({ clusterArns: ['a'], NextToken: 'tok' }, 'json', 'ListClusters', { paginated: true }))
      .toBe('{\n    "clusterArns": [\n        "a"\n    ],\n    "NextToken": "tok"\n}\n')
  })

  it('--query is applied before formatting', () => {
    expect(renderOutput(listClusters, 'json', 'ListClusters', { query: 'length(clusterArns)' })).toBe('2\n')
  })

  it('--output off prints nothing', () => {
    expect(formatOutput(listClusters, 'off', 'ListClusters')).toBe('')
  })
})
