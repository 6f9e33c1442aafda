// JSON as the AWS CLI reads it: Python 3.13's `json.loads` (the C scanner of Modules/_json.c, the same messages as
// Lib/json/decoder.py), because the CLI prints Python's message: `Invalid JSON: Expecting ',' delimiter: line 1 column 9
// (char 8)` (fidelity §1.7). Positions count code points, as Python does; line and column are 1-based, char 0-based.
//
// Like Python it accepts NaN, Infinity, -Infinity, big integers and surrounding whitespace; a repeated key keeps its
// first position and its last value (the CLI's OrderedDict). Numbers become JS numbers (5 and 5.0 are alike, integers
// beyond 2^53 are rounded), the project-wide convention (see src/cli/aws/output/pyStr.ts).
//
// It is a loop over an explicit stack rather than recursion, so deep nesting cannot overflow the JS stack.

import { pyLength, setOwn } from './pythonText.ts'

/** Which Python exception the CLI would have seen; all three are `ValueError`s except `RecursionError`. */
export type PythonJsonErrorType = 'JSONDecodeError' | 'ValueError' | 'RecursionError'

/** `message` is exactly Python's `str(exception)`, which the CLI prints after `Invalid JSON: `. */
export class PythonJsonError extends Error {
  readonly pythonType: PythonJsonErrorType

  constructor(message: string, pythonType: PythonJsonErrorType) {
    super(message)
    this.name = 'PythonJsonError'
    this.pythonType = pythonType
  }
}

/** `JSONDecodeError(msg, doc, pos)`: `msg: line L column C (char N)`, where N counts code points. */
function decodeError(message: string, doc: string, index: number): PythonJsonError {
  const before = doc.slice(0, index)
  const pos = pyLength(before)
  const lineno = before.split('\n').length
  const colno = pos - (before.includes('\n') ? pyLength(before.slice(0, before.lastIndexOf('\n'))) : -1)
  return new PythonJsonError(`${message}: line ${lineno} column ${colno} (char ${pos})`, 'JSONDecodeError')
}

// NUMBER_RE, with ASCII digits only as in the C scanner: -? int, optional .frac and e±exp; "1." and "1e" stop before
// the "." or "e" (then "Extra data"), "01" stops after the 0.
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y

/** CPython's `sys.get_int_max_str_digits()` default: `int()` of a longer decimal string raises ValueError. */
const INT_MAX_STR_DIGITS = 4300

/** Nesting deeper than this raises RecursionError in CPython 3.13 (measured with `python3.13 -c`; the CLI's own call
 * stack may lower it slightly). */
const MAX_NESTING = 9998

const BACKSLASH_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

// Each starts with a different character, so testing them in turn is the C scanner's switch on the first one.
const LITERALS: readonly (readonly [string, unknown])[] = [
  ['null', null], ['true', true], ['false', false], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
]

type Frame = { kind: 'array'; value: unknown[] } | { kind: 'object'; value: Record<string, unknown>; key: string }

class PythonJsonDecoder {
  private readonly doc: string
  private idx = 0

  constructor(doc: string) {
    this.doc = doc
  }

  // decode: ws value ws EOF   ("Extra data" at the first thing after the value)
  decode(): unknown {
    if (this.doc.startsWith('\ufeff')) throw decodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', this.doc, 0)
    this.idx = this.skipWhitespace(0)
    const value = this.scan()
    const end = this.skipWhitespace(this.idx)
    if (end !== this.doc.length) throw decodeError('Extra data', this.doc, end)
    return value
  }

  // value  = object / array / string / number / "null" / "true" / "false" / "NaN" / "Infinity" / "-Infinity"
  // object = "{" ws [ pair *( ws "," ws pair ) ws ] "}"     pair = string ws ":" ws value
  // array  = "[" ws [ value *( ws "," ws value ) ws ] "]"
  // A comma followed (after whitespace) by the closing bracket is 3.13's "Illegal trailing comma", reported at the comma.
  private scan(): unknown {
    const stack: Frame[] = []
    for (;;) {
      // Read one value at idx; an opened, non-empty container goes on the stack and its first member is read next.
      let value: unknown
      const ch = this.doc[this.idx]
      if (ch === '{' || ch === '[') {
        if (stack.length + 1 > MAX_NESTING) {
          const what = ch === '{' ? 'object' : 'array'
          throw new PythonJsonError(`maximum recursion depth exceeded while decoding a JSON ${what} from a unicode string`, 'RecursionError')
        }
        const close = ch === '{' ? '}' : ']'
        this.idx = this.skipWhitespace(this.idx + 1)
        if (this.doc[this.idx] === close) {
          value = ch === '{' ? {} : []
          this.idx++
        } else if (ch === '{') {
          stack.push({ kind: 'object', value: {}, key: this.pairKey() })
          continue
        } else {
          stack.push({ kind: 'array', value: [] })
          continue
        }
      } else {
        value = this.scalar()
      }

      // Hand the value to the enclosing containers, closing each one whose closing bracket follows.
      for (;;) {
        const top = stack.at(-1)
        if (top === undefined) return value
        if (top.kind === 'array') top.value.push(value)
        else setOwn(top.value, top.key, value)
        const close = top.kind === 'array' ? ']' : '}'
        this.idx = this.skipWhitespace(this.idx)
        if (this.doc[this.idx] === close) {
          this.idx++
          value = stack.pop()?.value
          continue
        }
        if (this.doc[this.idx] !== ',') throw decodeError("Expecting ',' delimiter", this.doc, this.idx)
        const comma = this.idx
        this.idx = this.skipWhitespace(this.idx + 1)
        if (this.doc[this.idx] === close) {
          throw decodeError(`Illegal trailing comma before end of ${top.kind}`, this.doc, comma)
        }
        if (top.kind === 'object') top.key = this.pairKey()
        break
      }
    }
  }

