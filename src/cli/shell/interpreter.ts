import { builtins, type ShellContext } from '../builtins/index.ts'
import type { ProgramIO, ProgramTable } from '../program.ts'
import type { AndOr, List, Pipeline, SimpleCommand, Word } from './ast.ts'
import { ShellSyntaxError } from './errors.ts'
import { expandValue, expandWord, type ExpandContext } from './expand.ts'
import { Descriptors, type Sink } from './redirect.ts'
import { exportedEnv, setOwn, setVar, subshellState, type ShellState } from './state.ts'

type Files = ProgramIO['files']

/** Everything a run printed, in the order printed, per stream. */
export interface Output {
  stdout: string
  stderr: string
}

/** Runs a parsed list against one shell state. Exit statuses land in `state.lastExitCode` (`$?`). */
export class Interpreter {
  private readonly state: ShellState
  private readonly programs: ProgramTable
  private readonly files: Files
  readonly output: Output = { stdout: '', stderr: '' }

  constructor(state: ShellState, programs: ProgramTable, files: Files) {
    this.state = state
    this.programs = programs
    this.files = files
  }

  /** list: every and-or in turn; `;` and newlines never stop the line. */
  runList(list: List): void {
    for (const item of list.items) this.runAndOr(item)
  }

  /** `a && b` runs b only if a succeeded, `a || b` only if it failed; the status is the last one run. */
  private runAndOr(item: AndOr): void {
    let status = this.runPipeline(item.first)
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') === (status === 0)) status = this.runPipeline(pipeline)
    }
  }

  /**
   * `a | b | c`: each command's standard output becomes the next one's standard input; standard error
   * still reaches the terminal. Commands run one after the other (the sandbox is synchronous), which
   * gives the same text as bash's concurrent run. The status is the last command's, or with
   * `set -o pipefail` the last non-zero one. https://www.gnu.org/software/bash/manual/html_node/Pipelines.html
   */
  private runPipeline(pipeline: Pipeline): number {
    const { commands } = pipeline
    const [only] = commands
    if (commands.length === 1 && only) return this.runCommand(only, new Descriptors(this.files))
    let stdin: string | undefined
    const statuses: number[] = []
    commands.forEach((command, i) => {
      const pipe: Sink | undefined = i < commands.length - 1 ? { kind: 'pipe', text: '' } : undefined
      // Each command of a pipeline runs in a subshell: `X=1 | cat` or `cd x | cat` change nothing afterwards,
      // and every command sees the `$?` from before the pipeline.
      const sub = new Interpreter(subshellState(this.state), this.programs, this.files)
      statuses.push(sub.runCommand(command, new Descriptors(this.files, { stdout: pipe, stdin: i > 0 ? (stdin ?? '') : undefined })))
      this.output.stdout += sub.output.stdout
      this.output.stderr += sub.output.stderr
      stdin = pipe?.kind === 'pipe' ? pipe.text : undefined
    })
    const pipefail = this.state.options?.includes('pipefail') ?? false
    const status = pipefail ? ([...statuses].reverse().find((s) => s !== 0) ?? 0) : (statuses[statuses.length - 1] ?? 0)
    this.state.lastExitCode = status
    return status
  }

  private runCommand(command: SimpleCommand, fds: Descriptors): number {
    const status = this.execute(command, fds)
    fds.flush()
    this.state.lastExitCode = status
    return status
  }

  /**
   * Bash's order for a simple command: expand the words, perform the redirections, expand the
   * assignments; then either set the variables (no words) or run the command with them in its env.
   */
  private execute(command: SimpleCommand, fds: Descriptors): number {
    let substitutionStatus: number | undefined
    const ctx: ExpandContext = {
      state: this.state,
      listFiles: () => this.files.list(),
      substitute: (list) => {
        const sub = new Interpreter(subshellState(this.state), this.programs, this.files)
        sub.runList(list)
        // The substitution's errors reach the terminal even when the command's stderr is redirected.
        this.output.stderr += sub.output.stderr
        substitutionStatus = sub.state.lastExitCode
        return sub.output.stdout
      },
    }
    let argv: string[]
    const assigned: Record<string, string> = {}
    try {
      argv = this.expandArguments(command.words, ctx)
      for (const redirect of command.redirects) {
        // A here-string's word is one text, never split or globbed (bash's manual, Here Strings).
        const target = redirect.op === '<<<' ? [expandValue(redirect.target.parts, ctx)] : expandWord(redirect.target, ctx, false)
        if (target.length !== 1) throw new ShellSyntaxError(`${redirect.target.raw}: ambiguous redirect`, 1)
        fds.apply(redirect, target[0] ?? '')
      }
      for (const { name, value } of command.assignments) setOwn(assigned, name, expandValue(value, ctx))
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error
      this.output.stderr += `bash: ${error.message}\n`
      return error.exitCode
    }
    const [name, ...args] = argv
    if (name === undefined) {
      for (const [key, value] of Object.entries(assigned)) setVar(this.state, key, value)
      return substitutionStatus ?? 0
    }
    const io: ProgramIO = {
      stdout: (text) => this.write(fds.fd1, text),
      stderr: (text) => this.write(fds.fd2, text),
      stdin: fds.stdin,
      env: { ...exportedEnv(this.state), ...assigned },
      files: this.files,
    }
    const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined
    const program = Object.hasOwn(this.programs, name) ? this.programs[name] : undefined
    if (builtin && (builtin.shell || !program)) return builtin.run(args, io, this.context()) & 255
    if (program) return program(args, io) & 255
    io.stderr(name.includes('/') ? `bash: ${name}: No such file or directory\n` : `bash: ${name}: command not found\n`)
    return 127
  }

  /**
   * `export X=$(...)` is a declaration: its `name=value` arguments expand like assignments (no
   * splitting, no globbing), as in bash 5, so tab-separated `--output text` survives whole.
   */
  private expandArguments(words: Word[], ctx: ExpandContext): string[] {
    const declaration = words[0]?.raw === 'export'
    return words.flatMap((word, i) => {
      const first = word.parts[0]
      const match = first?.kind === 'text' && !first.quoted ? /^[A-Za-z_][A-Za-z0-9_]*=/.exec(first.text) : null
      if (!declaration || i === 0 || !match || first?.kind !== 'text') return expandWord(word, ctx)
      const rest = [{ ...first, text: first.text.slice(match[0].length) }, ...word.parts.slice(1)]
      return [match[0] + expandValue(rest, ctx)]
    })
  }

  private write(sink: Sink, text: string): void {
    if (sink.kind === 'stdout') this.output.stdout += text
    else if (sink.kind === 'stderr') this.output.stderr += text
    else if (sink.kind === 'file' || sink.kind === 'pipe') sink.text += text
  }

  private context(): ShellContext {
    return { state: this.state, programs: this.programs }
  }
}
