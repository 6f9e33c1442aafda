import { create } from 'zustand'
import type { DemoScript } from './script.ts'

interface DemoState {
  /** The script being shown, and the file it came from; undefined when no demo runs. */
  script?: DemoScript
  name?: string
  /** Index of the beat the next key press plays. */
  next: number
  playing: boolean
  /** The command being typed right now, as far as it is typed. */
  typed?: string
  /** Characters a second a command is typed at (0: at once, for prefers-reduced-motion). */
  charsPerSecond: number
  start(name: string, script: DemoScript): void
  stop(): void
}

const reducedMotion = (): boolean =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches

/** The demo in progress (one a page; a preference of the presenter's window, not part of the simulated account). */
export const useDemo = create<DemoState>()((set) => ({
  next: 0,
  playing: false,
  charsPerSecond: 40,
  start: (name, script) => set({ name, script, next: 0, playing: false, typed: undefined, charsPerSecond: reducedMotion() ? 0 : 40 }),
  stop: () => set({ script: undefined, name: undefined, next: 0, playing: false, typed: undefined }),
}))
