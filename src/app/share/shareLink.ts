import type { InputRecord, SandboxSnapshot } from '../../sandbox/types.ts'
import { deflate, fromBase64Url, inflate, toBase64Url } from './codec.ts'

/**
 * Share links: the world as the input log that makes it (the seed and the inputs, or a checkpoint and the inputs
 * since), plus the lesson and step, compressed into the URL fragment (`#s=1.<base64url>`). The fragment never goes to
 * a server. Versioned (../shared/DESIGN.md example 10): `SHARE_VERSION` is what this app writes; `migrations[n]` turns
 * a version-n document into n + 1; a version with no way forward is refused in words.
 *
 * Only what replays is kept: an exec's line (its output is recomputed), a clock move's total (advance(a) then
 * advance(b) fires the same timers at the same virtual times as advance(a + b): the scheduler runs events at their own
 * `at`), file writes and removes.
 */
export const SHARE_VERSION = 1
export const SHARE_PREFIX = '#s='

/** Bounds for what a link may ask of the page (a hostile link must not hang or exhaust it). */
export const SHARE_LIMITS = {
  /** Characters of the fragment. */
  chars: 4_000_000,
  /** Bytes after decompression. */
  bytes: 16_000_000,
  inputs: 20_000,
  /** Simulated time a link may move the clock through, in all: 30 days. */
  advanceMs: 30 * 24 * 3_600_000,
} as const

/** One input as the link keeps it: a line, a clock move in ms, a write `['w', path, text]` or a removal `['r', path]`. */
export type SharedInput = string | number | ['w', string, string] | ['r', string]

export interface SharedSession {
  /** The world starts from this seed's fresh account... */
  seed?: number
  /** ...or from this checkpoint (a world that did not start fresh: a restored lesson world, "Reset this step"). */
  checkpoint?: SandboxSnapshot
  inputs: readonly InputRecord[]
  /** The lesson open when the link was made, and its step (index). */
  lesson?: { id: string; step: number }
}

interface ShareDoc {
  v: number
  seed?: number
  checkpoint?: unknown
  inputs: unknown[]
  lesson?: { id: string; step: number }
}

const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {}

export function compactInputs(inputs: readonly InputRecord[]): SharedInput[] {
  const out: SharedInput[] = []
  for (const input of inputs) {
    if (input.kind === 'exec') out.push(input.line)
    else if (input.kind === 'write') out.push(['w', input.path, input.text])
    else if (input.kind === 'remove') out.push(['r', input.path])
    else {
      const ms = input.ms.reduce((a, b) => a + b, 0)
      const last = out[out.length - 1]
      if (typeof last === 'number') out[out.length - 1] = last + ms
      else if (ms > 0) out.push(ms)
    }
  }
  return out
}

/** The link's fragment for a session. */
export async function encodeShare(session: SharedSession): Promise<string> {
  const doc: ShareDoc = { v: SHARE_VERSION, inputs: compactInputs(session.inputs) }
  if (session.checkpoint) doc.checkpoint = session.checkpoint
  else doc.seed = session.seed
  if (session.lesson) doc.lesson = session.lesson
  return `${SHARE_PREFIX}${SHARE_VERSION}.${toBase64Url(await deflate(JSON.stringify(doc)))}`
}

export type DecodedShare = { ok: true; session: SharedSession } | { ok: false; message: string }

const refuse = (message: string): DecodedShare => ({ ok: false, message })
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** True when `hash` is a share link's fragment (whatever its state). */
export const isShareFragment = (hash: string): boolean => hash.startsWith(SHARE_PREFIX)

/**
 * Reads a fragment. Never throws: anything malformed, hostile or from another version gives a message a learner can
 * act on. Nothing in a link is ever run as script: the inputs go to the simulation's shell only.
 */
export async function decodeShare(hash: string): Promise<DecodedShare> {
  try {
    return await decode(hash)
  } catch {
    return refuse('This share link is damaged and cannot be opened. Ask for the link again.')
  }
}

