/**
 * QR code capacity data for versions 1–40 at error correction levels L and M (the two the result code uses), as
 * ISO/IEC 18004:2015 gives them (Table 9, "Error correction characteristics"): error correction codewords per
 * block and the number of blocks. Index 0 is unused so that the index is the version.
 */
export type EccLevel = 'L' | 'M'

export const ECC_PER_BLOCK: Record<EccLevel, readonly number[]> = {
  L: [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  M: [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
}

export const BLOCKS: Record<EccLevel, readonly number[]> = {
  L: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  M: [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
}

/** The two format-information bits of each level (18004 Table 12): L is 01, M is 00. */
export const LEVEL_BITS: Record<EccLevel, number> = { L: 0b01, M: 0b00 }

export const MAX_VERSION = 40

/** Modules per side: 21 for version 1, four more per version. */
export const sizeOf = (version: number) => 17 + 4 * version

/** Centres of the alignment patterns along each axis (18004 Annex E): evenly spaced from the far edge back to 6. */
export function alignmentCentres(version: number): number[] {
  if (version === 1) return []
  const count = Math.floor(version / 7) + 2
  const last = sizeOf(version) - 7
  // Version 32 is the one exception to the even spacing rule of the table.
  const step = version === 32 ? 26 : Math.ceil((last - 6) / (count - 1) / 2) * 2
  const out = [6]
  for (let i = count - 2; i >= 0; i--) out.push(last - i * step)
  return out
}

/** Modules left for codewords once the function patterns and format/version areas are taken. */
export function dataModules(version: number): number {
  const size = sizeOf(version)
  let n = size * size - 3 * 64 - 2 * (size - 16) - 31 // finders with separators, timing lines, format areas and the dark module
  const a = alignmentCentres(version).length
  if (a > 0) n -= 25 * (a * a - 3) - 10 * (a - 2) // alignment patterns, less the 5 modules each shares with a timing line
  if (version >= 7) n -= 36 // two version-information blocks
  return n
}

/** Codewords (bytes) the symbol holds in all. */
export const totalCodewords = (version: number) => Math.floor(dataModules(version) / 8)

/** Data codewords at a level: the total less every block's error correction codewords. */
export const dataCodewords = (version: number, level: EccLevel) => totalCodewords(version) - ECC_PER_BLOCK[level][version] * BLOCKS[level][version]
