import { describe, expect, it } from 'vitest'
import { applyQuery, formatOutput, TableShapeError } from '../../../../src/cli/aws/output/index.ts'
import { describeClusters, describeDemo, listClusters } from './fixtures.ts'

const lines = (...l: string[]): string => l.join('\n') + '\n'

describe('--output table: the four examples of fidelity 1.14, byte for byte', () => {
  const cases: [string, () => string, string][] = [
    ['list-clusters: a nested clusterArns section inside the title section', () => formatOutput(listClusters, 'table', 'ListClusters'), lines(
      '-------------------------------------------------------',
      '|                    ListClusters                     |',
      '+-----------------------------------------------------+',
      '||                    clusterArns                    ||',
      '|+---------------------------------------------------+|',
      '||  arn:aws:ecs:us-east-1:123456789012:cluster/demo  ||',
      '||  arn:aws:ecs:us-east-1:123456789012:cluster/prod  ||',
      '|+---------------------------------------------------+|',
    )],
    ['a multi-select hash query: centred headers, proportional column widths', () => formatOutput(
      applyQuery(describeClusters, 'clusters[].{Name:clusterName,Status:status,Tasks:runningTasksCount}'), 'table', 'DescribeClusters'), lines(
      '-----------------------------',
      '|     DescribeClusters      |',
      '+------+----------+---------+',
      '| Name | Status   |  Tasks  |',
      '+------+----------+---------+',
      '|  demo|  ACTIVE  |  0      |',
      '|  prod|  ACTIVE  |  0      |',
      '+------+----------+---------+',
    )],
    ['a multi-select list query: rows without headers', () => formatOutput(
      applyQuery(describeClusters, 'clusters[].[clusterName,status]'), 'table', 'DescribeClusters'), lines(
      '--------------------',
      '| DescribeClusters |',
      '+-------+----------+',
      '|  demo |  ACTIVE  |',
      '|  prod |  ACTIVE  |',
      '+-------+----------+',
    )],
    ['describe-clusters demo: 92 columns wide, so single-row sections turn vertical', () => formatOutput(describeDemo, 'table', 'DescribeClusters'), lines(
      '--------------------------------------------------------------------------------------------',
      '|                                     DescribeClusters                                     |',
      '+------------------------------------------------------------------------------------------+',
      '||                                        clusters                                        ||',
      '|+------------------------------------+---------------------------------------------------+|',
      '||  activeServicesCount               |  0                                                ||',
      '||  clusterArn                        |  arn:aws:ecs:us-east-1:123456789012:cluster/demo  ||',
      '||  clusterName                       |  demo                                             ||',
      '||  pendingTasksCount                 |  0                                                ||',
      '||  registeredContainerInstancesCount |  0                                                ||',
      '||  runningTasksCount                 |  0                                                ||',
      '||  status                            |  ACTIVE                                           ||',
      '|+------------------------------------+---------------------------------------------------+|',
      '|||                                       settings                                       |||',
      '||+------------------------+-------------------------------------------------------------+||',
      '|||  name                  |  containerInsights                                          |||',
      '|||  value                 |  disabled                                                   |||',
      '||+------------------------+-------------------------------------------------------------+||',
    )],
  ]
  it.each(cases)('%s', (_name, run, expected) => { expect(run()).toBe(expected) })
})

describe('--output table: other things a learner sees', () => {
  it('--max-items puts a NextToken row in the top section', () => {
    const out = formatOutput({ clusterArns: ['arn:a'], NextToken: 'eyJ==' }, 'table', 'ListClusters')
    expect(out).toBe(lines(
      '------------------------',
      '|     ListClusters     |',
      '+------------+---------+',
      '|  NextToken |  eyJ==  |',
      '+------------+---------+',
      '||     clusterArns    ||',
      '|+--------------------+|',
      '||  arn:a             ||',
      '|+--------------------+|',
    ))
  })

  it('two clusters with nested settings repeat the clusters section and headers for each item', () => {
    const out = formatOutput({ clusters: [{ clusterName: 'a', status: 'ACTIVE', settings: [{ name: 'n', value: 'v' }] },
      { clusterName: 'b', status: 'ACTIVE', settings: [{ name: 'n', value: 'v' }] }] }, 'table', 'DescribeClusters')
    expect(out.match(/clusterName/g)?.length).toBe(2)
    expect(out.match(/\|\|\|\s+settings\s+\|\|\|/g)?.length).toBe(2)
    expect(out.split('\n').every((l) => l === '' || l.length === out.indexOf('\n'))).toBe(true)
  })

  it('a list of dicts with missing keys leaves the cell empty', () => {
    const out = formatOutput([{ a: 'x' }, { b: 'y' }], 'table', 'Op')
    expect(out).toBe(lines(
      '------------',
      '|    Op    |',
      '+----+-----+',
      '|  a |  b  |',
      '+----+-----+',
      '|  x |     |',
      '|    |  y  |',
      '+----+-----+',
    ))
  })

  it('booleans print as Python True/False', () => {
    expect(formatOutput({ Rules: [{ IsDefault: true, Priority: '1' }] }, 'table', 'DescribeRules')).toContain('True')
  })

  it('falsy results print nothing (empty list, 0, empty dict)', () => {
    expect(formatOutput([], 'table', 'Op')).toBe('')
    expect(formatOutput(0, 'table', 'Op')).toBe('')
    expect(formatOutput({}, 'table', 'Op')).toBe('')
  })

  it('a scalar query result is only the title, in a box as wide as the title + 2', () => {
    expect(formatOutput('demo', 'table', 'DescribeClusters')).toBe(lines(
      '------------------',
      '|DescribeClusters|',
      '+----------------+',
    ))
  })

  it('ragged rows fail like aws-cli (exit 255)', () => {
    expect(() => formatOutput([['a', 'b'], ['c']], 'table', 'Op')).toThrow(TableShapeError)
    expect(() => formatOutput([['a', 'b'], ['c']], 'table', 'Op')).toThrow('Row should have 2 elements, instead it has 1')
  })

  it('every line of a wide table has the same width (vertical conversion)', () => {
    const out = formatOutput({ Services: [{ serviceName: 'web', serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/web', status: 'ACTIVE', desiredCount: 2 }] }, 'table', 'DescribeServices')
    const widths = new Set(out.trimEnd().split('\n').map((l) => l.length))
    expect(widths.size).toBe(1)
    expect(out).toContain('|  desiredCount')
  })
})
