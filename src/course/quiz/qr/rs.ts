/**
 * Reed–Solomon error correction over GF(2⁸) with the QR code's field polynomial x⁸+x⁴+x³+x²+1 (0x11D) and a
 * generator whose roots are α⁰…α^(n−1) (ISO/IEC 18004 §7.5.2).
 */
const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = x
    LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]
}

export const gfMul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]])
export const gfPow = (e: number) => EXP[e % 255]

/** The generator polynomial of degree n, highest power first, its leading 1 left out. */
function generator(n: number): number[] {
  let g = [1]
  for (let i = 0; i < n; i++) {
    const next = new Array<number>(g.length + 1).fill(0)
    g.forEach((c, j) => {
      next[j] ^= c
      next[j + 1] ^= gfMul(c, EXP[i])
    })
    g = next
  }
  return g.slice(1)
}

const generators = new Map<number, number[]>()

/** The n error correction codewords of a block: the remainder of data·xⁿ divided by the generator. */
export function eccOf(data: readonly number[], n: number): number[] {
  let g = generators.get(n)
  if (!g) {
    g = generator(n)
    generators.set(n, g)
  }
  const rem = new Array<number>(n).fill(0)
  for (const byte of data) {
    const factor = byte ^ (rem.shift() as number)
    rem.push(0)
    for (let i = 0; i < n; i++) rem[i] ^= gfMul(g[i], factor)
  }
  return rem
}
