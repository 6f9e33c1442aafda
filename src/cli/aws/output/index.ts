// AWS CLI v2 output formats: json, text, table, yaml, yaml-stream, off, and --query.
// Facts: aws-fidelity.md 1.12 (JSON), 1.13 (text), 1.14 (table), 1.15 (YAML), 1.16 (--query), 1.17 (pagination).
// aws-cli source: `awscli/formatter.py` (one formatter per --output value), `awscli/text.py`, `awscli/table.py`.
import { formatJson } from './json.ts'
import { formatText } from './text.ts'
import { formatTable } from './table.ts'
import { dumpYaml } from './yaml.ts'
import { isPlainObject } from './pyStr.ts'
import { applyQuery } from './query.ts'

export { applyQuery, compileQuery, QueryError } from './query.ts'
export { TableShapeError } from './table.ts'

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off'

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off']

const isEmptyDict = (v: unknown): boolean => isPlainObject(v) && Object.keys(v).length === 0

/**
 * Formats an already-shaped response (plain JSON, keys in model order, timestamps already ISO strings), after any
 * --query. `operationName` is the model's name (`DescribeClusters`), the table title. Returns the exact stdout
 * text, with its trailing newline; '' when the CLI prints nothing. May throw TableShapeError (exit 255) where
 * aws-cli's table code raises on ragged rows.
 */
export function formatOutput(value: unknown, format: OutputFormat, operationName: string): string {
  switch (format) {
    case 'json': return formatJson(value)
    case 'text': return value === undefined ? '' : formatText(value)
    case 'table': return formatTable(value, operationName)
    case 'yaml':
      if (value === undefined || isEmptyDict(value)) return ''
      // Scalar --query results print as JSON (fact 1.15).
      if (!Array.isArray(value) && !isPlainObject(value)) return formatJson(value)
      return dumpYaml(value)
    case 'yaml-stream':
      return value === undefined ? '' : dumpYaml([value])
    case 'off': return ''
  }
}

export interface RenderOptions {
  /** The --query expression, if any. */
  query?: string
  /**
   * True when the operation was auto-paginated. The response's top-level `NextToken` (added by --max-items,
   * fact 1.17) is then the resume token: text prints it last as `NEXTTOKEN\t<token>` (formatted and queried
   * like a page of its own, as `TextFormatter` does), yaml-stream does not print it.
   */
  paginated?: boolean
}

/**
 * The whole stdout of a successful call, the way `awscli/formatter.py` runs: --query applied to the full result
 * for json/table/yaml; for text per page and then to the `{NextToken: {NextToken: token}}` pseudo-page.
 * Throws QueryError (252 for a bad expression, 255 for runtime failures).
 */
export function renderOutput(response: unknown, format: OutputFormat, operationName: string, options: RenderOptions = {}): string {
  const { query, paginated = false } = options
  const search = (v: unknown): unknown => (query === undefined ? v : applyQuery(v, query))
  if (format === 'off') {
    if (query !== undefined) search(response)
    return ''
  }
  if (paginated && (format === 'text' || format === 'yaml-stream') && isPlainObject(response) && 'NextToken' in response) {
    const { NextToken: token, ...page } = response
    if (format === 'yaml-stream') return formatOutput(search(page), format, operationName)
    return formatText(search(page)) + formatText(search({ NextToken: { NextToken: token } }))
  }
  return formatOutput(search(response), format, operationName)
}