async function decode(hash: string): Promise<DecodedShare> {
  if (!isShareFragment(hash)) return refuse('This is not a share link.')
  if (hash.length > SHARE_LIMITS.chars) return refuse('This share link is too long to open.')
  const body = hash.slice(SHARE_PREFIX.length)
  const dot = body.indexOf('.')
  const version = dot > 0 ? Number(body.slice(0, dot)) : NaN
  if (!Number.isInteger(version) || version < 1) return refuse('This share link is damaged (it has no version) and cannot be opened.')
  if (version > SHARE_VERSION) return refuse(`This share link was made by a newer version of Container Sandbox (link version ${version}; this one reads up to ${SHARE_VERSION}). Reload the page to update, then open the link again.`)
  const bytes = fromBase64Url(body.slice(dot + 1))
  if (!bytes || bytes.length === 0) return refuse('This share link is damaged (it is cut short or has characters a link cannot hold) and cannot be opened.')
  let doc: unknown = JSON.parse(await inflate(bytes, SHARE_LIMITS.bytes))
  if (!isObject(doc) || doc.v !== version) return refuse('This share link is damaged and cannot be opened.')
  for (let v = version; v < SHARE_VERSION; v++) {
    const step = migrations[v]
    if (!step) return refuse(`This share link was made by an older version of Container Sandbox (link version ${v}) that this version cannot open.`)
    doc = step(doc as Record<string, unknown>)
  }
  return validate(doc as Record<string, unknown>)
}

function validate(doc: Record<string, unknown>): DecodedShare {
  const damaged = (what: string) => refuse(`This share link is damaged (${what}) and cannot be opened.`)
  if (!Array.isArray(doc.inputs)) return damaged('no list of commands')
  if (doc.inputs.length > SHARE_LIMITS.inputs) return refuse(`This share link holds more than ${SHARE_LIMITS.inputs} inputs, more than the sandbox replays from a link.`)
  const inputs: InputRecord[] = []
  let advanced = 0
  for (const item of doc.inputs) {
    if (typeof item === 'string') inputs.push({ kind: 'exec', line: item, stdout: '', stderr: '', exitCode: 0 })
    else if (typeof item === 'number') {
      if (!Number.isFinite(item) || item < 0) return damaged('a clock move that is not a number of milliseconds')
      advanced += item
      if (advanced > SHARE_LIMITS.advanceMs) return refuse('This share link moves the simulated clock further than 30 days, more than the sandbox replays from a link.')
      inputs.push({ kind: 'advance', ms: [item] })
    } else if (Array.isArray(item) && item[0] === 'w' && item.length === 3 && typeof item[1] === 'string' && typeof item[2] === 'string') {
      inputs.push({ kind: 'write', path: item[1], text: item[2] })
    } else if (Array.isArray(item) && item[0] === 'r' && item.length === 2 && typeof item[1] === 'string') {
      inputs.push({ kind: 'remove', path: item[1] })
    } else return damaged('an input of an unknown kind')
  }
  let lesson: SharedSession['lesson']
  if (doc.lesson !== undefined) {
    const l = doc.lesson
    if (!isObject(l) || typeof l.id !== 'string' || !Number.isInteger(l.step) || (l.step as number) < 0) return damaged('a lesson that is not a lesson')
    lesson = { id: l.id, step: l.step as number }
  }
  if (doc.checkpoint !== undefined) {
    if (!isObject(doc.checkpoint)) return damaged('a world that is not a world')
    return { ok: true, session: { checkpoint: doc.checkpoint as unknown as SandboxSnapshot, inputs, ...(lesson ? { lesson } : {}) } }
  }
  if (!Number.isSafeInteger(doc.seed)) return damaged('no seed')
  return { ok: true, session: { seed: doc.seed as number, inputs, ...(lesson ? { lesson } : {}) } }
}
