import { useEffect } from 'react'
import type { AppState } from '../state/api.ts'
import { useAppStoreApi } from '../state/context.tsx'
import type { KeyValueStorage } from '../state/persist/storage.ts'

/**
 * The inspector's selection survives a reload: the selected resource's id is kept under its own versioned key
 * (../shared/DESIGN.md example 10) and selected again once the simulated account is back. Its state history then
 * shows again too: it is read from the event log, which the saved world carries.
 */
export const SELECTION_KEY = 'container-sandbox:selection:v1'

interface StoredSelection {
  version: 1
  id: string
}

export function readSelection(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const doc = JSON.parse(raw) as Partial<StoredSelection>
    return doc.version === 1 && typeof doc.id === 'string' ? doc.id : undefined
  } catch {
    return undefined
  }
}

const browserStorage = (): KeyValueStorage | undefined => {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined
  } catch {
    return undefined
  }
}

export function useRememberedSelection(storage: KeyValueStorage | undefined = browserStorage()): void {
  const store = useAppStoreApi()
  useEffect(() => {
    if (!storage) return
    let restored = false
    const write = (id: string | undefined) => {
      try {
        if (id === undefined) storage.removeItem(SELECTION_KEY)
        else storage.setItem(SELECTION_KEY, JSON.stringify({ version: 1, id } satisfies StoredSelection))
      } catch {
        // Storage refused: the selection lasts for this visit.
      }
    }
    // Until the account is loaded there is nothing to select, and nothing the learner chose to forget.
    const restore = (s: AppState) => {
      if (restored || s.status !== 'ready') return
      restored = true
      let id: string | undefined
      try {
        id = readSelection(storage.getItem(SELECTION_KEY))
      } catch {
        id = undefined
      }
      if (id !== undefined && s.selectedId === undefined) store.getState().select(id)
    }
    restore(store.getState())
    return store.subscribe((s, prev) => {
      if (!restored) restore(s)
      else if (s.selectedId !== prev.selectedId) write(s.selectedId)
    })
  }, [store, storage])
}
