import { ERRNO_TEXT, type ContainerFs, type FsErrno } from './fs.ts'
import { normalise } from './paths.ts'

/**
 * The small POSIX subset a container runs (busybox/dash-like): `sh -c`, `;`, `&&`, `||`, `>` and `>>`, `$VAR`, and
 * echo, cat, ls [-l] [-a], rm [-r] [-f], mkdir [-p], touch, cp, mv, id, whoami, sleep, pwd, env, hostname, true,
 * false, tail -f. Enough for the course's storage steps; anything else is "not found" (exit 127), as sh says it.
 */
export interface Process {
  fs: ContainerFs
  env: Record<string, string>
  cwd: string
  /** `--user` as given (`''` = the image's user, root here). */
  user: string
  hostname: string
  /** The date `ls -l` shows for every file (the simulation keeps no per-file times). */
  mtime: string
  /** What the container can reach over docker0, when the engine models it (ECS's bridge containers): `curl` then runs. */
  network?: ContainerNetwork
}

/** An HTTP GET from inside a container to `ip:port` on its network: the answer, or nothing listening there. */
export interface ContainerNetwork {
  get(ip: string, port: number, path: string): { status: number; body: string } | undefined
}

export interface RunResult {
  stdout: string
  stderr: string
  exitCode: number
  /** How long the commands keep the process alive (`sleep`, `tail -f`): Infinity for ever. */
  runsForMs: number
}

/** Commands the subset knows (for `executable file not found` at the top level). */
export const COMMANDS = new Set(['sh', 'echo', 'cat', 'ls', 'rm', 'mkdir', 'touch', 'cp', 'mv', 'id', 'whoami', 'sleep', 'pwd', 'env', 'hostname', 'true', 'false', 'tail'])

type Token = { word: string } | { op: ';' | '&&' | '||' | '>' | '>>' }

/**
 * Words: runs of plain characters, '…' (literal), "…" (with $VAR); operators `;` `&&` `||` `>` `>>`.
 * Grammar: list := command ((';' | '&&' | '||') command)* ; command := word+ (('>' | '>>') word)?
 */
function tokenize(line: string, env: Record<string, string>): Token[] | string {
  const out: Token[] = []
  let i = 0
  const expand = (name: string) => env[name] ?? ''
  while (i < line.length) {
    const c = line[i]
    if (c === ' ' || c === '\t' || c === '\n') {
      i++
      continue
    }
    if (line.startsWith('&&', i) || line.startsWith('||', i) || line.startsWith('>>', i)) {
      out.push({ op: line.slice(i, i + 2) as '&&' })
      i += 2
      continue
    }
    if (c === ';' || c === '>') {
      out.push({ op: c })
      i++
      continue
    }
    let word = ''
    let quoted = false
    while (i < line.length && !' \t\n;>'.includes(line[i]) && !line.startsWith('&&', i) && !line.startsWith('||', i)) {
      const ch = line[i]
      if (ch === "'") {
        const end = line.indexOf("'", i + 1)
        if (end < 0) return 'Syntax error: Unterminated quoted string'
        word += line.slice(i + 1, end)
        quoted = true
        i = end + 1
      } else if (ch === '"') {
        let j = i + 1
        while (j < line.length && line[j] !== '"') {
          if (line[j] === '\\' && j + 1 < line.length) {
            word += line[j + 1]
            j += 2
          } else if (line[j] === '$') {
            const m = /^\$(\w+|\{\w+\})/.exec(line.slice(j))
            if (m) {
              word += expand(m[1].replace(/[{}]/g, ''))
              j += m[0].length
            } else word += line[j++]
          } else word += line[j++]
        }
        if (j >= line.length) return 'Syntax error: Unterminated quoted string'
        quoted = true
        i = j + 1
      } else if (ch === '$') {
        const m = /^\$(\w+|\{\w+\})/.exec(line.slice(i))
        if (m) {
          word += expand(m[1].replace(/[{}]/g, ''))
          i += m[0].length
        } else word += line[i++]
      } else if (ch === '\\' && i + 1 < line.length) {
        word += line[i + 1]
        i += 2
      } else word += line[i++]
    }
    if (word !== '' || quoted) out.push({ word })
  }
  return out
}

