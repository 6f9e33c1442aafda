// Python's str()/repr() of JSON-shaped values, as the AWS CLI prints them in text and table output
// (fidelity 1.12–1.14: `True`/`False`/`None`, floats as Python `repr`). aws-cli source: `awscli/text.py`
// (`six.text_type(value)`), `awscli/table.py` (`Section._format_row`).
//
// A JS number cannot tell 5 from 5.0: integral numbers print as Python ints (`5`), others as Python float repr.

/** Python `repr(float)` / `str(int)` for a JS number. */
export function pyNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan'
  if (n === Infinity) return 'inf'
  if (n === -Infinity) return '-inf'
  if (Number.isInteger(n)) {
    // Python ints print every digit; JS switches to exponent form at 1e21.
    return Math.abs(n) < 1e21 ? String(n === 0 ? 0 : n) : BigInt(n).toString()
  }
  // Python's float repr uses scientific notation when the exponent is < -4 (non-integers never reach 1e16).
  if (Math.abs(n) < 1e-4) {
    const [mantissa, exp] = n.toExponential().split('e')
    const sign = exp.startsWith('-') ? '-' : '+'
    const digits = exp.replace(/^[-+]/, '')
    return `${mantissa}e${sign}${digits.padStart(2, '0')}`
  }
  return String(n)
}

/** Python `repr(str)`: single quotes unless the text holds a `'` and no `"`. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0
    if (ch === quote || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + quote
}

/** Python `repr()` of a JSON-shaped value (used when a list or dict lands in a text/table cell). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return pyNumber(value)
  if (typeof value === 'string') return pyStrRepr(value)
  if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']'
  if (typeof value === 'object') {
    return '{' + Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ') + '}'
  }
  return String(value)
}

/** Python `str()`: strings as they are, everything else as `repr()`. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value)
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Python's `sorted()` on str keys: code point order. */
export function pySortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => {
    const x = Array.from(a)
    const y = Array.from(b)
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0)
      if (d !== 0) return d
    }
    return x.length - y.length
  })
}
