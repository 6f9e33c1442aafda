import type { ProgramIO } from '../program.ts'
import type { Redirect } from './ast.ts'
import { ShellSyntaxError } from './errors.ts'
import { isDirectory, resolvePath } from './paths.ts'

type Files = ProgramIO['files']

/** Where a file descriptor's text goes. Files collect text and are written once the command ends. */
export type Sink =
  | { kind: 'stdout' }
  | { kind: 'stderr' }
  | { kind: 'null' }
  | { kind: 'file'; path: string; text: string }
  /** The write end of a pipe: the next command of the pipeline reads this text as its standard input. */
  | { kind: 'pipe'; text: string }

/** The command's standard output (fd 1) and standard error (fd 2), after its redirections. */
export class Descriptors {
  fd1: Sink
  fd2: Sink = { kind: 'stderr' }
  /** Standard input (fd 0): the pipe's text, or a `< file`'s; undefined is the terminal. */
  stdin: string | undefined
  private readonly opened: Extract<Sink, { kind: 'file' }>[] = []
  private readonly files: Files
  /** Inside a pipeline, `stdout` is the pipe to the next command and `stdin` the text from the previous one. */
  constructor(files: Files, pipe?: { stdout?: Sink; stdin?: string }) {
    this.files = files
    this.fd1 = pipe?.stdout ?? { kind: 'stdout' }
    this.stdin = pipe?.stdin
  }

  /**
   * Applies one redirection, left to right as bash does (`> f 2>&1` sends both to f; `2>&1 > f` only
   * stdout). `>` truncates the file at once, even if the command then fails or is not found.
   * `target` is the expanded target word (exactly one field).
   */
  apply(redirect: Redirect, target: string): void {
    if (redirect.op === '>&') {
      const from = target === '1' ? this.fd1 : target === '2' ? this.fd2 : undefined
      if (!from) throw new ShellSyntaxError(`${target}: Bad file descriptor`, 1)
      this.set(redirect.fd, from)
      return
    }
    if (redirect.op === '<<<') {
      if (redirect.fd === 0) this.stdin = `${target}\n`
      return
    }
    if (redirect.op === '<') {
      // Input: the file must exist (bash opens it first); it replaces a pipe's text, as in bash.
      const path = resolvePath(target)
      const text = path === undefined ? undefined : this.files.read(path)
      if (text === undefined) {
        const why = path !== undefined && isDirectory(path, this.files.list()) ? 'Is a directory' : 'No such file or directory'
        throw new ShellSyntaxError(`${target}: ${why}`, 1)
      }
      if (redirect.fd === 0) this.stdin = text
      return
    }
    const append = redirect.op === '>>' || redirect.op === '&>>'
    const sink = this.open(target, append)
    if (redirect.op === '&>' || redirect.op === '&>>') {
      this.fd1 = sink
      this.fd2 = sink
    } else this.set(redirect.fd, sink)
  }

  private set(fd: number, sink: Sink): void {
    if (fd === 1) this.fd1 = sink
    else if (fd === 2) this.fd2 = sink
    // Other descriptors: nothing here writes to them; the file was still created, as bash does.
  }

  private open(target: string, append: boolean): Sink {
    if (target === '/dev/null') return { kind: 'null' }
    if (target === '/dev/stdout') return this.fd1
    if (target === '/dev/stderr') return this.fd2
    // An empty word names no file at all (bash: `: No such file or directory`), not the working folder.
    if (target === '') throw new ShellSyntaxError(': No such file or directory', 1)
    const path = resolvePath(target)
    if (path === undefined) throw new ShellSyntaxError(`${target}: Permission denied`, 1)
    const names = this.files.list()
    if (isDirectory(path, names)) throw new ShellSyntaxError(`${target}: Is a directory`, 1)
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    if (!isDirectory(parent, names)) throw new ShellSyntaxError(`${target}: No such file or directory`, 1)
    const existing = this.opened.find((s) => s.path === path)
    if (existing && append) return existing
    const sink = { kind: 'file' as const, path, text: append ? (this.files.read(path) ?? '') : '' }
    if (!append) this.files.write(path, '')
    this.opened.push(sink)
    return sink
  }

  /** Writes each redirected file once, after the command. */
  flush(): void {
    for (const sink of this.opened) this.files.write(sink.path, sink.text)
  }
}
