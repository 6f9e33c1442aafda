import { exportedEnv, getVar, isName, setVar } from '../shell/state.ts'
import type { Builtin } from './types.ts'

/** bash's `declare -x` quoting: inside double quotes, escape `"`, `\`, `$` and backquote. */
const quote = (value: string): string => `"${value.replace(/["\\$`]/g, '\\$&')}"`

/**
 * `export [-n] [-p] [name[=value] ...]`: marks variables for programs' `env`; with no names, lists
 * them as `declare -x NAME="value"`, sorted, as bash does.
 */
export const exportBuiltin: Builtin = {
  summary: 'make a variable visible to programs (export AWS_DEFAULT_REGION=us-east-1)',
  shell: true,
  run(args, io, { state }) {
    const unexport = args.includes('-n')
    const names = args.filter((a) => a !== '-n' && a !== '-p')
    if (names.length === 0) {
      for (const name of [...state.exported].sort()) {
        const value = getVar(state, name)
        io.stdout(value === undefined ? `declare -x ${name}\n` : `declare -x ${name}=${quote(value)}\n`)
      }
      return 0
    }
    let status = 0
    for (const arg of names) {
      const eq = arg.indexOf('=')
      const name = eq < 0 ? arg : arg.slice(0, eq)
      if (!isName(name)) {
        io.stderr(`bash: export: \`${arg}': not a valid identifier\n`)
        status = 1
        continue
      }
      if (eq >= 0) setVar(state, name, arg.slice(eq + 1))
      const at = state.exported.indexOf(name)
      if (unexport && at >= 0) state.exported.splice(at, 1)
      if (!unexport && at < 0) state.exported.push(name)
    }
    return status
  },
}

/** `unset name...`: forgets variables (and their export). */
export const unset: Builtin = {
  summary: 'remove a shell variable',
  shell: true,
  run(args, io, { state }) {
    let status = 0
    for (const name of args.filter((a) => a !== '-v')) {
      if (!isName(name)) {
        io.stderr(`bash: unset: \`${name}': not a valid identifier\n`)
        status = 1
        continue
      }
      delete state.vars[name]
      state.exported = state.exported.filter((n) => n !== name)
    }
    return status
  },
}

/** `env`: the environment programs get (exported variables, plus `X=1 env` prefixes), sorted. */
export const env: Builtin = {
  summary: 'print the exported variables programs see',
  run(args, io, { state }) {
    if (args.length) {
      io.stderr('env: running a command through env is not supported in this sandbox; use NAME=value command\n')
      return 125
    }
    const vars = { ...exportedEnv(state), ...io.env }
    for (const name of Object.keys(vars).sort()) io.stdout(`${name}=${vars[name]}\n`)
    return 0
  },
}
