/**
 * A small seeded PRNG for question variants (house rule 1: no Math.random below src/app). mulberry32: 32 bits of
 * state, fast, and good enough to pick names and ports; the same seed always draws the same sequence.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** A new array in a seeded order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[]
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[out[i], out[j]] = [out[j], out[i]]
      }
      return out
    },
  }
}

/** FNV-1a, 32 bits, over the text's UTF-16 code units: seeds from names, and the result code's checks. */
export function hash32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

/**
 * The seed of one learner's attempt at a quiz: the same name (as typed, trimmed) and attempt number give the same
 * variants, so an instructor can reproduce what a learner saw; another learner or attempt gets others.
 */
export const attemptSeed = (quizId: string, learner: string, attempt: number): number => hash32(`${quizId}\n${learner.trim()}\n${attempt}`)

/** Each question draws from its own stream, so adding a question does not change the others' variants. */
export const questionSeed = (seed: number, questionId: string): number => hash32(questionId, seed ^ 0x9e3779b9)
