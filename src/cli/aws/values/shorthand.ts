// The AWS CLI's shorthand syntax (`--network-configuration awsvpcConfiguration={subnets=[a,b]}`), parsed the way
// `awscli/shorthand.py` `ShorthandParser` parses it, quirks included (fidelity §1.7, §1.8). This is a method-by-method
// port: every rule below carries the grammar it reads, and the cursor moves exactly as the Python cursor does, because
// the error messages print the cursor position. Coercion by the model (`BackCompatVisitor`) is not done here.
//
// Indices are UTF-16 units internally; error positions are converted to code points, as Python counts them.

import { PY_SPACE_CLASS, pyCharAt, pyLength, pyRstrip, setOwn } from './pythonText.ts'

/** A shorthand syntax error; `message` is exactly what the CLI prints after `Error parsing parameter '--x': `. */
export class ShorthandError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ShorthandError'
  }
}

/** `ShorthandParseSyntaxError`: the only error the parser's own backtracking catches. */
class ShorthandSyntaxError extends ShorthandError {}

export interface ShorthandOptions {
  /**
   * `key@=value` resolves `file://…` / `fileb://…` values while parsing (`get_paramfile(value, LOCAL_PREFIX_MAP)`):
   * return the file's contents, or `undefined` when the value has no such prefix (it is then kept as typed).
   * Whatever it throws propagates unchanged, as Python's `ResourceLoadingError` does. Without it, values stay as typed.
   */
  readParamFile?: (value: string) => string | undefined
}

type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue }

// Character classes of `_START_WORD`, `_FIRST_FOLLOW_CHARS`, `_SECOND_FOLLOW_CHARS`, written out as code point ranges.
// A value may not start with whitespace, `"`, `'`, `,`, `=`, `[` or `{` (but may start with `]` or `}`); a first value
// then runs through anything but `"`, `'`, `,`, `]`, `}`; a second (csv) value through anything but `"`, `'`, `,`, `=`.
// `\uffff` is the top: characters beyond the BMP end a value, as in Python. `\,` is an escaped comma anywhere.
const START_WORD = '[\\x21\\x23-\\x26\\x28-\\x2b\\x2d-\\x3c\\x3e-\\x5a\\x5c-\\x7a\\x7c-\\uffff]'
const FIRST_FOLLOW = `[${PY_SPACE_CLASS}\\x21\\x23-\\x26\\x28-\\x2b\\x2d-\\x5c\\x5e-\\x7c\\x7e-\\uffff]`
const SECOND_FOLLOW = `[${PY_SPACE_CLASS}\\x21\\x23-\\x26\\x28-\\x2b\\x2d-\\x3c\\x3e-\\uffff]`
const ESCAPED_COMMA = '\\\\,'

