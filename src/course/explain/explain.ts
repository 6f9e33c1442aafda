import { CATALOGUE } from './catalogue.ts'
import type { CommandResult, ExplainContext, Explanation, Failure } from './types.ts'
import { regionOf } from './words.ts'

/**
 * One plain-words cause for a failed command, or undefined when the catalogue has nothing to add (a
 * success, or `grep` finding nothing). Reads only what the command printed, the line as typed and the
 * views in `context`; the CLI's own output is never changed.
 */
export function explainError(result: CommandResult, line: string, context: ExplainContext = {}): Explanation | undefined {
  if (result.exitCode === 0) return undefined
  // The AWS CLI's ClientError format: `An error occurred (Code) when calling the Op operation: message`.
  const aws = /An error occurred \(([A-Za-z0-9_.:-]+)\)(?: when calling the \w+ operation)?: ?(.*)/.exec(result.stderr)
  const curl = /^curl: \((\d+)\)/m.exec(result.stderr)
  const failure: Failure = {
    ...result,
    line,
    code: aws?.[1],
    message: aws?.[2],
    curl: curl ? Number(curl[1]) : undefined,
    region: regionOf(line, context.region),
    context,
  }
  const entry = CATALOGUE.find((e) => e.matches(failure))
  return entry?.explain(failure)
}
