import type { Builtin } from './types.ts'

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\' }

/**
 * `echo [-neE] [arg ...]`, bash's built-in: options only while an argument is wholly made of n, e, E
 * after a dash; `-e` interprets `\n \t \\ \0nnn \xHH` and `\c` (stop printing).
 */
export const echo: Builtin = {
  summary: 'print the arguments (-n: no newline, -e: interpret \\n, \\t, ...)',
  run(args, io) {
    let newline = true
    let escapes = false
    let i = 0
    for (; i < args.length && /^-[neE]+$/.test(args[i] ?? ''); i++) {
      for (const flag of (args[i] ?? '').slice(1)) {
        if (flag === 'n') newline = false
        else escapes = flag === 'e'
      }
    }
    let text = args.slice(i).join(' ')
    if (escapes) {
      const stop = interpret(text)
      text = stop.text
      if (stop.stopped) newline = false
    }
    io.stdout(newline ? `${text}\n` : text)
    return 0
  },
}

function interpret(text: string): { text: string; stopped: boolean } {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (ch !== '\\' || i === text.length - 1) {
      out += ch
      continue
    }
    const next = text[i + 1] ?? ''
    const rest = text.slice(i + 2)
    if (next === 'c') return { text: out, stopped: true }
    if (ESCAPES[next] !== undefined) {
      out += ESCAPES[next]
      i++
    } else if (next === '0') {
      const digits = /^[0-7]{0,3}/.exec(rest)?.[0] ?? ''
      out += String.fromCharCode(parseInt(digits || '0', 8))
      i += 1 + digits.length
    } else if (next === 'x' && /^[0-9A-Fa-f]/.test(rest)) {
      const digits = /^[0-9A-Fa-f]{1,2}/.exec(rest)?.[0] ?? '0'
      out += String.fromCharCode(parseInt(digits, 16))
      i += 1 + digits.length
    } else out += ch
  }
  return { text: out, stopped: false }
}
