/**
 * A small LZ77 compressor for result codes: deterministic, synchronous and dependency-free (CompressionStream is
 * asynchronous and missing from some test environments). Both sides prime the window with the same dictionary — the
 * quiz's own commands for this seed — so a learner's command that resembles the reference costs a few bytes.
 *
 * Format, a sequence of tokens:
 *   token   := literal | match
 *   literal := byte 0..127 (n − 1), then n raw bytes                     (n ≤ 128)
 *   match   := byte 128..255 (length − MIN_MATCH), then distance as a varint (7 bits a byte, low bits first)
 */
const MIN_MATCH = 3
const MAX_MATCH = 127 + MIN_MATCH
const MAX_CHAIN = 48

const key = (b: Uint8Array, i: number) => (b[i] << 16) | (b[i + 1] << 8) | b[i + 2]

export function compress(data: Uint8Array, dictionary: Uint8Array = new Uint8Array()): Uint8Array {
  const buf = new Uint8Array(dictionary.length + data.length)
  buf.set(dictionary)
  buf.set(data, dictionary.length)
  const heads = new Map<number, number>()
  const prev = new Int32Array(buf.length).fill(-1)
  const insert = (i: number) => {
    if (i + MIN_MATCH > buf.length) return
    const k = key(buf, i)
    prev[i] = heads.get(k) ?? -1
    heads.set(k, i)
  }
  for (let i = 0; i < dictionary.length; i++) insert(i)
  const out: number[] = []
  let literals: number[] = []
  const flush = () => {
    for (let s = 0; s < literals.length; s += 128) {
      const part = literals.slice(s, s + 128)
      out.push(part.length - 1, ...part)
    }
    literals = []
  }
  const longest = (i: number): [number, number] => {
    let best = 0
    let dist = 0
    if (i + MIN_MATCH > buf.length) return [0, 0]
    let j = heads.get(key(buf, i)) ?? -1
    for (let chain = 0; j >= 0 && chain < MAX_CHAIN; chain++, j = prev[j]) {
      let n = 0
      while (n < MAX_MATCH && i + n < buf.length && buf[j + n] === buf[i + n]) n++
      // Prefer the nearer of equal matches: a shorter distance is a shorter varint.
      if (n > best) {
        best = n
        dist = i - j
      }
    }
    return [best, dist]
  }
  let i = dictionary.length
  while (i < buf.length) {
    const [len, dist] = longest(i)
    if (len >= MIN_MATCH) {
      // Lazy matching: a longer match one byte on is worth a literal.
      const [nextLen] = i + 1 < buf.length ? longest(i + 1) : [0]
      if (nextLen > len + 1) {
        literals.push(buf[i])
        insert(i)
        i++
        continue
      }
      flush()
      out.push(128 + len - MIN_MATCH)
      for (let d = dist; ; ) {
        const byte = d & 0x7f
        d >>>= 7
        if (d === 0) {
          out.push(byte)
          break
        }
        out.push(byte | 0x80)
      }
      for (let k = 0; k < len; k++) insert(i + k)
      i += len
    } else {
      literals.push(buf[i])
      insert(i)
      i++
    }
  }
  flush()
  return Uint8Array.from(out)
}

/** Inverse of compress with the same dictionary; throws on a damaged stream. */
export function decompress(data: Uint8Array, dictionary: Uint8Array = new Uint8Array()): Uint8Array {
  const out: number[] = Array.from(dictionary)
  let i = 0
  while (i < data.length) {
    const c = data[i++]
    if (c < 128) {
      if (i + c + 1 > data.length) throw new Error('the data ends inside a literal run')
      for (let k = 0; k <= c; k++) out.push(data[i++])
    } else {
      const len = c - 128 + MIN_MATCH
      let dist = 0
      for (let shift = 0; ; shift += 7) {
        if (i >= data.length || shift > 28) throw new Error('the data ends inside a match')
        const b = data[i++]
        dist |= (b & 0x7f) << shift
        if (!(b & 0x80)) break
      }
      const from = out.length - dist
      if (dist <= 0 || from < 0) throw new Error('a match points before the start')
      for (let k = 0; k < len; k++) out.push(out[from + k])
    }
  }
  return Uint8Array.from(out.slice(dictionary.length))
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** base64url without padding (RFC 4648 §5): safe in URLs, file names and a QR code's byte mode. */
export function toBase64Url(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2
    for (let k = 0; k < chars; k++) s += ALPHABET[(n >> (18 - 6 * k)) & 63]
  }
  return s
}

export function fromBase64Url(text: string): Uint8Array {
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch)
    if (v < 0) throw new Error(`"${ch}" is not a base64url character`)
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((value >> bits) & 0xff)
    }
  }
  return Uint8Array.from(out)
}
