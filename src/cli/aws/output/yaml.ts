// YAML output (`--output yaml` / `yaml-stream`). Fact: aws-fidelity.md 1.15. aws-cli source: `awscli/formatter.py`
// `YAMLFormatter`/`StreamedYAMLFormatter`, `awscli/utils.py` (ruamel.yaml `YAML(typ='safe')`, block style).
//
// A small port of the (ruamel/Py)YAML emitter for JSON-shaped data: keys sorted, sequences not indented under
// their key, `- ` items, empty collections as `[]`/`{}`, plain scalars unless they would read back as another
// type (YAML 1.2 resolver of ruamel: bool/null/int/float/timestamp) or contain indicators, then single quotes,
// then double quotes for control characters. Long plain/single-quoted strings fold at a space past column 80
// (`best_width`), as the emitter's write_plain/write_single_quoted do (fold points: unverified per the fact file).
import { isPlainObject, pyNumber, pySortKeys } from './pyStr.ts'

const BEST_WIDTH = 80
const BEST_INDENT = 2

// ruamel.yaml resolver.py implicit resolvers for YAML 1.2.
const RESOLVERS: RegExp[] = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^<<$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^=$/,
]
const resolvesAsNonString = (s: string): boolean => RESOLVERS.some((re) => re.test(s))

interface Analysis { empty: boolean; multiline: boolean; allowBlockPlain: boolean; allowSingleQuoted: boolean }

const BREAKS = '\n\x85\u2028\u2029'
const SPACE_OR_BREAK = ' \n\x85\u2028\u2029'

// emitter.py `analyze_scalar`, block context only (flow context is never used for non-empty collections).
function analyzeScalar(scalar: string): Analysis {
  if (scalar === '') return { empty: true, multiline: false, allowBlockPlain: true, allowSingleQuoted: true }
  const chars = Array.from(scalar)
  let blockIndicators = false
  let lineBreaks = false
  let specialCharacters = false
  let leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
  let breakSpace = false, spaceBreak = false
  if (scalar.startsWith('---') || scalar.startsWith('...')) blockIndicators = true
  let precededByWhitespace = true
  let followedByWhitespace = chars.length === 1 || '\0 \t\r\n\x85\u2028\u2029'.includes(chars[1])
  let previousSpace = false, previousBreak = false
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index]
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true
      if ('?:'.includes(ch) && followedByWhitespace) blockIndicators = true
      if (ch === '-' && followedByWhitespace) blockIndicators = true
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true
      if (ch === '#' && precededByWhitespace) blockIndicators = true
    }
    if (BREAKS.includes(ch)) lineBreaks = true
    const cp = ch.codePointAt(0) ?? 0
    if (!(ch === '\n' || (cp >= 0x20 && cp <= 0x7e))) {
      const printable = (cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) ||
        (cp >= 0x10000 && cp < 0x10ffff)) && cp !== 0xfeff
      if (!printable) specialCharacters = true
    }
    if (ch === ' ') {
      if (index === 0) leadingSpace = true
      if (index === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true; previousBreak = false
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true
      if (index === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false; previousBreak = true
    } else {
      previousSpace = false; previousBreak = false
    }
    precededByWhitespace = '\0 \t\r\n\x85\u2028\u2029'.includes(ch)
    followedByWhitespace = index + 2 >= chars.length || '\0 \t\r\n\x85\u2028\u2029'.includes(chars[index + 2])
  }
  let allowBlockPlain = true, allowSingleQuoted = true
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowBlockPlain = false
  if (breakSpace) { allowBlockPlain = false; allowSingleQuoted = false }
  if (spaceBreak || specialCharacters) { allowBlockPlain = false; allowSingleQuoted = false }
  if (lineBreaks) allowBlockPlain = false
  if (blockIndicators) allowBlockPlain = false
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted }
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\x0c': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
}

class Emitter {
  private out: string[] = []
  private column = 0
  private indent: number | undefined = undefined
  private indents: (number | undefined)[] = []
  private whitespace = true
  private indention = true

  result(): string { return this.out.join('') }

