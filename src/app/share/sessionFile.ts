import { readProgress, type CourseProgress } from '../../course/index.ts'
import { readPersisted, type PersistedState } from '../state/persist/migrations.ts'

/**
 * Session and progress files (Export / Import in the instructor tools). A session file is the document the app keeps
 * in localStorage (the newest checkpoint, the inputs since, the console and its history: persist/document.ts) with
 * the course progress beside it; a progress file holds the progress alone. Each names its kind and version, and is
 * read through the same validation and migrations as the stored state (persist/migrations.ts, course progress).
 */
export const SESSION_FILE_KIND = 'container-sandbox/session'
export const PROGRESS_FILE_KIND = 'container-sandbox/progress'
export const FILE_VERSION = 1

/** `state` is the persisted document's text as the store gives it (exportState): embedded without parsing it again. */
export const sessionFileText = (state: string, progress: CourseProgress): string =>
  `{"kind":"${SESSION_FILE_KIND}","version":${FILE_VERSION},"progress":${JSON.stringify(progress)},"state":${state}}`

export const progressFileText = (progress: CourseProgress): string => JSON.stringify({ kind: PROGRESS_FILE_KIND, version: FILE_VERSION, progress }, null, 2)

export type ImportedFile =
  | { kind: 'session'; state: PersistedState; progress?: CourseProgress }
  | { kind: 'progress'; progress: CourseProgress }
  | { kind: 'error'; message: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads an imported file's text; never throws. */
export function readImportFile(text: string): ImportedFile {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return { kind: 'error', message: 'This file is not a Container Sandbox session or progress file (it is not JSON).' }
  }
  if (!isObject(doc) || (doc.kind !== SESSION_FILE_KIND && doc.kind !== PROGRESS_FILE_KIND))
    return { kind: 'error', message: 'This file is not a Container Sandbox session or progress file.' }
  if (doc.version !== FILE_VERSION)
    return { kind: 'error', message: `This file is version ${String(doc.version)}; this app reads version ${FILE_VERSION}.` }
  const progress = doc.progress === undefined ? undefined : readProgress(JSON.stringify(doc.progress))
  if (doc.kind === PROGRESS_FILE_KIND) {
    return progress ? { kind: 'progress', progress } : { kind: 'error', message: 'This progress file holds no readable progress.' }
  }
  const state = readPersisted(JSON.stringify(doc.state ?? null))
  if (!state.ok) return { kind: 'error', message: `This session file cannot be opened: ${state.reason}.` }
  return progress ? { kind: 'session', state: state.state, progress } : { kind: 'session', state: state.state }
}
