import type { InputRecord, SandboxSnapshot } from '../../../sandbox/types.ts'
import { CLOCK_SPEEDS, type ClockSpeed, type ConsoleEntry, type Layout } from '../types.ts'
import { defaultLayout, normalizeLayout } from '../../layout/layoutModel.ts'

/**
 * The persisted app state and every migration between its versions, in one place
 * (../shared/DESIGN.md example 10). To change the shape: bump PERSIST_VERSION, add a step to
 * `migrations` that turns version N into N + 1, and a test that an old document still loads.
 */
export const PERSIST_VERSION = 2

/** The stored state lives under one versioned key. */
export const STORAGE_KEY = 'container-sandbox:v1'
/** A stored value we could not restore is copied here (so that it can be exported) before anything else. */
export const BACKUP_KEY = 'container-sandbox:v1:unreadable'

export interface PersistedState {
  version: typeof PERSIST_VERSION
  /** The sandbox's newest checkpoint (the state after input number `inputOffset`)... */
  sandbox: SandboxSnapshot
  inputOffset: number
  /** ...and the inputs since, replayed on load (version 1 kept the whole snapshot and no inputs). */
  inputs: InputRecord[]
  log: ConsoleEntry[]
  history: string[]
  layout: Layout
  clock: { speed: ClockSpeed }
}

type Doc = Record<string, unknown>

/** migrations[n] upgrades a version-n document to version n + 1. */
const migrations: Record<number, (doc: Doc) => Doc> = {
  // Version 2 keeps a checkpoint and the inputs since it; a version-1 snapshot is a checkpoint with none after it.
  1: (doc) => ({ ...doc, version: 2, inputOffset: 0, inputs: [] }),
}

export type MigrationResult = { ok: true; state: PersistedState } | { ok: false; reason: string }

const isObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Parses and upgrades a stored value; says in words what is wrong when it cannot. */
export function readPersisted(raw: string): MigrationResult {
  let doc: unknown
  try {
    doc = JSON.parse(raw)
  } catch (e) {
    return { ok: false, reason: `the stored text is not valid JSON (${(e as Error).message})` }
  }
  if (!isObject(doc)) return { ok: false, reason: 'the stored value is not an object' }
  let version = doc.version
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, reason: 'the stored state has no version number' }
  if (version > PERSIST_VERSION) {
    return { ok: false, reason: `the stored state is version ${version}, newer than this app understands (version ${PERSIST_VERSION})` }
  }
  let current: Doc = doc
  while (version < PERSIST_VERSION) {
    const step = migrations[version]
    if (!step) return { ok: false, reason: `the stored state is version ${version}, and there is no migration from it` }
    try {
      current = step(current)
    } catch (e) {
      return { ok: false, reason: `migrating the stored state from version ${version} failed (${(e as Error).message})` }
    }
    version += 1
  }
  return validate(current)
}

function validate(doc: Doc): MigrationResult {
  if (!isObject(doc.sandbox)) return { ok: false, reason: 'the stored state has no simulated account snapshot' }
  const log = Array.isArray(doc.log) ? doc.log.filter(isEntry) : []
  const history = Array.isArray(doc.history) ? doc.history.filter((h): h is string => typeof h === 'string') : []
  const speed = isObject(doc.clock) && CLOCK_SPEEDS.includes(doc.clock.speed as ClockSpeed) ? (doc.clock.speed as ClockSpeed) : 1
  return {
    ok: true,
    state: {
      version: PERSIST_VERSION,
      sandbox: doc.sandbox as unknown as SandboxSnapshot,
      inputOffset: Number.isInteger(doc.inputOffset) && (doc.inputOffset as number) >= 0 ? (doc.inputOffset as number) : 0,
      inputs: Array.isArray(doc.inputs) ? doc.inputs.filter(isInput) : [],
      log,
      history,
      layout: isObject(doc.layout) ? normalizeLayout(doc.layout) : defaultLayout(),
      clock: { speed },
    },
  }
}

function isInput(i: unknown): i is InputRecord {
  if (!isObject(i)) return false
  if (i.kind === 'exec') return typeof i.line === 'string'
  if (i.kind === 'advance') return Array.isArray(i.ms) && i.ms.every((ms) => typeof ms === 'number' && ms >= 0)
  if (i.kind === 'write') return typeof i.path === 'string' && typeof i.text === 'string'
  return i.kind === 'remove' && typeof i.path === 'string'
}

function isEntry(e: unknown): e is ConsoleEntry {
  return isObject(e) && typeof e.id === 'number' && typeof e.stdout === 'string' && typeof e.stderr === 'string' && typeof e.exitCode === 'number'
}
