/** A small QR code encoder (byte mode, levels M and L, versions 1–40) for result codes, and its SVG picture. */
export { encodeQr, formatBits, versionBits, MASKS, dataPositions, type QrSymbol } from './symbol.ts'
export { qrSvg } from './svg.ts'
export { versionFor } from './codewords.ts'
export { alignmentCentres, BLOCKS, dataCodewords, ECC_PER_BLOCK, sizeOf, totalCodewords, type EccLevel } from './tables.ts'
