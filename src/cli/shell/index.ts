/**
 * The bash-like shell behind `sandbox.exec(line)`: words, quoting, `$VAR`, `$(...)`, `;` `&&` `||`,
 * assignments, output redirection and the built-ins. Pipes, compound commands and input redirection
 * are refused with one clear line (exit 2) before anything runs.
 *
 * lexer.ts + words.ts (characters to tokens) → parser.ts (tokens to ast.ts) → expand.ts, braces.ts,
 * glob.ts (words to argv) → interpreter.ts + redirect.ts (run) — each rule's grammar is above it.
 */
import type { ProgramIO, ProgramTable } from '../program.ts'
import { ShellSyntaxError } from './errors.ts'
import { Interpreter } from './interpreter.ts'
import { parseLine } from './parser.ts'
import type { ShellState } from './state.ts'

export { emptyShellState, type ShellState } from './state.ts'

export const HISTORY_LIMIT = 1000
export { HOME_DIR, resolvePath } from './paths.ts'

/**
 * Runs one input (possibly several lines) and returns what it printed; mutates `state` (variables,
 * history, `$?`). Deterministic; never throws for bad input (a program that throws propagates).
 */
export function runShell(
  line: string,
  state: ShellState,
  programs: ProgramTable,
  files: ProgramIO['files'],
): { stdout: string; stderr: string; exitCode: number } {
  if (line.trim()) {
    state.history.push(line.replace(/\n+$/, ''))
    // bash keeps HISTSIZE (default 500) entries; the sandbox keeps more, but bounded, so snapshots stay small.
    if (state.history.length > HISTORY_LIMIT) state.history.splice(0, state.history.length - HISTORY_LIMIT)
  }
  let list
  try {
    list = parseLine(line)
  } catch (error) {
    if (!(error instanceof ShellSyntaxError)) throw error
    state.lastExitCode = error.exitCode
    return { stdout: '', stderr: `bash: ${error.message}\n`, exitCode: error.exitCode }
  }
  const interpreter = new Interpreter(state, programs, files)
  if (list.items.length === 0) return { stdout: '', stderr: '', exitCode: state.lastExitCode }
  interpreter.runList(list)
  return { ...interpreter.output, exitCode: state.lastExitCode }
}
