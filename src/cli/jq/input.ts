import type { Json } from './ast.ts'

/** Input text jq cannot read as JSON: jq prints `jq: parse error: <message>` and exits 2. */
export class JsonParseError extends Error {}

/** One value of the input stream, with the line jq names in its errors (`(at <stdin>:N)`). */
export interface InputValue {
  value: Json
  line: number
}

const DELIMITERS = ' \t\r\n[]{},:"'

/**
 * The input as jq reads it: any number of JSON values one after the other, separated by whitespace or
 * nothing at all. Errors carry jq's words and position (`Invalid numeric literal at line 2, column 0`:
 * the position just after the character that ended the bad token).
 */
export function parseJsonStream(text: string): InputValue[] {
  const values: InputValue[] = []
  const reader = new Reader(text)
  for (;;) {
    reader.skipBlanks()
    if (reader.atEnd()) return values
    const value = reader.value()
    values.push({ value, line: reader.lineAfterValue() })
  }
}

class Reader {
  private pos = 0
  private readonly text: string
  constructor(text: string) {
    this.text = text
  }

  atEnd = (): boolean => this.pos >= this.text.length

  skipBlanks(): void {
    while (!this.atEnd() && ' \t\r\n'.includes(this.text[this.pos] ?? '')) this.pos++
  }

  /** jq reports the line count of what it has read, which includes the newline after a value. */
  lineAfterValue(): number {
    const end = this.text[this.pos] === '\n' ? this.pos + 1 : this.pos
    return (this.text.slice(0, end).match(/\n/g) ?? []).length
  }

  private where(at: number): string {
    const before = this.text.slice(0, at)
    const line = (before.match(/\n/g) ?? []).length + 1
    return `line ${line}, column ${at - (before.lastIndexOf('\n') + 1)}`
  }

  private fail(message: string, at = this.pos): never {
    if (at >= this.text.length) throw new JsonParseError(`${message === 'Unfinished JSON term' ? message : `${message}`} at EOF at ${this.where(this.text.length)}`)
    throw new JsonParseError(`${message} at ${this.where(at + 1)}`)
  }

  value(): Json {
    this.skipBlanks()
    const ch = this.text[this.pos]
    if (ch === undefined) this.fail('Unfinished JSON term')
    if (ch === '{') return this.object()
    if (ch === '[') return this.array()
    if (ch === '"') return this.string()
    if (ch === ']' || ch === '}') this.fail(`Unmatched '${ch}'`)
    if (ch === ',' || ch === ':') this.fail(ch === ',' ? "Expected value before ','" : "':' not as part of an object")
    return this.literal()
  }

  private literal(): Json {
    const start = this.pos
    while (!this.atEnd() && !DELIMITERS.includes(this.text[this.pos] ?? '')) this.pos++
    const word = this.text.slice(start, this.pos)
    if (word === 'true') return true
    if (word === 'false') return false
    if (word === 'null') return null
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word)
    return this.fail('Invalid numeric literal')
  }

  private string(): string {
    const start = this.pos
    this.pos++
    while (!this.atEnd() && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1
    if (this.atEnd()) this.fail('Unfinished JSON term')
    this.pos++
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string
    } catch {
      return this.fail('Invalid escape', this.pos - 1)
    }
  }

  private array(): Json[] {
    this.pos++
    const out: Json[] = []
    this.skipBlanks()
    if (this.text[this.pos] === ']') {
      this.pos++
      return out
    }
    for (;;) {
      out.push(this.value())
      this.skipBlanks()
      const ch = this.text[this.pos]
      this.pos++
      if (ch === ']') return out
      if (ch !== ',') this.fail(ch === undefined ? 'Unfinished JSON term' : 'Expected separator between values', this.pos - 1)
    }
  }

  private object(): { [key: string]: Json } {
    this.pos++
    const out: { [key: string]: Json } = {}
    this.skipBlanks()
    if (this.text[this.pos] === '}') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipBlanks()
      if (this.text[this.pos] !== '"') this.fail(this.atEnd() ? 'Unfinished JSON term' : 'Object keys must be strings')
      const key = this.string()
      this.skipBlanks()
      if (this.text[this.pos] !== ':') this.fail(this.atEnd() ? 'Unfinished JSON term' : 'Objects must consist of key:value pairs')
      this.pos++
      out[key] = this.value()
      this.skipBlanks()
      const ch = this.text[this.pos]
      this.pos++
      if (ch === '}') return out
      if (ch !== ',') this.fail(ch === undefined ? 'Unfinished JSON term' : 'Expected separator between values', this.pos - 1)
    }
  }
}
