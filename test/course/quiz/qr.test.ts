import { describe, expect, it } from 'vitest'
import { alignmentCentres, BLOCKS, dataCodewords, ECC_PER_BLOCK, encodeQr, formatBits, MASKS, qrSvg, sizeOf, totalCodewords, versionBits, versionFor, type QrSymbol } from '../../../src/course/quiz/qr/index.ts'

// A reader written from the standard, apart from the encoder: it finds the format and version information, unmasks,
// reads the codewords in placement order, checks every block's Reed–Solomon syndromes and parses the byte segment.

const EXP: number[] = []
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP.push(x)
    x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)
  }
}
const LOG = new Map(EXP.map((v, i) => [v, i]))
const mul = (a: number, b: number) => (a && b ? EXP[((LOG.get(a) as number) + (LOG.get(b) as number)) % 255] : 0)

/** The codeword polynomial evaluated at α^i, highest power first: zero for every i below the ECC length. */
const syndrome = (block: number[], i: number) => block.reduce((acc, c) => mul(acc, EXP[i % 255]) ^ c, 0)

const bitsAt = (q: QrSymbol, cells: [number, number][]) => cells.reduce((acc, [x, y], i) => acc | ((q.dark[y][x] ? 1 : 0) << i), 0)

function formatCopies(q: QrSymbol) {
  const n = q.size
  const first: [number, number][] = [[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]]
  const second: [number, number][] = [...Array.from({ length: 8 }, (_, i): [number, number] => [n - 1 - i, 8]), ...Array.from({ length: 7 }, (_, i): [number, number] => [8, n - 7 + i])]
  return [bitsAt(q, first), bitsAt(q, second)]
}

/** Which modules hold no data: finders, separators, format areas, timing lines, alignment patterns, version areas. */
function functionModules(q: QrSymbol): boolean[][] {
  const n = q.size
  const f = Array.from({ length: n }, () => new Array<boolean>(n).fill(false))
  const box = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) f[y][x] = true
  }
  box(0, 0, 9, 9)
  box(n - 8, 0, 8, 9)
  box(0, n - 8, 9, 8)
  box(6, 0, 1, n)
  box(0, 6, n, 1)
  const c = alignmentCentres(q.version)
  const finder = (x: number, y: number) => (x < 9 && y < 9) || (x > n - 9 && y < 9) || (x < 9 && y > n - 9)
  for (const y of c) for (const x of c) if (!finder(x, y)) box(x - 2, y - 2, 5, 5)
  if (q.version >= 7) {
    box(n - 11, 0, 3, 6)
    box(0, n - 11, 6, 3)
  }
  return f
}

function read(q: QrSymbol): { text: string; blocks: number[][]; ecc: number } {
  const n = q.size
  const fixed = functionModules(q)
  const bits: number[] = []
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let step = 0; step < n; step++) {
      const y = ((right + 1) & 2) === 0 ? n - 1 - step : step
      for (const x of [right, right - 1]) if (!fixed[y][x]) bits.push(Number(q.dark[y][x] !== MASKS[q.mask](x, y)))
    }
  }
  const codewords: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))
  const total = totalCodewords(q.version)
  expect(codewords.length).toBe(total)
  const count = BLOCKS[q.level][q.version]
  const ecc = ECC_PER_BLOCK[q.level][q.version]
  const short = count - (total % count)
  const shortData = Math.floor(total / count) - ecc
  const blocks = Array.from({ length: count }, (_, b) => ({ data: [] as number[], ecc: [] as number[], length: shortData + (b < short ? 0 : 1) }))
  let k = 0
  for (let i = 0; i <= shortData; i++) for (const b of blocks) if (i < b.length) b.data.push(codewords[k++])
  for (let i = 0; i < ecc; i++) for (const b of blocks) b.ecc.push(codewords[k++])
  const data = blocks.flatMap((b) => b.data)
  const stream = data.flatMap((byte) => Array.from({ length: 8 }, (_, i) => (byte >>> (7 - i)) & 1))
  let p = 0
  const take = (len: number) => stream.slice(p, (p += len)).reduce((a, b) => (a << 1) | b, 0)
  expect(take(4)).toBe(0b0100) // byte mode
  const length = take(q.version <= 9 ? 8 : 16)
  const bytes = Uint8Array.from({ length }, () => take(8))
  return { text: new TextDecoder().decode(bytes), blocks: blocks.map((b) => [...b.data, ...b.ecc]), ecc }
}