interface NamedRegex {
  name: string
  regex: RegExp
}
const FIRST_VALUE: NamedRegex = {
  name: 'first',
  regex: new RegExp(`(?:${ESCAPED_COMMA}|${START_WORD})(?:${ESCAPED_COMMA}|${FIRST_FOLLOW})*`, 'uy'),
}
const SECOND_VALUE: NamedRegex = {
  name: 'second',
  regex: new RegExp(`(?:${ESCAPED_COMMA}|${START_WORD})(?:${ESCAPED_COMMA}|${SECOND_FOLLOW})*`, 'uy'),
}
// The name really is "singled quoted" in shorthand.py; it shows in `Expected: '<singled quoted>'`.
const SINGLE_QUOTED: NamedRegex = { name: 'singled quoted', regex: /'(?:\\'|[^'])*'/uy }
const DOUBLE_QUOTED: NamedRegex = { name: 'double quoted', regex: /"(?:\\"|[^"])*"/uy }

/** Python's `string.whitespace`, the set `_consume_whitespace` skips (narrower than `\s`). */
const WHITESPACE = ' \t\n\r\v\f'
const KEY_CHARS = /[-A-Za-z0-9_.#/:]/
const EOF = Symbol('EOF')

/** Python would hit its recursion limit (1000 frames, two per level) long before this nesting depth. */
const MAX_DEPTH = 1000

/**
 * `_error_location`: the input with a caret line under the error. The caret line has `index` spaces, counted from the
 * last newline before the error; any input after the error's line follows the caret line. `index` is in UTF-16 units;
 * the spaces are counted in code points, as Python counts them.
 */
function errorLocation(value: string, index: number): string {
  const before = value.slice(0, index)
  const lastNewline = before.lastIndexOf('\n')
  const numSpaces = pyLength(before.slice(lastNewline + 1))
  const nextNewline = value.indexOf('\n', index)
  const consumed = nextNewline === -1 ? value : value.slice(0, nextNewline)
  const remaining = nextNewline === -1 ? '' : value.slice(nextNewline)
  return `${consumed}\n${' '.repeat(numSpaces)}^${remaining}`
}

// The CLI prints the input one space in from `for input:` for syntax errors but not for duplicate keys (fidelity §1.7,
// observed), so the caret, `index` spaces in, sits one column left of the offending character.
function syntaxError(value: string, expected: string, actual: string, index: number): ShorthandSyntaxError {
  return new ShorthandSyntaxError(`Expected: '${expected}', received: '${actual}' for input:\n ${errorLocation(value, index)}`)
}

function duplicateKeyError(key: string, value: string, index: number): ShorthandError {
  return new ShorthandError(
    `Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\n` +
      'This is often because there is a preceding "," instead of a space.',
  )
}

class ShorthandParser {
  private readonly input: string
  private readonly readParamFile: ShorthandOptions['readParamFile']
  private index = 0
  private depth = 0
  // Like shorthand.py this is parser state, not a parameter: an inner `k@=` inside a hash literal stays in force for
  // the rest of the enclosing explicit list.
  private shouldResolveParamfiles = false

  constructor(input: string, options: ShorthandOptions) {
    this.input = input
    this.readParamFile = options.readParamFile
  }

  // parameter = keyval *("," keyval)
  // A key given twice at the top level is an error (usually a "," typed where a space was meant).
  parameter(): Record<string, unknown> {
    const params: Record<string, unknown> = {}
    const [firstKey, firstValue] = this.keyval()
    setOwn(params, firstKey, firstValue)
    let lastIndex = this.index
    while (this.index < this.input.length) {
      this.expect(',', true)
      const [key, value] = this.keyval()
      if (Object.hasOwn(params, key)) throw duplicateKeyError(key, this.input, lastIndex + 1)
      setOwn(params, key, value)
      lastIndex = this.index
    }
    return params
  }

  // keyval = key "=" [values] / key "@=" [file-optional-values]
  // file-optional-values = file://value / fileb://value / value
  private keyval(): [string, ShorthandValue] {
    const key = this.key()
    this.probeParamfileMarker()
    this.expect('=', true)
    return [key, this.values()]
  }

  // The optional "@" before "=": whitespace is skipped whether or not it is there.
  private probeParamfileMarker(): void {
    this.shouldResolveParamfiles = false
    try {
      this.expect('@', true)
      this.shouldResolveParamfiles = true
    } catch (error) {
      if (!(error instanceof ShorthandSyntaxError)) throw error
    }
  }

  // key = *( ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":" )   ; may be empty: "=b" is {"": "b"}
  private key(): string {
    const start = this.index
    while (!this.atEof() && KEY_CHARS.test(this.input[this.index])) this.index++
    return this.input.slice(start, this.index)
  }

  // values = csv-value / explicit-list / hash-literal   ; nothing after "=" is ""
  private values(): ShorthandValue {
    if (this.atEof()) return ''
    const current = this.current()
    if (current === '[') return this.explicitList()
    if (current === '{') return this.hashLiteral()
    return this.csvValue()
  }

  // csv-value = first-value *("," second-value)   ; one value is a scalar ("b"), several a list (["b","c"])
  // A second value that turns out to be the next key (a=b,c=d: "c" then "=") is given back by backtracking to the
  // comma before it; failing at the very end (a trailing comma) is an error.
  private csvValue(): ShorthandValue {
    const firstValue = this.firstValue()
    this.consumeWhitespace()
    if (this.atEof() || this.input[this.index] !== ',') return firstValue
    this.expect(',', true)
    const csvList: ShorthandValue[] = [firstValue]
    for (;;) {
      try {
        const current = this.secondValue()
        this.consumeWhitespace()
        if (this.atEof()) {
          csvList.push(current)
          break
        }
        this.expect(',', true)
        csvList.push(current)
      } catch (error) {
        if (!(error instanceof ShorthandSyntaxError) || this.atEof()) throw error
        this.backtrackTo(',')
        break
      }
    }
    return csvList.length === 1 ? firstValue : csvList
  }

  // value = FIRST_VALUE regex, "\," unescaped, right-trimmed; no match is "" (nothing consumed)
  private value(): string {
    const matched = this.matchRegex(FIRST_VALUE)
    if (matched === undefined) return ''
    return this.maybeParamfile(pyRstrip(matched.replaceAll('\\,', ',')))
  }

  // explicit-list = "[" [explicit-value *("," explicit-value)] "]"   ; "[a,]" is ["a"], "[a,,b]" is ["a","","b"]
  private explicitList(): ShorthandValue[] {
    this.enter()
    this.expect('[', true)
    const values: ShorthandValue[] = []
    while (this.current() !== ']') {
      values.push(this.explicitValues())
      this.consumeWhitespace()
      if (this.current() !== ']') {
        this.expect(',')
        this.consumeWhitespace()
      }
    }
    this.expect(']')
    this.depth--
    return values
  }

  // explicit-value = explicit-list / hash-literal / first-value
  private explicitValues(): ShorthandValue {
    const current = this.current()
    if (current === '[') return this.explicitList()
    if (current === '{') return this.hashLiteral()
    return this.firstValue()
  }

  // hash-literal = "{" [key ["@"] "=" explicit-value *("," key ["@"] "=" explicit-value)] "}"
  // Repeated keys inside braces are not an error: the last one wins.
  private hashLiteral(): Record<string, ShorthandValue> {
    this.enter()
    this.expect('{', true)
    const keyvals: Record<string, ShorthandValue> = {}
    while (this.current() !== '}') {
      const key = this.key()
      this.probeParamfileMarker()
      this.expect('=', true)
      const value = this.explicitValues()
      this.consumeWhitespace()
      if (this.current() !== '}') {
        this.expect(',')
        this.consumeWhitespace()
      }
      setOwn(keyvals, key, value)
    }
    this.expect('}')
    this.depth--
    return keyvals
  }

  // first-value = single-quoted / double-quoted / value
  private firstValue(): string {
    const current = this.current()
    if (current === "'") return this.quoted(SINGLE_QUOTED, "'")
    if (current === '"') return this.quoted(DOUBLE_QUOTED, '"')
    return this.value()
  }

  // single-quoted = "'" *( "\'" / not-"'" ) "'"   ; likewise double-quoted with '"'
  // Then \' (or \") becomes the quote and \\ a backslash; a quoted value keeps its spaces and commas.
  private quoted(regex: NamedRegex, quote: string): string {
    const raw = this.mustConsumeRegex(regex).slice(1, -1)
    return this.maybeParamfile(raw.replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\'))
  }

  // second-value = single-quoted / double-quoted / SECOND_VALUE regex (no "="), "\," unescaped, right-trimmed
  private secondValue(): string {
    const current = this.current()
    if (current === "'") return this.quoted(SINGLE_QUOTED, "'")
    if (current === '"') return this.quoted(DOUBLE_QUOTED, '"')
    const consumed = this.mustConsumeRegex(SECOND_VALUE)
    return this.maybeParamfile(pyRstrip(consumed.replaceAll('\\,', ',')))
  }

  private maybeParamfile(value: string): string {
    if (!this.shouldResolveParamfiles || !this.readParamFile) return value
    return this.readParamFile(value) ?? value
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace()
    if (this.atEof()) throw syntaxError(this.input, char, 'EOF', this.index)
    const actual = pyCharAt(this.input, this.index)
    if (actual !== char) throw syntaxError(this.input, char, actual, this.index)
    this.index++
    if (consumeWhitespace) this.consumeWhitespace()
  }

  private matchRegex(regex: NamedRegex): string | undefined {
    regex.regex.lastIndex = this.index
    const match = regex.regex.exec(this.input)
    if (match === null) return undefined
    this.index += match[0].length
    return match[0]
  }

  private mustConsumeRegex(regex: NamedRegex): string {
    const matched = this.matchRegex(regex)
    if (matched !== undefined) return matched
    throw syntaxError(this.input, `<${regex.name}>`, '<none>', this.index)
  }

  private current(): string | typeof EOF {
    return this.index < this.input.length ? this.input[this.index] : EOF
  }

  private atEof(): boolean {
    return this.index >= this.input.length
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index--
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.includes(this.input[this.index])) this.index++
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ShorthandError('maximum recursion depth exceeded')
  }
}

/**
 * Parses one shorthand value (one word of the command line) into a map, exactly as the AWS CLI does before the model
 * coerces it: `Type=forward,TargetGroupArn=arn` → `{Type: "forward", TargetGroupArn: "arn"}`, `a=b,c` → `{a: ["b","c"]}`.
 * Values are strings, lists and maps only. Throws `ShorthandError` with the CLI's message.
 */
export function parseShorthand(input: string, options: ShorthandOptions = {}): Record<string, unknown> {
  return new ShorthandParser(input, options).parameter()
}