/** Runs a command line through `sh -c` semantics. */
export function runShellLine(p: Process, line: string): RunResult {
  const tokens = tokenize(line, p.env)
  const result: RunResult = { stdout: '', stderr: '', exitCode: 0, runsForMs: 0 }
  if (typeof tokens === 'string') return { ...result, stderr: `sh: ${tokens}\n`, exitCode: 2 }
  let i = 0
  let skip = false
  while (i < tokens.length) {
    const argv: string[] = []
    let redirect: { append: boolean; target: string } | undefined
    while (i < tokens.length && 'word' in tokens[i]) argv.push((tokens[i++] as { word: string }).word)
    while (i < tokens.length && 'op' in tokens[i] && ((tokens[i] as { op: string }).op === '>' || (tokens[i] as { op: string }).op === '>>')) {
      const op = (tokens[i] as { op: string }).op
      const target = tokens[i + 1]
      if (!target || !('word' in target)) return { ...result, stderr: `${result.stderr}sh: Syntax error: newline unexpected\n`, exitCode: 2 }
      redirect = { append: op === '>>', target: target.word }
      i += 2
      while (i < tokens.length && 'word' in tokens[i]) argv.push((tokens[i++] as { word: string }).word)
    }
    const next = i < tokens.length ? (tokens[i++] as { op: string }).op : ';'
    if (!skip && argv.length > 0) {
      const r = runCommand(p, argv, redirect)
      result.stdout += r.stdout
      result.stderr += r.stderr
      result.exitCode = r.exitCode
      result.runsForMs += r.runsForMs
    }
    skip = (next === '&&' && result.exitCode !== 0) || (next === '||' && result.exitCode === 0) ? true : next === ';' ? false : skip
  }
  return result
}

/** One command with an optional output redirection. */
export function runCommand(p: Process, argv: string[], redirect?: { append: boolean; target: string }): RunResult {
  const out = { stdout: '', stderr: '', exitCode: 0, runsForMs: 0 }
  const r = dispatch(p, argv)
  out.stderr = r.stderr
  out.exitCode = r.exitCode
  out.runsForMs = r.runsForMs
  if (!redirect) return { ...out, stdout: r.stdout }
  const path = normalise(redirect.target, p.cwd)
  const failed = p.fs.write(path, r.stdout, redirect.append)
  if (failed) return { ...out, stderr: `${out.stderr}sh: 1: cannot create ${redirect.target}: ${failed === 'ENOENT' ? 'Directory nonexistent' : ERRNO_TEXT[failed]}\n`, exitCode: 2 }
  return out
}

const ok = (stdout = ''): RunResult => ({ stdout, stderr: '', exitCode: 0, runsForMs: 0 })
const fail = (stderr: string, exitCode = 1): RunResult => ({ stdout: '', stderr, exitCode, runsForMs: 0 })