  private write(data: string): void {
    this.out.push(data)
    this.column += Array.from(data).length
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent === undefined) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  private popIndent(): void { this.indent = this.indents.pop() }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    const data = this.whitespace || !needWhitespace ? indicator : ' ' + indicator
    this.whitespace = whitespace
    this.indention = this.indention && indention
    this.write(data)
  }

  writeLineBreak(): void {
    this.out.push('\n')
    this.whitespace = true
    this.indention = true
    this.column = 0
  }

  writeIndent(): void {
    const indent = this.indent ?? 0
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak()
    if (this.column < indent) {
      this.whitespace = true
      this.write(' '.repeat(indent - this.column))
    }
  }

  /** expect_node for a value; `mapping` = value of a mapping key, `simpleKey` = the key itself. */
  node(value: unknown, mapping: boolean, simpleKey: boolean): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.emptyFlow('[', ']')
      const indentless = mapping && !this.indention
      this.increaseIndent(false, indentless)
      for (const item of value) {
        this.writeIndent()
        this.writeIndicator('-', true, false, true)
        this.node(item, false, false)
      }
      this.popIndent()
    } else if (isPlainObject(value)) {
      const keys = pySortKeys(Object.keys(value).filter((k) => value[k] !== undefined))
      if (keys.length === 0) return this.emptyFlow('{', '}')
      this.increaseIndent(false, false)
      for (const key of keys) {
        this.writeIndent()
        this.node(key, true, true)
        this.writeIndicator(':', false)
        this.node(value[key], true, false)
      }
      this.popIndent()
    } else {
      this.increaseIndent(true, false)
      this.scalar(value, simpleKey)
      this.popIndent()
    }
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true)
    this.writeIndicator(close, false)
  }

  private scalar(value: unknown, simpleKey: boolean): void {
    if (value === null || value === undefined) return this.writePlain('null', false)
    if (value === true || value === false) return this.writePlain(String(value), false)
    if (typeof value === 'number') return this.writePlain(yamlNumber(value), false)
    const text = String(value)
    const analysis = analyzeScalar(text)
    const split = !simpleKey
    if (!resolvesAsNonString(text) && !(simpleKey && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain) {
      return this.writePlain(text, split)
    }
    if (analysis.allowSingleQuoted && !(simpleKey && analysis.multiline)) return this.writeSingleQuoted(text, split)
    this.writeDoubleQuoted(text, split)
  }

  private writePlain(text: string, split: boolean): void {
    if (!text) return
    if (!this.whitespace) this.write(' ')
    this.whitespace = false
    this.indention = false
    const chars = Array.from(text)
    let spaces = false, breaks = false
    let start = 0
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : undefined
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent()
            this.whitespace = false
            this.indention = false
          } else {
            this.write(chars.slice(start, end).join(''))
          }
          start = end
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (chars[start] === '\n') this.writeLineBreak()
          for (const br of chars.slice(start, end)) { if (br === '\n') this.writeLineBreak(); else { this.out.push(br); this.column = 0 } }
          this.writeIndent()
          this.whitespace = false
          this.indention = false
          start = end
        }
      } else if (ch === undefined || SPACE_OR_BREAK.includes(ch)) {
        this.write(chars.slice(start, end).join(''))
        start = end
      }
      if (ch !== undefined) {
        spaces = ch === ' '
        breaks = BREAKS.includes(ch)
      }
    }
  }

  private writeSingleQuoted(text: string, split: boolean): void {
    this.writeIndicator("'", true)
    const chars = Array.from(text)
    let spaces = false, breaks = false
    let start = 0
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : undefined
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) {
            this.writeIndent()
          } else {
            this.write(chars.slice(start, end).join(''))
          }
          start = end
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (chars[start] === '\n') this.writeLineBreak()
          for (const br of chars.slice(start, end)) { if (br === '\n') this.writeLineBreak(); else { this.out.push(br); this.column = 0 } }
          this.writeIndent()
          start = end
        }
      } else if (ch === undefined || SPACE_OR_BREAK.includes(ch) || ch === "'") {
        if (start < end) {
          this.write(chars.slice(start, end).join(''))
          start = end
        }
      }
      if (ch === "'") {
        this.write("''")
        start = end + 1
      }
      if (ch !== undefined) {
        spaces = ch === ' '
        breaks = BREAKS.includes(ch)
      }
    }
    this.writeIndicator("'", false)
  }

  private writeDoubleQuoted(text: string, split: boolean): void {
    this.writeIndicator('"', true)
    const chars = Array.from(text)
    let start = 0
    for (let end = 0; end <= chars.length; end++) {
      const ch = end < chars.length ? chars[end] : undefined
      const cp = ch === undefined ? 0 : ch.codePointAt(0) ?? 0
      if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) ||
        !((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd))) {
        if (start < end) {
          this.write(chars.slice(start, end).join(''))
          start = end
        }
        if (ch !== undefined) {
          let data: string
          if (ch in ESCAPES) data = '\\' + ESCAPES[ch]
          else if (cp <= 0xff) data = '\\x' + cp.toString(16).toUpperCase().padStart(2, '0')
          else if (cp <= 0xffff) data = '\\u' + cp.toString(16).toUpperCase().padStart(4, '0')
          else data = '\\U' + cp.toString(16).toUpperCase().padStart(8, '0')
          this.write(data)
          start = end + 1
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        const data = chars.slice(start, end).join('') + '\\'
        if (start < end) start = end
        this.write(data)
        this.writeIndent()
        this.whitespace = false
        this.indention = false
        if (chars[start] === ' ') this.write('\\')
      }
    }
    this.writeIndicator('"', false)
  }
}

/** SafeRepresenter: ints as digits, floats as `repr().lower()` with `.0` added to exponent forms. */
function yamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan'
  if (n === Infinity) return '.inf'
  if (n === -Infinity) return '-.inf'
  const s = pyNumber(n).toLowerCase()
  return !s.includes('.') && s.includes('e') ? s.replace('e', '.0e') : s
}

/** The YAML document for a value (mapping or sequence at the root), with the final newline. */
export function dumpYaml(value: unknown): string {
  const e = new Emitter()
  e.node(value, false, false)
  e.writeIndent()
  return e.result()
}
