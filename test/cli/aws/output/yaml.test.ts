import { describe, expect, it } from 'vitest'
import { formatOutput, renderOutput } from '../../../../src/cli/aws/output/index.ts'
import { listClusters } from './fixtures.ts'

const yaml = (v: unknown): string => formatOutput(v, 'yaml', 'Op')

describe('--output yaml (fidelity 1.15)', () => {
  it('the AWS docs example: keys sorted, sequence not indented, timestamp single-quoted', () => {
    expect(yaml({ Users: [{ UserName: 'Admin', Path: '/', CreateDate: '2014-10-16T16:03:09+00:00', Arn: 'arn:aws:iam::123456789012:user/Admin' }] }))
      .toBe('Users:\n- Arn: arn:aws:iam::123456789012:user/Admin\n  CreateDate: \'2014-10-16T16:03:09+00:00\'\n  Path: /\n  UserName: Admin\n')
  })

  const cases: [string, unknown, string][] = [
    ['ECS timestamps with microseconds are quoted', { createdAt: '2026-11-25T04:30:01.397000+00:00' }, "createdAt: '2026-11-25T04:30:01.397000+00:00'\n"],
    ['strings that read as numbers or booleans are quoted', { port: '80', flag: 'true', n: 'null', f: '1.5' }, "f: '1.5'\nflag: 'true'\nn: 'null'\nport: '80'\n"],
    ['the empty string is quoted', { v: '' }, "v: ''\n"],
    ['real numbers, booleans and null are plain', { a: 80, b: true, c: null, d: 0.5 }, 'a: 80\nb: true\nc: null\nd: 0.5\n'],
    ['empty collections are flow style', { failures: [], tags: {} }, 'failures: []\ntags: {}\n'],
    ['nested mappings indent by 2', { a: { b: { c: 'x' } } }, 'a:\n  b:\n    c: x\n'],
    ['lists of lists', { a: [['x', 'y'], ['z']] }, 'a:\n- - x\n  - y\n- - z\n'],
    ['indicator characters force quotes', { a: '- x', b: 'k: v', c: '#c', d: '*', e: "it's" }, "a: '- x'\nb: 'k: v'\nc: '#c'\nd: '*'\ne: it's\n"],
    ['a quote at the start doubles inside single quotes', { a: "'q'" }, "a: '''q'''\n"],
    ['control characters use double quotes', { a: 'x\ty\u0001' }, 'a: "x\\ty\\x01"\n'],
    ['an empty response prints nothing', {}, ''],
    ['a scalar query result prints as JSON', 'demo', '"demo"\n'],
  ]
  it.each(cases)('%s', (_name, value, expected) => { expect(yaml(value)).toBe(expected) })

  it('long plain strings fold at a space after column 80', () => {
    const msg = '(service web) has started 2 tasks (task 0123456789abcdef0123456789abcdef) and (task fedcba9876543210fedcba9876543210).'
    expect(yaml({ events: [{ message: msg }] })).toBe(
      'events:\n- message: (service web) has started 2 tasks (task 0123456789abcdef0123456789abcdef)\n' +
      '    and (task fedcba9876543210fedcba9876543210).\n')
  })

  it('a ": " inside a string forces single quotes, which fold the same way', () => {
    const msg = '(service web) has started 2 tasks: (task 0123456789abcdef0123456789abcdef) (task fedcba9876543210fedcba9876543210).'
    expect(yaml({ events: [{ message: msg }] })).toBe(
      "events:\n- message: '(service web) has started 2 tasks: (task 0123456789abcdef0123456789abcdef)\n" +
      "    (task fedcba9876543210fedcba9876543210).'\n")
  })

  it('yaml-stream wraps the page in a one-element list', () => {
    expect(formatOutput(listClusters, 'yaml-stream', 'ListClusters')).toBe(
      '- clusterArns:\n  - arn:aws:ecs:us-east-1:123456789012:cluster/demo\n  - arn:aws:ecs:us-east-1:123456789012:cluster/prod\n')
    expect(renderOutput({ clusterArns: ['a'], NextToken: 't' }, 'yaml-stream', 'ListClusters', { paginated: true })).toBe('- clusterArns:\n  - a\n')
  })
})
