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

/** Returns false when storage refused (quota, private mode); the app keeps working without it. */
export function savePersisted(storage: KeyValueStorage | undefined, state: PersistedState): boolean {
  if (!storage) return false
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state))
    return true
  } catch {
    return false
  }
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
