/**
 * `jq`, the JSON processor, as the program learners pipe the AWS CLI into (`aws ecs describe-services ... | jq
 * '.services[].status'`). The language is a documented subset of jq 1.7 (grammar in parse.ts, functions in
 * builtins.ts), written here rather than taken from npm: it must run synchronously inside `sandbox.exec`, stay
 * small in the first-load bundle, and print jq's own error texts and exit codes.
 * https://jqlang.org/manual/#invoking-jq
 */
import type { Program } from '../program.ts'
import { resolvePath } from '../shell/paths.ts'
import type { Json, Node } from './ast.ts'
import { checkProgram } from './check.ts'
import { JqCompileError, JqRuntimeError } from './errors.ts'
import { evaluate } from './evaluate.ts'
import { formatValue, type OutputStyle } from './format.ts'
import { JsonParseError, parseJsonStream, type InputValue } from './input.ts'
import { parseProgram } from './parse.ts'

const USAGE = `Usage:\tjq [OPTIONS] FILTER [FILES...]\n\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.org\n`
const UNKNOWN = (opt: string) => `jq: Unknown option: ${opt}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.org\n`

const SHORT = 'rjcnseSMCa'

interface Options {
  style: OutputStyle
  join: boolean
  nullInput: boolean
  slurp: boolean
  exitStatus: boolean
  vars: Map<string, Json>
  filter?: string
  files: string[]
}

/** Exit codes: 2 usage and unreadable input, 3 compile errors, 5 runtime errors; with -e, 1 (last false/null) and 4 (no output). */
export const jq: Program = (args, io) => {
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    io.stderr(parsed)
    return 2
  }
  const terminal = io.stdin === undefined
  if (parsed.filter === undefined && (terminal || parsed.files.length)) {
    io.stderr(USAGE)
    return 2
  }
  const source = parsed.filter ?? '.'
  let program: Node
  try {
    program = parseProgram(source)
    checkProgram(program, new Set([...parsed.vars.keys(), 'ENV', '__loc__']))
  } catch (error) {
    if (!(error instanceof JqCompileError)) throw error
    io.stderr(`jq: error: ${error.message} at <top-level>, line 1:\n${source}\njq: 1 compile error\n`)
    return 3
  }
  const env = new Map(parsed.vars).set('ENV', { ...io.env }).set('__loc__', { file: '<top-level>', line: 1 })

  const sources: { name: string; text: string }[] = []
  for (const file of parsed.files) {
    const path = resolvePath(file)
    const text = path === undefined ? undefined : io.files.read(path)
    if (text === undefined) {
      io.stderr(`jq: error: Could not open ${file}: No such file or directory\n`)
      return 2
    }
    sources.push({ name: file, text })
  }
  if (!parsed.files.length) sources.push({ name: '<stdin>', text: io.stdin ?? '' })

  let status = 0
  let lastOutput: Json | undefined
  let outputs = 0
  const run = (input: Json, where: string): void => {
    try {
      for (const value of evaluate(program, input, env)) {
        outputs++
        lastOutput = value
        io.stdout(formatValue(value, parsed.style) + (parsed.join ? '' : '\n'))
      }
    } catch (error) {
      if (error instanceof JqCompileError) {
        io.stderr(`jq: error: ${error.message} at <top-level>, line 1:\n${source}\njq: 1 compile error\n`)
        status = 3
        return
      }
      if (!(error instanceof JqRuntimeError)) throw error
      const detail = error.value === undefined ? `: ${error.message}` : ` (not a string): ${JSON.stringify(error.value)}`
      io.stderr(`jq: error (at ${where})${detail}\n`)
      status = 5
    }
  }

  if (parsed.nullInput) run(null, '<unknown>')
  else {
    const values: (InputValue & { name: string })[] = []
    for (const { name, text } of sources) {
      try {
        values.push(...parseJsonStream(text).map((v) => ({ ...v, name })))
      } catch (error) {
        if (!(error instanceof JsonParseError)) throw error
        if (!parsed.slurp) for (const v of values) run(v.value, `${v.name}:${v.line}`)
        io.stderr(`jq: parse error: ${error.message}\n`)
        return 2
      }
    }
    if (parsed.slurp) run(values.map((v) => v.value), `${values.at(-1)?.name ?? '<stdin>'}:${values.at(-1)?.line ?? 0}`)
    else for (const v of values) run(v.value, `${v.name}:${v.line}`)
  }
  if (status) return status
  if (parsed.exitStatus) return outputs === 0 ? 4 : lastOutput === false || lastOutput === null ? 1 : 0
  return 0
}

function parseArgs(args: string[]): Options | string {
  const style: OutputStyle = { compact: false, indent: '  ', sortKeys: false, raw: false }
  const options: Options = { style, join: false, nullInput: false, slurp: false, exitStatus: false, vars: new Map(), files: [] }
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    const long: Record<string, string> = {
      '--raw-output': 'r', '--join-output': 'j', '--compact-output': 'c', '--null-input': 'n', '--slurp': 's',
      '--exit-status': 'e', '--sort-keys': 'S', '--monochrome-output': 'M', '--color-output': 'C', '--ascii-output': 'a',
    }
    if (arg === '--arg' || arg === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]]
      if (name === undefined || value === undefined) return `jq: ${arg} takes two parameters (e.g. ${arg} varname ${arg === '--arg' ? 'value' : 'text'})\n${USAGE}`
      if (arg === '--argjson') {
        try {
          options.vars.set(name, JSON.parse(value) as Json)
        } catch {
          return `jq: Invalid JSON text passed to --argjson\n${USAGE}`
        }
      } else options.vars.set(name, value)
      i += 2
    } else if (arg === '--tab') style.indent = '\t'
    else if (arg === '--indent') {
      const n = Number(args[++i])
      if (!Number.isInteger(n) || n < 0 || n > 7) return `jq: Cannot indent more than 7 characters\n${USAGE}`
      style.indent = ' '.repeat(n)
    } else if (long[arg]) apply(options, long[arg] ?? '')
    else if (arg.startsWith('--') && arg !== '--') return UNKNOWN(arg)
    else if (arg.startsWith('-') && arg.length > 1 && arg !== '--') {
      for (const letter of arg.slice(1)) {
        if (!SHORT.includes(letter)) return UNKNOWN(arg)
        apply(options, letter)
      }
    } else positional.push(arg)
  }
  options.filter = positional[0]
  options.files = positional.slice(1)
  return options
}

function apply(options: Options, letter: string): void {
  if (letter === 'r') options.style.raw = true
  else if (letter === 'j') options.style.raw = options.join = true
  else if (letter === 'c') options.style.compact = true
  else if (letter === 'n') options.nullInput = true
  else if (letter === 's') options.slurp = true
  else if (letter === 'e') options.exitStatus = true
  else if (letter === 'S') options.style.sortKeys = true
  // -M (no colour) is what the console gets anyway; -C and -a are accepted and change nothing here.
}
