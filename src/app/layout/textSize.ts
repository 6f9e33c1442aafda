import { create } from 'zustand'

/**
 * The page's text size, apart from the browser's zoom: one factor (`--text-scale` on <html>, read by every
 * `--fs-*` token in tokens.css) scales the lesson, the console, the inspector and the diagram's labels together.
 *
 * Keys: Ctrl+Alt+= / Ctrl+Alt+- / Ctrl+Alt+0. Plain Ctrl +/- stays the browser's zoom (WCAG 1.4.4 relies on it
 * and learners expect it), so the app never takes those keys; AltGr (reported as Ctrl+Alt on Windows) is left
 * alone so characters such as `}` and `~` can still be typed on European layouts.
 *
 * Kept in its own small store (not the app store) and its own localStorage key: it is a preference of this
 * browser, not part of the simulated account.
 */
export const TEXT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2] as const
export const DEFAULT_TEXT_SCALE = 1
export const TEXT_SIZE_KEY = 'container-sandbox.text-scale'

interface TextSizeState {
  scale: number
  setScale(scale: number): void
  bigger(): void
  smaller(): void
  reset(): void
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

const nearest = (value: number): number =>
  TEXT_SCALES.reduce((best, s) => (Math.abs(s - value) < Math.abs(best - value) ? s : best), DEFAULT_TEXT_SCALE as number)

function stored(): number {
  const raw = Number(storage()?.getItem(TEXT_SIZE_KEY))
  return Number.isFinite(raw) && raw > 0 ? nearest(raw) : DEFAULT_TEXT_SCALE
}

const step = (scale: number, by: 1 | -1): number => {
  const i = TEXT_SCALES.indexOf(nearest(scale) as (typeof TEXT_SCALES)[number])
  return TEXT_SCALES[Math.min(TEXT_SCALES.length - 1, Math.max(0, i + by))]
}

export const useTextSize = create<TextSizeState>()((set, get) => {
  const apply = (scale: number) => {
    const next = nearest(scale)
    try {
      storage()?.setItem(TEXT_SIZE_KEY, String(next))
    } catch {
      // storage full or refused: the size still applies to this page
    }
    set({ scale: next })
  }
  return {
    scale: stored(),
    setScale: apply,
    bigger: () => apply(step(get().scale, 1)),
    smaller: () => apply(step(get().scale, -1)),
    reset: () => apply(DEFAULT_TEXT_SCALE),
  }
})

/** Ctrl+Alt+= / - / 0 (by physical key, so any layout works); false for anything else, AltGr included. */
export function textSizeKey(e: KeyboardEvent): 'bigger' | 'smaller' | 'reset' | undefined {
  if (!e.ctrlKey || !e.altKey || e.metaKey || e.getModifierState?.('AltGraph')) return undefined
  if (e.code === 'Equal' || e.code === 'NumpadAdd') return 'bigger'
  if (e.code === 'Minus' || e.code === 'NumpadSubtract') return 'smaller'
  if (e.code === 'Digit0' || e.code === 'Numpad0') return 'reset'
  return undefined
}