  // pair-key = string ws ":" ws   (leaves idx on the value)
  private pairKey(): string {
    if (this.doc[this.idx] !== '"') throw decodeError('Expecting property name enclosed in double quotes', this.doc, this.idx)
    const key = this.scanString(this.idx + 1)
    this.idx = this.skipWhitespace(this.idx)
    if (this.doc[this.idx] !== ':') throw decodeError("Expecting ':' delimiter", this.doc, this.idx)
    this.idx = this.skipWhitespace(this.idx + 1)
    return key
  }

  // Anything but an object or array; nothing recognisable is "Expecting value" (e.g. True, 'x', .5, a trailing comma's
  // missing value, or the end of the text).
  private scalar(): unknown {
    const { doc, idx } = this
    if (doc[idx] === '"') return this.scanString(idx + 1)
    for (const [word, value] of LITERALS) {
      if (doc.startsWith(word, idx)) {
        this.idx = idx + word.length
        return value
      }
    }
    NUMBER.lastIndex = idx
    const match = NUMBER.exec(doc)
    if (match === null) throw decodeError('Expecting value', doc, idx)
    this.idx = idx + match[0].length
    const [text, integer, frac, exp] = match
    if (frac !== undefined || exp !== undefined) return Number(text)
    const digits = integer.startsWith('-') ? integer.length - 1 : integer.length
    if (digits > INT_MAX_STR_DIGITS) {
      throw new PythonJsonError(
        `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; ` +
          'use sys.set_int_max_str_digits() to increase the limit',
        'ValueError',
      )
    }
    const n = Number(integer)
    return n === 0 ? 0 : n // Python ints have no -0
  }

  // string = '"' *( unescaped / "\" ( '"' / "\" / "/" / "b" / "f" / "n" / "r" / "t" / "u" 4HEXDIG ) ) '"'
  // unescaped excludes U+0000–U+001F ("Invalid control character at" the character). A bad escape is reported at its
  // backslash, a bad \u at its "u" (also when the text ends within 5 characters of the "u"); \uD8xx\uDCxx joins.
  // Leaves idx after the closing quote.
  private scanString(start: number): string {
    const { doc } = this
    const begin = start - 1
    const len = doc.length
    let out = ''
    let end = start
    for (;;) {
      let next = end
      let c = -1
      for (; next < len; next++) {
        c = doc.charCodeAt(next)
        if (c === 0x22 || c === 0x5c) break
        if (c <= 0x1f) throw decodeError('Invalid control character at', doc, next)
      }
      if (next >= len) throw decodeError('Unterminated string starting at', doc, begin)
      out += doc.slice(end, next)
      next++
      if (c === 0x22) {
        this.idx = next
        return out
      }
      if (next === len) throw decodeError('Unterminated string starting at', doc, begin)
      const esc = doc[next]
      if (esc !== 'u') {
        end = next + 1
        const decoded = BACKSLASH_ESCAPES[esc]
        if (decoded === undefined) throw decodeError('Invalid \\escape', doc, end - 2)
        out += decoded
        continue
      }
      next++
      end = next + 4
      if (end >= len) throw decodeError('Invalid \\uXXXX escape', doc, next - 1)
      let code = this.hex4(next, end)
      if (code >= 0xd800 && code <= 0xdbff && end + 6 < len && doc[end] === '\\' && doc[end + 1] === 'u') {
        const low = this.hex4(end + 2, end + 6)
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
          end += 6
        }
      }
      out += String.fromCodePoint(code)
    }
  }

  /** Four hex digits at [from, to); anything else is "Invalid \uXXXX escape" at the "u" before them. */
  private hex4(from: number, to: number): number {
    const digits = this.doc.slice(from, to)
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw decodeError('Invalid \\uXXXX escape', this.doc, from - 1)
    return parseInt(digits, 16)
  }

  // ws = *( " " / "\t" / "\n" / "\r" )
  private skipWhitespace(from: number): number {
    let i = from
    while (i < this.doc.length) {
      const c = this.doc[i]
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') break
      i++
    }
    return i
  }
}

/**
 * `json.loads(text)` as the AWS CLI's bundled Python 3.13 runs it. Throws `PythonJsonError` whose message is Python's:
 * `Expecting value: line 1 column 1 (char 0)`, `Illegal trailing comma before end of array: …`, etc.
 */
export function parsePythonJson(text: string): unknown {
  return new PythonJsonDecoder(text).decode()
}
