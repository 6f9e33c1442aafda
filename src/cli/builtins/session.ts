import type { Builtin } from './types.ts'

/** The escape sequence `clear` writes: cursor home, erase screen. The console interprets it. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J'

export const clear: Builtin = {
  summary: 'clear the terminal screen',
  run(_args, io) {
    io.stdout(CLEAR_SCREEN)
    return 0
  },
}

/**
 * `history [n]` numbered like bash (`%5d  line`), `history -c` clears. The line running `history`
 * is already in the list, as in bash.
 */
export const history: Builtin = {
  summary: 'list the commands typed so far (history 5: the last five; -c clears)',
  shell: true,
  run(args, io, { state }) {
    if (args[0] === '-c') {
      state.history.length = 0
      return 0
    }
    const arg = args[0]
    if (arg !== undefined && !/^\d+$/.test(arg)) {
      io.stderr(`bash: history: ${arg}: numeric argument required\n`)
      return 1
    }
    const count = arg === undefined ? state.history.length : Number(arg)
    const start = Math.max(0, state.history.length - count)
    state.history.slice(start).forEach((line, i) => io.stdout(`${String(start + i + 1).padStart(5)}  ${line}\n`))
    return 0
  },
}

export const trueBuiltin: Builtin = { summary: 'do nothing, successfully (exit status 0)', run: () => 0 }
export const falseBuiltin: Builtin = { summary: 'do nothing, unsuccessfully (exit status 1)', run: () => 1 }

/**
 * `set -o pipefail` / `set +o pipefail`: a pipeline's status becomes its last failing command's. `set -o`
 * alone lists it. Other options change how scripts run (`-e`, `-x`, ...), which the prompt does not model.
 * https://www.gnu.org/software/bash/manual/html_node/The-Set-Builtin.html
 */
export const set: Builtin = {
  summary: 'shell options: set -o pipefail (a pipeline fails when any command in it fails)',
  shell: true,
  run(args, io, { state }) {
    const on = state.options ?? []
    if (args.length === 0 || (args.length === 1 && (args[0] === '-o' || args[0] === '+o'))) {
      const pipefail = on.includes('pipefail')
      io.stdout(args[0] === '+o' ? `set ${pipefail ? '-' : '+'}o pipefail\n` : `pipefail       \t${pipefail ? 'on' : 'off'}\n`)
      return 0
    }
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] ?? ''
      if (arg !== '-o' && arg !== '+o') {
        io.stderr(`bash: set: ${arg}: not supported in this sandbox (only set -o pipefail)\n`)
        return 2
      }
      const name = args[++i]
      if (name !== 'pipefail') {
        io.stderr(name === undefined ? '' : `bash: set: ${name}: invalid option name\n`)
        return name === undefined ? 0 : 1
      }
      state.options = arg === '-o' ? [...on.filter((o) => o !== name), name] : on.filter((o) => o !== name)
    }
    return 0
  },
}
