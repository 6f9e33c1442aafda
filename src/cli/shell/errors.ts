/**
 * A line the shell refuses before running anything. `message` is what bash prints after `bash: `
 * (interactive bash wording, without the `-c: line 1:` prefix of `bash -c`).
 */
export class ShellSyntaxError extends Error {
  readonly exitCode: number
  constructor(message: string, exitCode = 2) {
    super(message)
    this.name = 'ShellSyntaxError'
    this.exitCode = exitCode
  }
}

export const unexpectedToken = (token: string): ShellSyntaxError =>
  new ShellSyntaxError(`syntax error near unexpected token \`${token}'`)

export const unexpectedEof = (closing: string): ShellSyntaxError =>
  new ShellSyntaxError(`unexpected EOF while looking for matching \`${closing}'`)

export const unexpectedEndOfFile = (): ShellSyntaxError => new ShellSyntaxError('syntax error: unexpected end of file')

/** Constructs real bash accepts but this sandbox does not run; refused up front so nothing half-runs. */
export const unsupported = (what: string): ShellSyntaxError => new ShellSyntaxError(`${what} not supported in this sandbox`)

/** An expansion bash refuses when it reaches it (the command is skipped, `$?` is 1). */
export const badSubstitution = (raw: string): ShellSyntaxError => new ShellSyntaxError(`${raw}: bad substitution`, 1)
