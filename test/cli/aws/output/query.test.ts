import { describe, expect, it } from 'vitest'
import { applyQuery, QueryError } from '../../../../src/cli/aws/output/index.ts'
import { describeClusters, listClusters } from './fixtures.ts'

function queryError(expr: string, value: unknown = describeClusters): QueryError {
  try {
    applyQuery(value, expr)
  } catch (e) {
    if (e instanceof QueryError) return e
    throw e
  }
  throw new Error(`no error for ${expr}`)
}

describe('--query results', () => {
  const cases: [string, string, unknown][] = [
    ['first ARN', 'clusterArns[0]', 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'],
    ['a raw string literal in a filter', "clusters[?clusterName=='prod'].status | [0]", 'ACTIVE'],
    ['a backtick JSON literal', 'clusters[?runningTasksCount==`0`].clusterName', ['demo', 'prod']],
    ['a bare-word backtick literal (deprecated but accepted)', 'clusters[?clusterName==`demo`].clusterName', ['demo']],
    ['a missing key gives null', 'nope', null],
    ['functions', 'length(clusters)', 2],
  ]
  it.each(cases)('%s: %s', (_name, expr, expected) => {
    const value = expr.startsWith('clusterArns') ? listClusters : describeClusters
    expect(applyQuery(value, expr)).toEqual(expected)
  })
})

describe('bad --query expressions: python jmespath messages with the caret, exit 252', () => {
  const cases: [string, string, string][] = [
    ['the fidelity 1.16 example: incomplete expression', 'clusterArns[0',
      'Bad value for --query clusterArns[0: Invalid jmespath expression: Incomplete expression:\n"clusterArns[0"\n              ^'],
    ['a trailing dot (python reports it as a parse error at EOF, not as incomplete)', 'clusters.',
      'Bad value for --query clusters.: Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: eof: Parse error at column 9, token "" (EOF), for expression:\n"clusters."\n          ^'],
    ['an unclosed multi-select list', 'clusters[].[clusterName',
      'Bad value for --query clusters[].[clusterName: Invalid jmespath expression: Incomplete expression:\n"clusters[].[clusterName"\n' + ' '.repeat(24) + '^'],
    ['an unknown character', 'clusters[0].$name',
      'Bad value for --query clusters[0].$name: Bad jmespath expression: Unknown token $:\nclusters[0].$name\n            ^'],
    ['an unclosed raw string', "clusters[?status=='ACTIVE]",
      "Bad value for --query clusters[?status=='ACTIVE]: Bad jmespath expression: Unclosed ' delimiter:\nclusters[?status=='ACTIVE]\n                  ^"],
    ['a single =', "clusters[?status='ACTIVE']",
      "Bad value for --query clusters[?status='ACTIVE']: Bad jmespath expression: Unknown token '=':\nclusters[?status='ACTIVE']\n                ^"],
    ['an unexpected token after a complete expression', 'clusters[0] foo',
      'Bad value for --query clusters[0] foo: Unexpected token: foo: Parse error at column 12, token "foo" (UNQUOTED_IDENTIFIER), for expression:\n"clusters[0] foo"\n             ^'],
    ['a dot followed by a number', 'clusters.0',
      'Bad value for --query clusters.0: Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: number: Parse error at column 9, token "0" (NUMBER), for expression:\n"clusters.0"\n          ^'],
  ]
  it.each(cases)('%s', (_name, expr, message) => {
    const e = queryError(expr)
    expect(e.exitCode).toBe(252)
    expect(e.message).toBe(message)
  })
})

describe('--query failures while searching: exit 255', () => {
  it('an unknown function', () => {
    const e = queryError('foo(clusters)')
    expect(e.exitCode).toBe(255)
    expect(e.message).toBe('Unknown function: foo()')
  })

  it('a wrong number of arguments uses the python wording', () => {
    const e = queryError('length(clusters, clusters)')
    expect(e.exitCode).toBe(255)
    expect(e.message).toBe('Expected 1 argument for function length(), received 2')
  })
})
