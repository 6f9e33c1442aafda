import { paramError } from '../errors.ts'
import type { Customization } from './types.ts'

/**
 * `aws cloudwatch put-metric-data --metric-name … --value … --unit … --dimensions Name=Value,…`
 * (awscli/customizations/putmetricdata.py): top-level options that fill the first MetricData entry, so
 * `--metric-data` is no longer required. Mixing them with `--metric-data` is refused.
 */
const OPTIONS = ['--metric-name', '--timestamp', '--unit', '--value', '--dimensions', '--statistic-values', '--storage-resolution']

/** `a=1,b=2` into pairs (the CLI's split_on_commas, without its quoting rules). */
function pairs(option: string, value: string): [string, string][] {
  return value.split(',').map((pair) => {
    const parts = pair.split('=')
    if (parts.length !== 2) throw paramError(`${option}: expected Name=Value pairs separated by commas, got: ${pair}`)
    return [parts[0], parts[1]]
  })
}

export const putMetricData: Customization = {
  options: OPTIONS.map((name) => ({ name, doc: 'A shortcut the AWS CLI adds for one metric datum; see --metric-data.' })),
  optional: ['--metric-data'],
  apply(values, input) {
    const given = OPTIONS.filter((o) => values.has(o))
    // Neither: validation reports the missing MetricData, as botocore does.
    if (!given.length) return
    // validate_mutually_exclusive (awscli/customizations/utils.py) names argparse destinations. The key it names
    // depends on the order argparse stores them; the first shortcut given stands in for it here.
    if (input.MetricData !== undefined)
      throw paramError(`The key "${given[0].slice(2).replace(/-/g, '_')}" cannot be specified when one of the following keys are also specified: metric_data`)
    const word = (name: string) => String(values.get(name))
    const datum: Record<string, unknown> = {}
    if (values.has('--metric-name')) datum.MetricName = word('--metric-name')
    if (values.has('--unit')) datum.Unit = word('--unit')
    if (values.has('--timestamp')) datum.Timestamp = word('--timestamp')
    if (values.has('--value')) datum.Value = Number(word('--value'))
    if (values.has('--dimensions')) datum.Dimensions = pairs('--dimensions', word('--dimensions')).map(([Name, Value]) => ({ Name, Value }))
    if (values.has('--statistic-values'))
      datum.StatisticValues = Object.fromEntries(pairs('--statistic-values', word('--statistic-values')).map(([k, v]) => [k, Number(v)]))
    if (values.has('--storage-resolution')) datum.StorageResolution = Number(word('--storage-resolution'))
    input.MetricData = [datum]
  },
}
