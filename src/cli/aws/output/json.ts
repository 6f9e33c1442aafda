// JSON output: Python `json.dump(response, indent=4, ensure_ascii=False)` + `\n`; an empty `{}` prints nothing.
// Fact: aws-fidelity.md 1.12. aws-cli source: `awscli/formatter.py` `JSONFormatter` (`if response != {}`).
import { isPlainObject, pyNumber } from './pyStr.ts'

/** Python json's number output: ints as digits, floats as repr, NaN/Infinity as Python writes them. */
function jsonNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN'
  if (n === Infinity) return 'Infinity'
  if (n === -Infinity) return '-Infinity'
  return pyNumber(n)
}

/** Python json's string escaping with ensure_ascii=False: only `"`, `\` and C0 controls are escaped. */
export function jsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.charCodeAt(0)
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (code < 0x20) out += '\\u' + code.toString(16).padStart(4, '0')
    else out += ch
  }
  return out + '"'
}

function dump(value: unknown, level: number): string {
  if (value === null || value === undefined) return 'null'
  if (value === true) return 'true'
  if (value === false) return 'false'
  if (typeof value === 'number') return jsonNumber(value)
  if (typeof value === 'string') return jsonString(value)
  const inner = ' '.repeat(4 * (level + 1))
  const outer = ' '.repeat(4 * level)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return '[\n' + value.map((v) => inner + dump(v, level + 1)).join(',\n') + '\n' + outer + ']'
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    return '{\n' + entries.map(([k, v]) => `${inner}${jsonString(k)}: ${dump(v, level + 1)}`).join(',\n') + '\n' + outer + '}'
  }
  return jsonString(String(value))
}

/** The JSON text of any JSON-shaped value, without the trailing newline. */
export function toPythonJson(value: unknown): string {
  return dump(value, 0)
}

export function formatJson(value: unknown): string {
  if (value === undefined) return ''
  if (isPlainObject(value) && Object.keys(value).length === 0) return ''
  return toPythonJson(value) + '\n'
}
