import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'

const CLASS_MEMBERS: Record<string, string> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
}
CLASS_MEMBERS.alpha = (CLASS_MEMBERS.upper ?? '') + (CLASS_MEMBERS.lower ?? '')
CLASS_MEMBERS.alnum = (CLASS_MEMBERS.digit ?? '') + (CLASS_MEMBERS.alpha ?? '')
CLASS_MEMBERS.xdigit = `${CLASS_MEMBERS.digit ?? ''}ABCDEFabcdef`

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' }

/**
 * `tr [-cds] SET1 [SET2]`, GNU coreutils: standard input to standard output, translating SET1's characters
 * to SET2's (SET2 is padded with its last character), deleting (`-d`) or squeezing runs (`-s`).
 *
 * set  = *( class | range | escape | char )
 * class = "[:" name ":]"        ; lower upper digit alpha alnum space blank punct xdigit
 * range = char "-" char         ; a-z, 0-9
 * escape = "\" ( "n" | "t" | "r" | "\" | octal{1,3} )
 * https://www.gnu.org/software/coreutils/manual/html_node/tr-invocation.html
 */
export const tr: Builtin = {
  summary: "translate or delete characters (tr a-z A-Z, tr -d '\"')",
  run(args, io) {
    const parsed = getopt(args, {
      flags: 'cdsC',
      long: { complement: { key: 'c' }, delete: { key: 'd' }, 'squeeze-repeats': { key: 's' } },
    })
    if ('error' in parsed) {
      io.stderr(usageError('tr', parsed.error))
      return 1
    }
    const del = has(parsed, 'd')
    const squeeze = has(parsed, 's')
    const complement = has(parsed, 'c') || has(parsed, 'C')
    const [first, second, extra] = parsed.operands
    const needed = del === squeeze && del ? 2 : del || (squeeze && second === undefined) ? 1 : 2
    if (first === undefined) {
      io.stderr(usageError('tr', 'missing operand'))
      return 1
    }
    if (needed === 2 && second === undefined) {
      const why = squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.'
      io.stderr(usageError('tr', `missing operand after '${first}'\n${why}`))
      return 1
    }
    if ((needed === 1 && second !== undefined) || extra !== undefined) {
      const why = needed === 1 ? 'Only one string may be given when deleting without squeezing repeated characters.' : ''
      io.stderr(usageError('tr', `extra operand '${needed === 1 ? second : extra}'${why ? `\n${why}` : ''}`))
      return 1
    }
    const set1 = expandSet(first)
    const set2 = second === undefined ? [] : expandSet(second)
    const inSet1 = (ch: string): boolean => set1.includes(ch) !== complement
    const translate = !del && second !== undefined
    let out = ''
    for (const ch of io.stdin ?? '') {
      if (del && inSet1(ch)) continue
      let mapped = ch
      if (translate && inSet1(ch)) {
        const at = complement ? set2.length - 1 : set1.lastIndexOf(ch)
        mapped = set2[Math.min(at, set2.length - 1)] ?? ch
      }
      const squeezeSet = second !== undefined ? set2 : set1
      const squeezable = squeeze && (second !== undefined ? squeezeSet.includes(mapped) : inSet1(mapped))
      if (squeezable && out.endsWith(mapped)) continue
      out += mapped
    }
    io.stdout(out)
    return 0
  },
}

function expandSet(text: string): string[] {
  const chars: string[] = []
  const units = [...text]
  for (let i = 0; i < units.length; i++) {
    const rest = units.slice(i).join('')
    const cls = /^\[:([a-z]+):\]/.exec(rest)
    if (cls && CLASS_MEMBERS[cls[1] ?? ''] !== undefined) {
      chars.push(...(CLASS_MEMBERS[cls[1] ?? ''] ?? ''))
      i += cls[0].length - 1
      continue
    }
    let ch = units[i] ?? ''
    if (ch === '\\' && i + 1 < units.length) {
      const octal = /^[0-7]{1,3}/.exec(units.slice(i + 1).join(''))
      if (octal) {
        ch = String.fromCharCode(parseInt(octal[0], 8))
        i += octal[0].length
      } else {
        const next = units[++i] ?? ''
        ch = ESCAPES[next] ?? next
      }
    }
    if (units[i + 1] === '-' && i + 2 < units.length) {
      const end = units[i + 2] ?? ch
      for (let code = ch.charCodeAt(0); code <= end.charCodeAt(0); code++) chars.push(String.fromCharCode(code))
      i += 2
    } else chars.push(ch)
  }
  return chars
}
