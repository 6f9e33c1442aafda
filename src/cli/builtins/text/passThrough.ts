import type { Builtin } from '../types.ts'
import { readInputs } from './inputs.ts'
import { resolvePath } from '../../shell/paths.ts'

/**
 * `less` and `more`: pagers. The console keeps the whole transcript scrollable, so they show everything at
 * once, like a pager does when its output is not a terminal (`less` then just copies, as `cat` would).
 */
function pager(name: string): Builtin {
  return {
    summary: `a pager; the console scrolls, so ${name} prints everything (aws ecs help | ${name})`,
    run(args, io) {
      let status = 0
      for (const input of readInputs(args.filter((a) => !a.startsWith('-') || a === '-'), io)) {
        if ('error' in input) {
          io.stderr(`${input.name}: ${input.error}\n`)
          status = 1
        } else io.stdout(input.text)
      }
      return status
    },
  }
}

export const less = pager('less')
export const more = pager('more')

/**
 * `tee [-a] [FILE...]`: standard input to standard output and to each file (`-a` appends).
 * https://www.gnu.org/software/coreutils/manual/html_node/tee-invocation.html
 */
export const tee: Builtin = {
  summary: 'copy standard input to files and the screen (... | tee out.json)',
  run(args, io) {
    const append = args.includes('-a') || args.includes('--append')
    const text = io.stdin ?? ''
    let status = 0
    for (const name of args.filter((a) => a !== '-a' && a !== '--append')) {
      const path = resolvePath(name)
      if (path === undefined || path === '') {
        io.stderr(`tee: ${name}: ${path === '' ? 'Is a directory' : 'Permission denied'}\n`)
        status = 1
        continue
      }
      const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
      if (parent && !io.files.list().some((f) => f.startsWith(`${parent}/`))) {
        io.stderr(`tee: ${name}: No such file or directory\n`)
        status = 1
        continue
      }
      io.files.write(path, append ? (io.files.read(path) ?? '') + text : text)
    }
    io.stdout(text)
    return status
  },
}
