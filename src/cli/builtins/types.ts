import type { ProgramIO, ProgramTable } from '../program.ts'
import type { ShellState } from '../shell/state.ts'

/** What a built-in may see of the shell running it (a program from the table sees only ProgramIO). */
export interface ShellContext {
  state: ShellState
  /** The programs the sandbox registered (`aws`, `docker`, `curl`), for `help`. */
  programs: ProgramTable
}

export interface Builtin {
  /** One line for `help`. */
  summary: string
  /**
   * True for built-ins that change or read the shell itself (`export`, `cd`, `history`): a program
   * of the same name never replaces them. The others (`cat`, `ls`, ...) give way to a registered program.
   */
  shell?: boolean
  run(args: string[], io: ProgramIO, shell: ShellContext): number
}
