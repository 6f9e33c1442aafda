import { describe, expect, it } from 'vitest'
import { applyQuery, formatOutput, renderOutput } from '../../../../src/cli/aws/output/index.ts'
import { describeClusters, describeRules, listClusters } from './fixtures.ts'

const text = (v: unknown): string => formatOutput(v, 'text', 'Op')

describe('--output text: the worked examples of fidelity 1.13, byte for byte', () => {
  const cases: [string, () => string, string][] = [
    ['describe-clusters: one CLUSTERS line per cluster (sorted columns) then its SETTINGS', () => text(describeClusters),
      'CLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\tdemo\t0\t0\t0\tACTIVE\n' +
      'SETTINGS\tcontainerInsights\tdisabled\n' +
      'CLUSTERS\t0\tarn:aws:ecs:us-east-1:123456789012:cluster/prod\tprod\t0\t0\t0\tACTIVE\n' +
      'SETTINGS\tcontainerInsights\tdisabled\n'],
    ['list-clusters --max-items 2: NEXTTOKEN printed last', () => renderOutput(
      { ...listClusters, NextToken: 'eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==' }, 'text', 'ListClusters', { paginated: true }),
    'CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/demo\n' +
      'CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/prod\n' +
      'NEXTTOKEN\teyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==\n'],
    ["--query 'clusters[].[clusterName,status]': one line per inner list", () => text(applyQuery(describeClusters, 'clusters[].[clusterName,status]')),
      'demo\tACTIVE\nprod\tACTIVE\n'],
    ["--query 'clusters[].clusterName': a bare list on one line", () => text(applyQuery(describeClusters, 'clusters[].clusterName')),
      'demo\tprod\n'],
    ['describe-rules: True/False, nested identifiers, a dict with no scalars prints no line', () => text(describeRules),
      'RULES\tFalse\t10\tarn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/391fe2b4cdbfde26/a3480fc5ea89a23a/866823329b7c981c\n' +
      'ACTIONS\tarn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/users-tg/115ba1083bdbd69a\tforward\n' +
      'CONDITIONS\tpath-pattern\n' +
      'VALUES\t/api/users*\n' +
      'RULES\tTrue\tdefault\tarn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/391fe2b4cdbfde26/a3480fc5ea89a23a/0d2c5c0e1b2a3f49\n' +
      'ACTIONS\tfixed-response\n' +
      'FIXEDRESPONSECONFIG\ttext/plain\tnope\t404\n'],
  ]
  it.each(cases)('%s', (_name, run, expected) => { expect(run()).toBe(expected) })
})

describe('--output text: what a learner sees for other shapes', () => {
  const cases: [string, unknown, string][] = [
    ['a list of dicts with missing keys prints empty columns', { Items: [{ a: 1, b: 2 }, { b: 3, c: 'x' }] },
      'ITEMS\t1\t2\t\nITEMS\t\t3\tx\n'],
    ['a dict key that is a scalar in one item and missing in another', { Tasks: [{ lastStatus: 'RUNNING' }, {}] },
      'TASKS\tRUNNING\nTASKS\t\n'],
    ['top-level scalars without identifier, None for null', { b: null, a: true, c: 0.5 }, 'True\tNone\t0.5\n'],
    ['an empty response prints nothing', {}, ''],
    ['a scalar query result prints as itself', 'demo', 'demo\n'],
    ['a null query result prints None', null, 'None\n'],
    ['an empty list prints nothing', [], ''],
    ['lists of lists: scalars first, then each sub-list', ['a', ['b', 'c'], 'd'], 'a\td\nb\tc\n'],
    ['a list of scalars under a key: one line each', { Ids: ['i-1', 'i-2'] }, 'IDS\ti-1\nIDS\ti-2\n'],
    ['floats keep Python repr', { v: 1e-5 }, '1e-05\n'],
  ]
  it.each(cases)('%s', (_name, value, expected) => { expect(text(value)).toBe(expected) })

  it('a --query that misses under --max-items still prints the NextToken pseudo-page (None)', () => {
    expect(renderOutput({ ...listClusters, NextToken: 'tok' }, 'text', 'ListClusters', { paginated: true, query: 'clusterArns[0]' }))
      .toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo\nNone\n')
  })
})