const sampleCode = (length: number) => {
  let s = 'CSQ1.final-assessment.1.9x3k2.'
  for (let i = 0; s.length < length; i++) s += 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 37 + (i >> 3)) % 64]
  return s
}

describe('the QR code of a result code', () => {
  it('holds the capacities of the standard: 14 bytes in version 1-M, 2,331 in 40-M, 2,953 in 40-L', () => {
    expect(dataCodewords(1, 'M')).toBe(16)
    expect(versionFor(14, 'M')).toBe(1)
    expect(versionFor(15, 'M')).toBe(2)
    expect(totalCodewords(40)).toBe(3706)
    expect(versionFor(2331, 'M')).toBe(40)
    expect(versionFor(2332, 'M')).toBeUndefined()
    expect(versionFor(2953, 'L')).toBe(40)
    expect(alignmentCentres(7)).toEqual([6, 22, 38])
    expect(alignmentCentres(32)).toEqual([6, 34, 60, 86, 112, 138])
  })

  it('writes the format and version information the standard lists', () => {
    expect(formatBits('M', 0).toString(2).padStart(15, '0')).toBe('101010000010010')
    expect(formatBits('L', 0).toString(2).padStart(15, '0')).toBe('111011111000100')
    expect(formatBits('M', 1).toString(2).padStart(15, '0')).toBe('101000100100101')
    expect(versionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100')
  })

  it.each([
    ['a short code', 'CSQ1.fargate-check.1.abc'],
    ['a 750-character code (200 commands)', sampleCode(750)],
    ['a 2,000-character code', sampleCode(2000)],
  ])('%s reads back exactly, with both format copies, the version blocks and zero syndromes', (_, text) => {
    const q = encodeQr(text)
    expect(q.size).toBe(sizeOf(q.version))
    expect(q.version).toBe(versionFor(new TextEncoder().encode(text).length, q.level))
    const [first, second] = formatCopies(q)
    expect(first).toBe(second)
    expect(first).toBe(formatBits(q.level, q.mask))
    expect(q.dark[q.size - 8][8]).toBe(true)
    // Timing lines alternate between the finders.
    for (let i = 8; i < q.size - 8; i++) expect([q.dark[6][i], q.dark[i][6]]).toEqual([i % 2 === 0, i % 2 === 0])
    // The finder's centre 3×3 is dark, its ring at distance 2 light.
    for (const [cx, cy] of [[3, 3], [q.size - 4, 3], [3, q.size - 4]]) expect([q.dark[cy][cx], q.dark[cy + 2][cx], q.dark[cy + 3][cx]]).toEqual([true, false, true])
    if (q.version >= 7) {
      const a: [number, number][] = Array.from({ length: 18 }, (_, i) => [q.size - 11 + (i % 3), Math.floor(i / 3)])
      expect(bitsAt(q, a)).toBe(versionBits(q.version))
      expect(bitsAt(q, a.map(([x, y]) => [y, x]))).toBe(versionBits(q.version))
    }
    const { text: decoded, blocks, ecc } = read(q)
    expect(decoded).toBe(text)
    for (const block of blocks) for (let i = 0; i < ecc; i++) expect(syndrome(block, i)).toBe(0)
  })

  it('uses level M up to 2,000 characters, so a damaged print still reads', () => {
    expect(encodeQr(sampleCode(2000)).level).toBe('M')
    expect(encodeQr(sampleCode(2500)).level).toBe('L')
    expect(() => encodeQr(sampleCode(3000))).toThrow(/do not fit/)
  })

  it('draws an SVG with a quiet zone and a title, one square per dark module', () => {
    const q = encodeQr('CSQ1.fargate-check.1.abc')
    const svg = qrSvg(q, 'Result code <Ada>')
    expect(svg).toMatch(new RegExp(`viewBox="0 0 ${q.size + 8} ${q.size + 8}"`))
    expect(svg).toContain('<title>Result code &lt;Ada&gt;</title>')
    const area = [...svg.matchAll(/M\d+ \d+h(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0)
    expect(area).toBe(q.dark.flat().filter(Boolean).length)
  })
})
