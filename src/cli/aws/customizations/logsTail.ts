import { isoTimestamp } from '../../../sim/index.ts'
import { paramError } from '../errors.ts'
import type { CustomCommand } from './types.ts'

/**
 * `aws logs tail <group_name>` (AWS CLI v2's awscli/customizations/logs/tail.py; options as
 * https://docs.aws.amazon.com/cli/latest/reference/logs/tail.html lists them): FilterLogEvents over one log
 * group from `--since` (10 minutes ago by default) and the events printed one per line. `--follow` keeps polling
 * in the real CLI
 * (every 5 s, until Ctrl-C); on the virtual clock one exec prints what is there now and returns.
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

/** Python's `json.dumps(value, indent=4)` of a message that parses as JSON, on a new line; otherwise the message. */
function prettyJson(message: string): string {
  try {
    return `\n${JSON.stringify(JSON.parse(message), null, 4).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`
  } catch {
    return message
  }
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
      // The CLI asks for events interleaved across streams (tail.py `_get_filter_logs_events_kwargs`).
      input.interleaved = true
      input.startTime = since(values.has('--since') ? String(values.get('--since')) : '10m', context.now())
      if (values.has('--filter-pattern')) input.filterPattern = String(values.get('--filter-pattern'))
      const streams = values.get('--log-stream-names')
      if (Array.isArray(streams)) input.logStreamNames = streams
      if (values.has('--log-stream-name-prefix')) input.logStreamNamePrefix = String(values.get('--log-stream-name-prefix'))
    },
    // As awscli/customizations/logs/tail.py (v2) formats: detailed `<time to the microsecond, +00:00> <stream> <message>`;
    // short `<time to the second> <message>`; json `<isoformat time> <stream> <message>`, a message that is wholly JSON
    // pretty-printed on the lines below (indent 4). Each message loses trailing whitespace and ends with one newline.
    print(response, values) {
      const format = String(values.get('--format') ?? 'detailed')
      const events = (response as { events?: FilteredEvent[] }).events ?? []
      const line = (e: FilteredEvent) => {
        const at = e.timestamp ?? 0
        const message = e.message ?? ''
        if (format === 'short') return `${isoTimestamp(at).slice(0, 19)} ${message}`
        if (format === 'json') return `${isoTimestamp(at)} ${e.logStreamName ?? ''} ${prettyJson(message)}`
        return `${new Date(at).toISOString().slice(0, 23)}000+00:00 ${e.logStreamName ?? ''} ${message}`
      }
      return events.map((e) => `${line(e).trimEnd()}\n`).join('')
    },
  },
}
