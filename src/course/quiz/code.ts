import { compress, decompress, fromBase64Url, toBase64Url } from './lz.ts'
import { hash32 } from './rng.ts'
import type { LogItem } from './start.ts'

/**
 * A result as a short text code anyone can verify offline (verify.ts): the quiz and its version, the seed, the
 * learner's name as typed, their answers and their input log — plus the score they were shown, which a verifier
 * never trusts but compares with its own replay. Layout (fields joined by "."):
 *
 *   CSQ1 . quizId . version . seed (base 36) . score (hundredths) . name (base64url) . body . checks
 *
 *   body   := base64url(lz(JSON [answers, logs]), primed with the quiz's commands for this seed)
 *   checks := a 4-character check per field (quiz+version, seed, score, name, body), then a 6-character digest of
 *             the outputs the learner saw (a replay must see the same)
 *
 * The checks catch a code edited by hand or damaged in copying, field by field; the replay catches the rest.
 */
export const CODE_PREFIX = 'CSQ1'

/** An answer as stored: option indices (authored order), a typed value, or nothing. */
export type StoredAnswer = number[] | string | null

export interface QuizResultData {
  quizId: string
  version: number
  seed: number
  learner: string
  /** The score the learner was shown, in points. */
  score: number
  /** By question, in the quiz file's order. */
  answers: StoredAnswer[]
  /** By question index: the learner's inputs in that question's sandbox. */
  logs: Record<number, LogItem[]>
  /** Digest of the outputs the learner saw (replayDigest). */
  digest: string
}

export const FIELDS = ['quiz version', 'seed', 'score', "learner's name", 'answers and log'] as const
export type CodeField = (typeof FIELDS)[number]

const check = (field: string, value: string) => (hash32(`${field}=${value}`) % 36 ** 4).toString(36).padStart(4, '0')
export const replayDigest = (outputs: readonly string[]) => (hash32(outputs.join('\u0001')) % 36 ** 6).toString(36).padStart(6, '0')

const utf8 = new TextEncoder()
const text = new TextDecoder('utf-8', { fatal: true })

export function encodeResult(r: QuizResultData, dictionary: string): string {
  const body = toBase64Url(compress(utf8.encode(JSON.stringify([r.answers, Object.entries(r.logs).map(([i, items]) => [Number(i), ...items])])), utf8.encode(dictionary)))
  const fields = [`${r.quizId}.${r.version}`, r.seed.toString(36), String(Math.round(r.score * 100)), toBase64Url(utf8.encode(r.learner)), body]
  const checks = fields.map((v, i) => check(FIELDS[i], v)).join('')
  return [CODE_PREFIX, ...fields, `${checks}${r.digest}`].join('.')
}

export interface DecodedHeader {
  quizId: string
  version: number
  seed: number
  score: number
  learner: string
  body: string
  digest: string
  /** Fields whose check does not match: edited or damaged after the code was made. */
  changed: CodeField[]
}

/** Reads a code's fields without trusting them; throws an Error saying what is malformed. */
export function decodeHeader(code: string): DecodedHeader {
  const parts = code.replace(/\s+/g, '').split('.')
  if (parts[0] !== CODE_PREFIX) throw new Error(`this is not a result code: it should start with "${CODE_PREFIX}."`)
  if (parts.length !== 8) throw new Error(`this result code is incomplete: it has ${parts.length} parts separated by ".", not 8 (was it cut off when copied?)`)
  const [, quizId, version, seed, score, name, body, tail] = parts
  if (tail.length !== 26) throw new Error('the end of this result code (its checks) is cut off or has extra characters')
  const fields = [`${quizId}.${version}`, seed, score, name, body]
  const changed = FIELDS.filter((f, i) => check(f, fields[i]) !== tail.slice(i * 4, i * 4 + 4))
  let learner = ''
  try {
    learner = text.decode(fromBase64Url(name))
  } catch {
    if (!changed.includes("learner's name")) changed.push("learner's name")
  }
  const seedNumber = /^[0-9a-z]{1,7}$/.test(seed) ? parseInt(seed, 36) : NaN
  if (!Number.isInteger(seedNumber) && !changed.includes('seed')) changed.push('seed')
  return {
    quizId,
    version: /^\d+$/.test(version) ? Number(version) : NaN,
    seed: seedNumber,
    score: /^\d+$/.test(score) ? Number(score) / 100 : NaN,
    learner,
    body,
    digest: tail.slice(20),
    changed,
  }
}

/** The answers and logs of a body; throws when it cannot be read. */
export function decodeBody(body: string, dictionary: string): { answers: StoredAnswer[]; logs: Record<number, LogItem[]> } {
  const json = JSON.parse(text.decode(decompress(fromBase64Url(body), utf8.encode(dictionary)))) as unknown
  if (!Array.isArray(json) || json.length !== 2 || !Array.isArray(json[0]) || !Array.isArray(json[1])) throw new Error('the answers and log are not in the expected shape')
  const logs: Record<number, LogItem[]> = {}
  for (const entry of json[1] as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'number') throw new Error('a log is not in the expected shape')
    const [index, ...items] = entry as [number, ...unknown[]]
    if (!items.every(isLogItem)) throw new Error(`the log of question ${index + 1} has an input of an unknown shape`)
    logs[index] = items as LogItem[]
  }
  const answers = json[0] as unknown[]
  if (!answers.every((a) => a === null || typeof a === 'string' || (Array.isArray(a) && a.every((n) => Number.isInteger(n)))))
    throw new Error('an answer is not in the expected shape')
  return { answers: answers as StoredAnswer[], logs }
}

const isLogItem = (v: unknown): boolean =>
  typeof v === 'string' ||
  (typeof v === 'number' && v >= 0) ||
  (Array.isArray(v) && ((v[0] === 'w' && v.length === 3 && typeof v[1] === 'string' && typeof v[2] === 'string') || (v[0] === 'r' && v.length === 2 && typeof v[1] === 'string')))
