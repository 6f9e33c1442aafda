/**
 * How the AWS CLI v2 (era C, 2.34+) reports failures on stderr, byte for byte, with its exit codes
 * (fidelity §1.2, §1.3). Every error starts with a blank line.
 */
export const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n'

export const EXIT = { ok: 0, paramValidation: 252, configuration: 253, service: 254, general: 255 } as const

/** A failure the CLI reports itself; `text` is the full stderr. */
export class CliError extends Error {
  readonly exitCode: number
  readonly text: string

  constructor(text: string, exitCode: number) {
    super(text.trim())
    this.name = 'CliError'
    this.text = text
    this.exitCode = exitCode
  }
}

/** argparse errors (invalid choice, missing required arguments, expected one argument): message, then usage. */
export const argparseError = (message: string) =>
  new CliError(`\naws: [ERROR]: An error occurred (ParamValidation): ${message.trim()}\n\n${USAGE}`, EXIT.paramValidation)

/** `Unknown options: a, b`: usage first, then two blank lines, then the message. */
export const unknownOptions = (items: string[]) =>
  new CliError(`\n${USAGE}\n\naws: [ERROR]: Unknown options: ${items.join(', ')}\n`, EXIT.paramValidation)

/** Parameter parsing and validation errors (JSON, shorthand, file://, botocore validation, --query): no usage. */
export const paramError = (message: string) =>
  new CliError(`\naws: [ERROR]: An error occurred (ParamValidation): ${message.trim()}\n`, EXIT.paramValidation)

/** Errors the service returned: exit 254 (fidelity §1.19). */
export const serviceError = (code: string, operation: string, message: string) =>
  new CliError(`\naws: [ERROR]: An error occurred (${code}) when calling the ${operation} operation: ${message || 'Unknown'}\n`, EXIT.service)

/** Anything else (waiter failures, int() conversions): exit 255. */
export const generalError = (message: string) => new CliError(`\naws: [ERROR]: ${message.trim()}\n`, EXIT.general)

/** argparse's "invalid choice" with difflib's suggestions (fidelity §1.4, era C/B text). */
export function invalidChoice(argument: string, value: string, suggestions: string[]): CliError {
  const maybe = suggestions.length ? `\n\nMaybe you meant:\n\n${suggestions.map((s) => `  * ${s}`).join('\n')}` : ''
  return argparseError(`argument ${argument}: Found invalid choice '${value}'${maybe}`)
}