function dispatch(p: Process, argv: string[]): RunResult {
  const [name, ...args] = argv
  const at = (path: string) => normalise(path, p.cwd)
  const flags = (all: string[]) => ({ opts: all.filter((a) => /^-\w+$/.test(a)).join(''), rest: all.filter((a) => !/^-\w+$/.test(a)) })
  switch (name) {
    case 'sh':
    case '/bin/sh': {
      if (args[0] === '-c') return args[1] === undefined ? fail('sh: 0: -c requires an argument\n', 2) : runShellLine(p, args[1])
      return ok()
    }
    case 'echo': {
      const newline = args[0] !== '-n'
      return ok(`${(newline ? args : args.slice(1)).join(' ')}${newline ? '\n' : ''}`)
    }
    case 'cat': {
      let stdout = ''
      let stderr = ''
      for (const a of args) {
        const text = p.fs.read(at(a))
        if (text === 'ENOENT' || text === 'EISDIR') stderr += `cat: ${a}: ${ERRNO_TEXT[text as FsErrno]}\n`
        else stdout += text
      }
      return { stdout, stderr, exitCode: stderr ? 1 : 0, runsForMs: 0 }
    }
    case 'ls':
      return ls(p, args)
    case 'rm': {
      const { opts, rest } = flags(args)
      let stderr = ''
      for (const a of rest) {
        const failed = p.fs.remove(at(a), /[rR]/.test(opts))
        if (failed === 'ENOENT' && opts.includes('f')) continue
        if (failed) stderr += `rm: cannot remove '${a}': ${ERRNO_TEXT[failed]}\n`
      }
      if (rest.length === 0 && !opts.includes('f')) stderr = "rm: missing operand\nTry 'rm --help' for more information.\n"
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0, runsForMs: 0 }
    }
    case 'mkdir': {
      const { opts, rest } = flags(args)
      let stderr = ''
      for (const a of rest) {
        const failed = p.fs.mkdir(at(a), opts.includes('p'))
        if (failed) stderr += `mkdir: cannot create directory '${a}': ${ERRNO_TEXT[failed]}\n`
      }
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0, runsForMs: 0 }
    }
    case 'touch': {
      let stderr = ''
      for (const a of args) {
        const current = p.fs.read(at(a))
        if (current === 'EISDIR') continue
        const failed = p.fs.write(at(a), current === 'ENOENT' ? '' : current)
        if (failed) stderr += `touch: cannot touch '${a}': ${ERRNO_TEXT[failed]}\n`
      }
      return { stdout: '', stderr, exitCode: stderr ? 1 : 0, runsForMs: 0 }
    }
    case 'cp':
    case 'mv': {
      const { rest } = flags(args)
      if (rest.length !== 2) return fail(`${name}: missing destination file operand after '${rest[0] ?? ''}'\n`)
      const [from, to] = rest
      const text = p.fs.read(at(from))
      if (text === 'ENOENT' || text === 'EISDIR')
        return fail(text === 'EISDIR' ? `${name}: -r not specified; omitting directory '${from}'\n` : `${name}: cannot stat '${from}': No such file or directory\n`)
      const target = p.fs.isDir(at(to)) ? `${at(to)}/${at(from).slice(at(from).lastIndexOf('/') + 1)}` : at(to)
      const failed = p.fs.write(target, text)
      if (failed) return fail(`${name}: cannot create regular file '${to}': ${ERRNO_TEXT[failed]}\n`)
      if (name === 'mv') p.fs.remove(at(from), false)
      return ok()
    }
    case 'id': {
      const { uid, user } = identity(p)
      return ok(`uid=${uid}${user ? `(${user})` : ''} gid=0(root) groups=0(root)\n`)
    }
    case 'whoami': {
      const { uid, user } = identity(p)
      return user ? ok(`${user}\n`) : fail(`whoami: cannot find name for user ID ${uid}\n`)
    }
    case 'sleep': {
      const seconds = args[0] === 'infinity' ? Infinity : Number(args[0])
      if (!(seconds >= 0)) return fail(`sleep: invalid time interval '${args[0] ?? ''}'\n`)
      return { ...ok(), runsForMs: seconds * 1000 }
    }
    case 'tail':
      return args.includes('-f') ? { ...ok(), runsForMs: Infinity } : fail('tail: option requires an argument\n')
    case 'pwd':
      return ok(`${p.cwd}\n`)
    case 'env':
      return ok(Object.entries(p.env).map(([k, v]) => `${k}=${v}\n`).join(''))
    case 'hostname':
      return ok(`${p.hostname}\n`)
    case 'true':
      return ok()
    case 'false':
      return fail('')
    case 'curl':
      if (p.network) return curl(p, p.network, args)
      return fail(`sh: 1: ${name}: not found\n`, 127)
    default:
      return fail(`sh: 1: ${name}: not found\n`, 127)
  }
}

/** The numeric uid a process runs as (for file permissions); an unknown name counts as root's refusal to guess: -1. */
export function uidOf(p: Process): number {
  const uid = Number(identity(p).uid)
  return Number.isInteger(uid) ? uid : -1
}

