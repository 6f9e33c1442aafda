import { HOME_DIR, isDirectory, resolvePath } from '../shell/paths.ts'
import type { Builtin } from './types.ts'

/** `cat [file...]`: the files of the working folder, one after the other; no file or `-` is standard input. */
export const cat: Builtin = {
  summary: 'print files from the working folder (cat task-def.json)',
  run(args, io) {
    let status = 0
    const names = io.files.list()
    for (const arg of args.length ? args : ['-']) {
      if (arg === '-') io.stdout(io.stdin ?? '')
      if (arg === '/dev/null' || arg === '-') continue
      const path = resolvePath(arg)
      const text = path ? io.files.read(path) : undefined
      if (text !== undefined) io.stdout(text)
      else {
        const why = path !== undefined && isDirectory(path, names) ? 'Is a directory' : 'No such file or directory'
        io.stderr(`cat: ${arg}: ${why}\n`)
        status = 1
      }
    }
    return status
  },
}

/**
 * `ls [-l] [-a] [-1] [name...]`: the working folder (sub-folders from paths like `dir/x.json`). On a
 * terminal GNU ls prints columns across 80 characters; `-l` shows sizes (times are not simulated).
 */
export const ls: Builtin = {
  summary: 'list the working folder (ls -l for sizes)',
  run(args, io) {
    const flags = args.filter((a) => /^-[la1A]+$/.test(a)).join('')
    const bad = args.find((a) => a.startsWith('-') && a !== '-' && !/^-[la1A]+$/.test(a))
    if (bad) {
      io.stderr(`ls: invalid option -- '${bad.replace(/^-+/, '').replace(/[la1A]/g, '')[0] ?? '-'}'\nTry 'ls --help' for more information.\n`)
      return 2
    }
    const all = io.files.list()
    const operands = args.filter((a) => !a.startsWith('-') || a === '-')
    let status = 0
    const entries: string[] = []
    const folders: string[] = []
    for (const operand of operands.length ? operands : ['.']) {
      const path = resolvePath(operand)
      if (path !== undefined && isDirectory(path, all)) folders.push(path)
      else if (path !== undefined && io.files.read(path) !== undefined) entries.push(operand)
      else {
        io.stderr(`ls: cannot access '${operand}': No such file or directory\n`)
        status = 2
      }
    }
    const print = (names: string[], base: string): void => {
      if (!names.length) return
      io.stdout(flags.includes('l') ? long(names, base, io.files.read) : columns(names))
    }
    print(entries, '')
    for (const folder of folders) {
      const prefix = folder ? `${folder}/` : ''
      const names = [...new Set(all.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0] ?? ''))]
        .filter((n) => n && (flags.includes('a') || flags.includes('A') || !n.startsWith('.')))
        .sort()
      if (operands.length > 1) io.stdout(`${entries.length || folders[0] !== folder ? '\n' : ''}${folder ? folder : HOME_DIR}:\n`)
      if (flags.includes('l') && names.length) io.stdout(`total ${names.length * 4}\n`)
      print(names, prefix)
    }
    return status
  },
}

function long(names: string[], base: string, read: (path: string) => string | undefined): string {
  return names
    .map((name) => {
      const text = read(base + name)
      const size = text === undefined ? 4096 : new TextEncoder().encode(text).length
      const mode = text === undefined ? 'drwxr-xr-x' : '-rw-r--r--'
      return `${mode} 1 cloudshell-user cloudshell-user ${String(size).padStart(5)} Jan  1 00:00 ${name}\n`
    })
    .join('')
}

/** GNU ls on an 80-column terminal: as many columns as fit, filled top to bottom, two spaces apart. */
function columns(names: string[]): string {
  const width = 80
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    const colWidths: number[] = []
    for (let c = 0; c * rows < names.length; c++) {
      colWidths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)))
    }
    const total = colWidths.reduce((sum, w) => sum + w + 2, -2)
    if (total > width) continue
    let out = ''
    for (let r = 0; r < rows; r++) {
      const cells: string[] = []
      for (let c = 0; c < colWidths.length; c++) {
        const name = names[c * rows + r]
        if (name !== undefined) cells.push(name.padEnd(colWidths[c] ?? 0))
      }
      out += `${cells.join('  ').trimEnd()}\n`
    }
    return out
  }
  return names.map((n) => `${n}\n`).join('')
}

/** `pwd`: always the CloudShell home, the only folder there is. */
export const pwd: Builtin = {
  summary: `print the working directory (${HOME_DIR})`,
  shell: true,
  run(_args, io) {
    io.stdout(`${HOME_DIR}\n`)
    return 0
  },
}

/** `cd [dir]`: the home directory is the only place to go. */
export const cd: Builtin = {
  summary: 'change directory (only the home directory exists here)',
  shell: true,
  run(args, io) {
    if (args.length > 1) {
      io.stderr('bash: cd: too many arguments\n')
      return 1
    }
    const target = args[0]
    if (target === undefined || target === '-' ) return 0
    const path = resolvePath(target)
    if (path === '') return 0
    const why = path !== undefined && io.files.read(path) !== undefined ? 'Not a directory' : 'No such file or directory'
    io.stderr(`bash: cd: ${target}: ${why}\n`)
    return 1
  },
}
