import type { Lesson } from '../../course/index.ts'
import type { InputRecord, Sandbox } from '../../sandbox/types.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'

/**
 * Each lesson keeps its own world. The live world belongs to the lessons played in it; starting a lesson that needs
 * another world keeps the live one as a saved world (a slot) and brings the lesson's own back, exactly: a slot is the
 * sandbox's newest checkpoint (already JSON text) plus the inputs since, resumed with createSandbox({ snapshot,
 * inputs, inputOffset }) so input positions, and with them the lesson's marks, carry on where they were.
 * Stored under its own versioned key (../shared/DESIGN.md example 10).
 */
export const WORLDS_KEY = 'container-sandbox:lessons:worlds:v1'
export const WORLDS_VERSION = 1

/** `default`: the default world (start: default); otherwise the id of the lesson whose prepared start it began from. */
export type StartState = string

export interface SavedWorld {
  /** The lessons played in this world. Empty: the world the learner had before starting any lesson. */
  lessons: string[]
  start: StartState
  /** A checkpoint's JSON text (a SandboxSnapshot). */
  checkpoint: string
  inputOffset: number
  inputs: InputRecord[]
}

export interface LessonWorlds {
  version: typeof WORLDS_VERSION
  /** Who the live world belongs to. */
  current: { lessons: string[]; start: StartState }
  saved: SavedWorld[]
}

export const emptyWorlds = (): LessonWorlds => ({ version: WORLDS_VERSION, current: { lessons: [], start: 'default' }, saved: [] })

/** A lesson with files or setup commands starts from a world of its own; the others from the default world. */
export const startOf = (lesson: Lesson): StartState =>
  lesson.start.setup.length > 0 || Object.keys(lesson.start.files).length > 0 ? lesson.id : 'default'

/** What opening `lesson` does to the live world. */
export type WorldPlan =
  /** The lesson is played in the live world already, or joins it (both start from the default world). */
  | { kind: 'here'; join: boolean }
  /** Its saved world comes back; the live one is saved. */
  | { kind: 'restore'; saved: SavedWorld }
  /** A fresh start state; the live one is saved (`keep` false: nothing in it worth keeping). */
  | { kind: 'fresh'; keep: boolean }

export function planWorld(worlds: LessonWorlds, lesson: Lesson, liveHasInputs: boolean): WorldPlan {
  if (worlds.current.lessons.includes(lesson.id)) return { kind: 'here', join: false }
  const saved = worlds.saved.find((w) => w.lessons.includes(lesson.id))
  if (saved) return { kind: 'restore', saved }
  const start = startOf(lesson)
  if (start === 'default' && worlds.current.start === 'default') return { kind: 'here', join: true }
  return { kind: 'fresh', keep: liveHasInputs || worlds.current.lessons.length > 0 }
}

/** The live world as a slot: the newest checkpoint and the inputs after it (no serialising of the world). */
export function captureWorld(sandbox: Sandbox, owner: LessonWorlds['current']): SavedWorld {
  const history = sandbox.history()
  const newest = history.checkpoints[history.checkpoints.length - 1]
  return { ...owner, lessons: [...owner.lessons], checkpoint: newest.snapshot, inputOffset: newest.position, inputs: history.inputs.slice(newest.position - history.offset) }
}

/** Keeps `world` as a slot (replacing the slot of the same lessons) and forgets `restored`, now live. */
export const keepSaved = (worlds: LessonWorlds, world: SavedWorld | undefined, restored?: SavedWorld): SavedWorld[] => {
  const rest = worlds.saved.filter((w) => w !== restored && !(world && w.lessons.join() === world.lessons.join()))
  return world ? [...rest, world] : rest
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** Reads the stored document; anything unreadable gives undefined (never throws). */
export function readWorlds(raw: string | null | undefined): LessonWorlds | undefined {
  if (!raw) return undefined
  try {
    const doc = JSON.parse(raw) as Partial<LessonWorlds>
    if (doc.version !== WORLDS_VERSION || !doc.current || !isStringList(doc.current.lessons) || typeof doc.current.start !== 'string') return undefined
    const saved = (Array.isArray(doc.saved) ? doc.saved : []).filter(
      (w): w is SavedWorld =>
        !!w && isStringList(w.lessons) && typeof w.start === 'string' && typeof w.checkpoint === 'string' && typeof w.inputOffset === 'number' && Array.isArray(w.inputs),
    )
    return { version: WORLDS_VERSION, current: { lessons: doc.current.lessons, start: doc.current.start }, saved }
  } catch {
    return undefined
  }
}

export function loadWorlds(storage: KeyValueStorage | undefined): LessonWorlds {
  try {
    return readWorlds(storage?.getItem(WORLDS_KEY)) ?? emptyWorlds()
  } catch {
    return emptyWorlds()
  }
}

/** False when storage refused (full): the slots still work until the page is closed. */
export function saveWorlds(storage: KeyValueStorage | undefined, worlds: LessonWorlds): boolean {
  try {
    storage?.setItem(WORLDS_KEY, JSON.stringify(worlds))
    return true
  } catch {
    return false
  }
}
