import { useSyncExternalStore } from 'react'

/**
 * Below this width (CSS px) the lesson and the inspector share one column as tabs, so the diagram and the
 * console keep a useful size: 1280×720 at 150 % zoom is 853×480 CSS px.
 */
export const COMPACT_MAX_WIDTH = 1100

const QUERY = `(max-width: ${COMPACT_MAX_WIDTH - 0.02}px)`

function query(): MediaQueryList | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : undefined
}

const subscribe = (onChange: () => void) => {
  const list = query()
  list?.addEventListener('change', onChange)
  return () => list?.removeEventListener('change', onChange)
}

/** True while the viewport is narrower than COMPACT_MAX_WIDTH (false where matchMedia is missing, e.g. jsdom). */
export function useCompactLayout(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false)
}
