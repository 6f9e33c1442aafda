// Small pieces of Python's string semantics that the value parsers need to stay byte-identical to the CLI:
// Python indexes strings by code point (JS by UTF-16 unit), and its notion of whitespace is wider than JS's.

/**
 * Every character for which Python's `str.isspace()` is true (also what `re`'s `\s` matches on str patterns):
 * generated with CPython 3.11/3.13 over all code points. JS's `\s` differs (it has U+FEFF, lacks U+001C–U+001F, U+0085).
 */
export const PY_SPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'

const PY_SPACE = new RegExp(`[${PY_SPACE_CLASS}]`)

/** Python `str.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let end = s.length
  while (end > 0 && PY_SPACE.test(s[end - 1])) end--
  return s.slice(0, end)
}

/** Python's length of `s` (code points), for positions and caret columns counted the way Python counts them. */
export function pyLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    // A well-formed surrogate pair is one Python character; a lone surrogate is one character too.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** The Python character (code point) starting at UTF-16 index `i`. */
export function pyCharAt(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i) ?? 0)
}

/**
 * Sets an own, enumerable property even for the key `__proto__` (a plain assignment would change the prototype).
 * Re-assigning an existing key keeps its original position, as Python's dict and OrderedDict do.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  } else {
    target[key] = value
  }
}
