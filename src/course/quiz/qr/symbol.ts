import { dataBytes, interleaved, versionFor } from './codewords.ts'
import { alignmentCentres, LEVEL_BITS, sizeOf, type EccLevel } from './tables.ts'

/** A QR code symbol: `dark[y][x]`, with the version, level and mask it was made with. */
export interface QrSymbol {
  version: number
  level: EccLevel
  mask: number
  size: number
  dark: boolean[][]
}

/** The eight data masks (ISO/IEC 18004 Table 10): a module is inverted where the condition holds. */
export const MASKS: readonly ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

/** BCH remainder of `value` shifted by the generator's degree (format: 0x537, degree 10; version: 0x1F25, degree 12). */
function bch(value: number, generator: number, degree: number): number {
  let rem = value << degree
  for (let bit = 31 - Math.clz32(rem); bit >= degree; bit--) if (rem & (1 << bit)) rem ^= generator << (bit - degree)
  return rem
}

/** The 15 format bits: level and mask, their BCH(15,5) code, XORed with 101010000010010 so they are never all light. */
export const formatBits = (level: EccLevel, mask: number) => {
  const data = (LEVEL_BITS[level] << 3) | mask
  return ((data << 10) | bch(data, 0x537, 10)) ^ 0x5412
}

/** The 18 version bits (versions 7 and up): the version and its BCH(18,6) code. */
export const versionBits = (version: number) => (version << 12) | bch(version, 0x1f25, 12)

class Grid {
  readonly dark: boolean[][]
  readonly fixed: boolean[][]
  readonly size: number
  constructor(size: number) {
    this.size = size
    this.dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
    this.fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  }
  set(x: number, y: number, dark: boolean) {
    this.dark[y][x] = dark
    this.fixed[y][x] = true
  }
}

function drawFunctionPatterns(g: Grid, version: number) {
  const n = g.size
  for (let i = 0; i < n; i++) {
    g.set(6, i, i % 2 === 0)
    g.set(i, 6, i % 2 === 0)
  }
  // Finder patterns with their light separators: rings at distance 0–1 dark, 2 light, 3 dark, 4 light.
  for (const [cx, cy] of [[3, 3], [n - 4, 3], [3, n - 4]]) {
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        if (x >= 0 && x < n && y >= 0 && y < n) g.set(x, y, d !== 2 && d !== 4)
      }
  }
  const centres = alignmentCentres(version)
  const last = centres.length - 1
  centres.forEach((cy, i) =>
    centres.forEach((cx, j) => {
      // Not where a finder pattern already is.
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) g.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
    }),
  )
  if (version >= 7) {
    const bits = versionBits(version)
    for (let i = 0; i < 18; i++) {
      const on = ((bits >>> i) & 1) === 1
      const a = n - 11 + (i % 3)
      const b = Math.floor(i / 3)
      g.set(a, b, on)
      g.set(b, a, on)
    }
  }
}

/** Both copies of the format information (§7.9.1), and the dark module beside the lower-left finder. */
function drawFormat(g: Grid, level: EccLevel, mask: number) {
  const n = g.size
  const bits = formatBits(level, mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  for (let i = 0; i <= 5; i++) g.set(8, i, bit(i))
  g.set(8, 7, bit(6))
  g.set(8, 8, bit(7))
  g.set(7, 8, bit(8))
  for (let i = 9; i < 15; i++) g.set(14 - i, 8, bit(i))
  for (let i = 0; i < 8; i++) g.set(n - 1 - i, 8, bit(i))
  for (let i = 8; i < 15; i++) g.set(8, n - 15 + i, bit(i))
  g.set(8, n - 8, true)
}

/** The order data modules are filled in: two-module columns from the right, up then down, skipping the timing column. */
export function dataPositions(fixed: readonly (readonly boolean[])[]): [number, number][] {
  const n = fixed.length
  const out: [number, number][] = []
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < n; step++) {
      const y = upward ? n - 1 - step : step
      for (const x of [right, right - 1]) if (!fixed[y][x]) out.push([x, y])
    }
  }
  return out
}

/** The penalty of a masked symbol (§7.8.3): runs, 2×2 blocks, finder look-alikes, and an unbalanced dark share. */
export function penalty(dark: readonly (readonly boolean[])[]): number {
  const n = dark.length
  // Rows, then columns, as 0/1 lines (flat, so the eight masks of a large symbol score quickly).
  const line = new Uint8Array(n)
  let score = 0
  for (let pass = 0; pass < 2; pass++)
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) line[b] = (pass === 0 ? dark[a][b] : dark[b][a]) ? 1 : 0
      let run = 1
      for (let i = 1; i <= n; i++) {
        if (i < n && line[i] === line[i - 1]) run++
        else {
          if (run >= 5) score += run - 2
          run = 1
        }
      }
      // 1:1:3:1:1 (dark, light, dark×3, light, dark) with four light modules on one side.
      for (let i = 0; i + 7 <= n; i++) {
        if (!(line[i] && !line[i + 1] && line[i + 2] && line[i + 3] && line[i + 4] && !line[i + 5] && line[i + 6])) continue
        const lightBefore = i >= 4 && !line[i - 1] && !line[i - 2] && !line[i - 3] && !line[i - 4]
        const lightAfter = i + 11 <= n && !line[i + 7] && !line[i + 8] && !line[i + 9] && !line[i + 10]
        if (lightBefore || lightAfter) score += 40
      }
    }
  let darkCount = 0
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const c = dark[y][x]
      if (c) darkCount++
      if (y + 1 < n && x + 1 < n && dark[y][x + 1] === c && dark[y + 1][x] === c && dark[y + 1][x + 1] === c) score += 3
    }
  score += 10 * Math.floor(Math.abs((darkCount * 100) / (n * n) - 50) / 5)
  return score
}

/**
 * Encodes text (UTF-8, one byte-mode segment) as a QR code at level M, or L when M would need more than version 40;
 * the smallest version that holds it, and the mask with the lowest penalty.
 */
export function encodeQr(text: string, prefer: EccLevel = 'M'): QrSymbol {
  const bytes = new TextEncoder().encode(text)
  const levels: EccLevel[] = prefer === 'M' ? ['M', 'L'] : ['L']
  const level = levels.find((l) => versionFor(bytes.length, l) !== undefined)
  if (!level) throw new Error(`${bytes.length} bytes do not fit in a QR code at level L`)
  const version = versionFor(bytes.length, level) as number
  const g = new Grid(sizeOf(version))
  drawFunctionPatterns(g, version)
  drawFormat(g, level, 0) // reserves the format areas before the data is placed
  const codewords = interleaved(dataBytes(bytes, version, level), version, level)
  const positions = dataPositions(g.fixed)
  positions.forEach(([x, y], i) => {
    const byte = codewords[i >>> 3]
    // Remainder bits past the last codeword stay light.
    g.dark[y][x] = byte !== undefined && ((byte >>> (7 - (i & 7))) & 1) === 1
  })
  const flip = (mask: number) => positions.forEach(([x, y]) => MASKS[mask](x, y) && (g.dark[y][x] = !g.dark[y][x]))
  let best = { mask: 0, score: Infinity }
  for (let mask = 0; mask < 8; mask++) {
    flip(mask)
    drawFormat(g, level, mask)
    const score = penalty(g.dark)
    if (score < best.score) best = { mask, score }
    flip(mask)
  }
  flip(best.mask)
  drawFormat(g, level, best.mask)
  return { version, level, mask: best.mask, size: g.size, dark: g.dark }
}