/** `--user` resolved against /etc/passwd (a name or a numeric uid). */
function identity(p: Process): { uid: string; user?: string } {
  const spec = p.user.split(':')[0] || 'root'
  const passwd = p.fs.read('/etc/passwd')
  const lines = typeof passwd === 'string' && passwd !== 'ENOENT' && passwd !== 'EISDIR' ? passwd.split('\n') : []
  for (const line of lines) {
    const [name, , uid] = line.split(':')
    if (name === spec || uid === spec) return { uid, user: name }
  }
  return { uid: spec }
}

function ls(p: Process, args: string[]): RunResult {
  const opts = args.filter((a) => /^-\w+$/.test(a)).join('')
  const paths = args.filter((a) => !/^-\w+$/.test(a))
  const long = opts.includes('l')
  const all = opts.includes('a')
  let stdout = ''
  let stderr = ''
  const line = (path: string, name: string) => {
    if (!long) return `${name}\n`
    const s = p.fs.stat(path)
    const isDir = s?.entry.k === 'd'
    const size = s?.entry.k === 'f' ? new TextEncoder().encode(s.entry.c).length : 4096
    return `${isDir ? 'drwxr-xr-x' : '-rw-r--r--'} ${isDir ? 2 : 1} root root ${String(size).padStart(4)} ${p.mtime} ${name}\n`
  }
  const targets = paths.length ? paths : ['.']
  for (const [n, target] of targets.entries()) {
    const path = normalise(target, p.cwd)
    const names = p.fs.list(path)
    if (names === 'ENOENT') {
      stderr += `ls: cannot access '${target}': No such file or directory\n`
      continue
    }
    if (typeof names === 'string') {
      stdout += line(path, target)
      continue
    }
    if (targets.length > 1) stdout += `${n > 0 ? '\n' : ''}${target}:\n`
    const shown = names.filter((name) => all || !name.startsWith('.'))
    if (long) stdout += `total ${shown.length * 4}\n`
    for (const name of shown) stdout += line(path === '/' ? `/${name}` : `${path}/${name}`, name)
  }
  return { stdout, stderr, exitCode: stderr ? 2 : 0, runsForMs: 0 }
}

/**
 * `curl [-s] [-f] URL` inside a container: the host name is looked up in the container's /etc/hosts (where Docker
 * writes its links), an address is taken as it is; the body goes to stdout. curl's own errors (curl(1) EXIT CODES,
 * the wording of curl 8): 6 "Could not resolve host", 7 "Failed to connect", 22 with -f on an HTTP error.
 */
function curl(p: Process, network: ContainerNetwork, args: string[]): RunResult {
  const flags = args.filter((a) => a.startsWith('-'))
  const url = args.find((a) => !a.startsWith('-'))
  if (!url) return fail('curl: try \'curl --help\' for more information\n', 2)
  const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!m) return fail(`curl: (3) URL rejected: Malformed input to a URL function\n`, 3)
  const [, hostname, portText, path] = m
  const port = Number(portText ?? 80)
  const hosts = p.fs.read('/etc/hosts')
  let ip = /^\d+\.\d+\.\d+\.\d+$/.test(hostname) ? hostname : undefined
  if (!ip && typeof hosts === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES'].includes(hosts))
    for (const line of hosts.split('\n')) {
      const [address, ...names] = line.split(/\s+/).filter(Boolean)
      if (address && names.includes(hostname) && /^\d/.test(address)) {
        ip = address
        break
      }
    }
  if (!ip) return fail(`curl: (6) Could not resolve host: ${hostname}\n`, 6)
  const answer = network.get(ip, port, path ?? '/')
  if (!answer) return fail(`curl: (7) Failed to connect to ${hostname} port ${port} after 0 ms: Couldn't connect to server\n`, 7)
  if (answer.status >= 400 && flags.some((f) => /^-\w*f/.test(f) || f === '--fail'))
    return fail(`curl: (22) The requested URL returned error: ${answer.status}\n`, 22)
  return ok(answer.body)
}
