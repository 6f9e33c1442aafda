import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { AppActions, AppState, AppStore } from './store.ts'

const StoreContext = createContext<AppStore | null>(null)

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStoreApi: no <AppStoreProvider> above this component')
  return store
}

/** Reads a slice of the app state; re-renders only when that slice changes (Object.is). */
export function useApp<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useAppStoreApi(), selector)
}

/** Like useApp, for selectors that build a new object or array each time (compared shallowly). */
export function useAppShallow<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useAppStoreApi(), useShallow(selector))
}

/** The store's actions (stable functions). */
export function useActions(): AppActions {
  return useAppStoreApi().getState()
}
