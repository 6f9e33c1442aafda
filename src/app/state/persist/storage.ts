import { BACKUP_KEY, readPersisted, STORAGE_KEY, type PersistedState } from './migrations.ts'

/** The part of `window.localStorage` we use (tests pass a fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export type LoadResult =
  | { kind: 'empty' }
  | { kind: 'ok'; state: PersistedState; raw: string }
  | { kind: 'bad'; reason: string; raw: string }

export function loadPersisted(storage: KeyValueStorage | undefined): LoadResult {
  if (!storage) return { kind: 'empty' }
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY)
  } catch {
    return { kind: 'empty' }
  }
  if (raw === null) return { kind: 'empty' }
  const result = readPersisted(raw)
  return result.ok ? { kind: 'ok', state: result.state, raw } : { kind: 'bad', reason: result.reason, raw }
}

/**
 * Writes the stored document. `full` when the browser's quota is used up (the learner must be told, and offered an
 * export); `failed` for any other refusal (private mode, storage disabled), where the app keeps working without it.
 */
export function savePersisted(storage: KeyValueStorage | undefined, text: string): 'saved' | 'full' | 'failed' {
  if (!storage) return 'failed'
  try {
    storage.setItem(STORAGE_KEY, text)
    return 'saved'
  } catch (e) {
    return isQuotaExceeded(e) ? 'full' : 'failed'
  }
}

/** Browsers name it differently (QuotaExceededError; Firefox's NS_ERROR_DOM_QUOTA_REACHED; legacy code 22). */
function isQuotaExceeded(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  const { name, code } = e as { name?: unknown; code?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
}

/** Keeps the unreadable value under another key; returns that key, or undefined if storage refused. */
export function keepBadCopy(storage: KeyValueStorage | undefined, raw: string): string | undefined {
  if (!storage) return undefined
  try {
    storage.setItem(BACKUP_KEY, raw)
    return BACKUP_KEY
  } catch {
    return undefined
  }
}
