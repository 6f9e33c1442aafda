/**
 * The bash-like shell behind `sandbox.exec(line)`: words, quoting, `$VAR`, `$(...)`, `;` `&&` `||`, pipes
 * `|`, assignments, redirection (`>`, `>>`, `2>&1`, `<`, `<<<`) and the built-ins. Compound commands and
 * here-documents are refused with one clear line (exit 2) before anything runs.
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

type Chunk = { list: ReturnType<typeof parseLine>; error?: undefined } | { error: ShellSyntaxError }

/** Errors that mean "the command goes on on the next line": an open quote or `$(`, a trailing `&&` or `|`. */
const continues = (e: ShellSyntaxError) => e.message.startsWith('unexpected EOF') || e.message === 'syntax error: unexpected end of file'

/**
 * Splits pasted input the way interactive bash reads it: one complete command at a time, each parsed and run
 * before the next is read. A line that is not complete yet (open quote, trailing `\\` or `&&`) takes the next
 * line with it; a syntax error stops only its own command, so the lines before it have already run.
 */
function* completeCommands(input: string): Generator<Chunk> {
  const lines = input.split('\n')
  for (let i = 0; i < lines.length; i++) {
    let chunk = lines[i]
    for (;;) {
      const endsWithBackslash = /(^|[^\\])(\\\\)*\\$/.test(chunk)
      if (endsWithBackslash && i + 1 < lines.length) {
        chunk += `\n${lines[++i]}`
        continue
      }
      try {
        yield { list: parseLine(chunk) }
      } catch (error) {
        if (!(error instanceof ShellSyntaxError)) throw error
        if (continues(error) && i + 1 < lines.length) {
          chunk += `\n${lines[++i]}`
          continue
        }
        yield { error }
      }
      break
    }
  }
}

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
  const interpreter = new Interpreter(state, programs, files)
  for (const command of completeCommands(line)) {
    if (command.error) {
      interpreter.output.stderr += `bash: ${command.error.message}\n`
      state.lastExitCode = command.error.exitCode
    } else if (command.list.items.length) interpreter.runList(command.list)
  }
  return { ...interpreter.output, exitCode: state.lastExitCode }
}
