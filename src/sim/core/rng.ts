/**
 * The sandbox's one source of randomness: a seeded PRNG whose whole state is a plain number,
 * so it goes into snapshots and resumes exactly (house rule 1). Algorithm: mulberry32
 * (public domain, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c).
 */
export interface RngState {
  s: number
}

export class Rng {
  state: RngState

  constructor(state: RngState) {
    this.state = state
  }

  static fromSeed(seed: number): Rng {
    return new Rng({ s: seed >>> 0 })
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state.s = (this.state.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    let out = ''
    for (let i = 0; i < n; i++) out += '0123456789abcdef'[this.int(0, 15)]
    return out
  }

  /** `n` decimal digits, the first one not zero. */
  digits(n: number): string {
    let out = String(this.int(1, 9))
    for (let i = 1; i < n; i++) out += String(this.int(0, 9))
    return out
  }

  /** RFC 4122 version-4 shaped UUID. */
  uuid(): string {
    const h = this.hex(32).split('')
    h[12] = '4'
    h[16] = '89ab'[this.int(0, 3)]
    const s = h.join('')
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]
  }
}
