import { eccOf } from './rs.ts'
import { BLOCKS, dataCodewords, ECC_PER_BLOCK, MAX_VERSION, totalCodewords, type EccLevel } from './tables.ts'

/** Bits needed for a byte-mode segment: mode (4), character count (8 bits to version 9, 16 after), 8 per byte. */
const segmentBits = (bytes: number, version: number) => 4 + (version <= 9 ? 8 : 16) + 8 * bytes

/** The smallest version whose data capacity at this level holds the bytes, or undefined when even 40 is too small. */
export function versionFor(bytes: number, level: EccLevel): number | undefined {
  for (let v = 1; v <= MAX_VERSION; v++) if (segmentBits(bytes, v) <= dataCodewords(v, level) * 8) return v
  return undefined
}

/**
 * The data codewords (ISO/IEC 18004 §7.4): one byte-mode segment (mode 0100), the terminator (up to four 0 bits),
 * zero bits to the byte boundary, then the pad bytes 11101100 and 00010001 in turn.
 */
export function dataBytes(bytes: Uint8Array, version: number, level: EccLevel): number[] {
  const capacity = dataCodewords(version, level) * 8
  const bits: number[] = []
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  put(0b0100, 4)
  put(bytes.length, version <= 9 ? 8 : 16)
  bytes.forEach((b) => put(b, 8))
  put(0, Math.min(4, capacity - bits.length))
  put(0, (8 - (bits.length % 8)) % 8)
  const out: number[] = []
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))
  for (let pad = 0xec; out.length < capacity / 8; pad ^= 0xec ^ 0x11) out.push(pad)
  return out
}

/**
 * Splits the data into the level's blocks (the later blocks one codeword longer when it does not divide evenly),
 * adds each block's error correction, and interleaves: the first codeword of every block, then the second, …, then
 * the error correction codewords the same way (§7.6).
 */
export function interleaved(data: readonly number[], version: number, level: EccLevel): number[] {
  const blocks = BLOCKS[level][version]
  const ecc = ECC_PER_BLOCK[level][version]
  const total = totalCodewords(version)
  const shortBlocks = blocks - (total % blocks)
  const shortData = Math.floor(total / blocks) - ecc
  const parts: { data: number[]; ecc: number[] }[] = []
  for (let b = 0, k = 0; b < blocks; b++) {
    const length = shortData + (b < shortBlocks ? 0 : 1)
    const slice = data.slice(k, k + length)
    k += length
    parts.push({ data: slice, ecc: eccOf(slice, ecc) })
  }
  const out: number[] = []
  for (let i = 0; i <= shortData; i++) for (const p of parts) if (i < p.data.length) out.push(p.data[i])
  for (let i = 0; i < ecc; i++) for (const p of parts) out.push(p.ecc[i])
  return out
}
