/**
 * A program the shell can run (`aws`, `docker`, `curl`, and the built-ins): argv in (already split into
 * words by the shell, without the program name), text out, an exit code back. Programs never throw for
 * bad input: they write the real tool's message to stderr and return its exit code.
 */
export interface ProgramIO {
  stdout(text: string): void
  stderr(text: string): void
  /**
   * Standard input: what the previous command of a pipeline wrote (`aws ... | grep x`) or a `< file`.
   * Undefined when it is the terminal: the sandbox has no typing into a running program, so a program
   * that would wait for the keyboard (`cat` alone, `grep x`) reads nothing and ends, as after Ctrl+D.
   */
  readonly stdin?: string
  /** Shell variables visible to the program (e.g. `AWS_DEFAULT_REGION`). */
  readonly env: Readonly<Record<string, string>>
  /** The working folder, for `file://`, `cat` and `ls`. */
  readonly files: {
    read(path: string): string | undefined
    write(path: string, text: string): void
    list(): string[]
  }
}

export type Program = (args: string[], io: ProgramIO) => number

/** Programs by name, e.g. `{ aws, docker, curl }`; the shell adds its own built-ins. */
export type ProgramTable = Readonly<Record<string, Program>>
