import { isoTimestamp } from '../../../sim/index.ts'
import { paramError } from '../errors.ts'
import type { CustomCommand } from './types.ts'

/**
 * `aws logs tail <group_name>` (AWS CLI v2's awscli/customizations/logs/tail.py; options as
 * https://docs.aws.amazon.com/cli/latest/reference/logs/tail.html lists them): FilterLogEvents over one log
 * group from `--since` (10 minutes ago by default) and the events printed one per line. `--follow` keeps polling
 * in the real CLI; here one exec prints what is there now.
 */
const UNITS_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }
const FORMATS = ['detailed', 'short', 'json']

/** `5m`, `2h`, … before now, or an ISO 8601 time; multiple units (`5h30m`) are not supported, as the CLI says. */
function since(value: string, now: number): number {
  const relative = /^(\d+)([smhdw])$/.exec(value.trim())
  if (relative) return now - Number(relative[1]) * UNITS_MS[relative[2]]
  const at = Date.parse(value)
  // Wording inferred: the reference documents the accepted forms, not the refusal.
  if (Number.isNaN(at)) throw paramError(`Invalid value for --since: ${value}. Use an ISO 8601 timestamp or a relative time such as 5m.`)
  return at
}

interface FilteredEvent {
  logStreamName?: string
  timestamp?: number
  message?: string
}

export const logsTail: CustomCommand = {
  cliName: 'tail',
  operation: 'FilterLogEvents',
  customization: {
    options: [
      { name: 'group_name', doc: 'The name of the CloudWatch Logs group.', positional: true, required: true },
      { name: '--since', doc: 'From what time to begin displaying logs: an ISO 8601 timestamp or a relative time (5m, 2h, 1d); default 10m.' },
      { name: '--follow', doc: 'Whether to continuously poll for new logs.', nargs: 'flag' },
      { name: '--format', doc: 'The format to display the logs: detailed (default), short or json.' },
      { name: '--filter-pattern', doc: 'The filter pattern to use.' },
      { name: '--log-stream-names', doc: 'The list of stream names to filter logs by.', nargs: 'list' },
      { name: '--log-stream-name-prefix', doc: 'The prefix to filter logs by.' },
    ],
    apply(values, input, context) {
      const format = values.get('--format')
      if (format !== undefined && !FORMATS.includes(String(format)))
        throw paramError(`argument --format: Invalid choice, valid choices are:\n\n${FORMATS.join(' | ')}`)
      input.logGroupName = String(values.get('group_name'))
      input.startTime = since(values.has('--since') ? String(values.get('--since')) : '10m', context.now())
      if (values.has('--filter-pattern')) input.filterPattern = String(values.get('--filter-pattern'))
      const streams = values.get('--log-stream-names')
      if (Array.isArray(streams)) input.logStreamNames = streams
      if (values.has('--log-stream-name-prefix')) input.logStreamNamePrefix = String(values.get('--log-stream-name-prefix'))
    },
    // detailed: `<time> <stream> <message>`; short: `<time> <message>` (time to the second); json: the message.
    print(response, values) {
      const format = String(values.get('--format') ?? 'detailed')
      const events = (response as { events?: FilteredEvent[] }).events ?? []
      const line = (e: FilteredEvent) => {
        const at = isoTimestamp(e.timestamp ?? 0)
        if (format === 'short') return `${at.slice(0, 19)} ${e.message ?? ''}`
        if (format === 'json') return e.message ?? ''
        return `${at} ${e.logStreamName ?? ''} ${e.message ?? ''}`
      }
      return events.map((e) => `${line(e)}\n`).join('')
    },
  },
}
