import { create } from 'zustand'

/**
 * The presenter view's one switch: large type, high contrast, "Follow changes" forced on and captions of each event.
 * A preference of this browser (an instructor's laptop), not of the simulated account, so it is kept beside the text
 * size in its own localStorage key rather than in the app's persisted document.
 */
export const PRESENTER_KEY = 'container-sandbox.presenter'

/**
 * The text scale the presenter view uses at least: 12 px diagram labels × 1.5 = 18 px, which stays ≥ 16 px on screen
 * at a projector's 1280×720 even where the diagram's semantic zoom sets letters at their own size (zoomLevels.ts).
 */
export const PRESENTER_TEXT_SCALE = 1.5

interface PresenterState {
  on: boolean
  setOn(on: boolean): void
  toggle(): void
}

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    return undefined
  }
}

export const usePresenter = create<PresenterState>()((set, get) => {
  const apply = (on: boolean) => {
    try {
      storage()?.setItem(PRESENTER_KEY, on ? 'on' : 'off')
    } catch {
      // storage refused: the switch still applies to this page
    }
    set({ on })
  }
  return {
    on: storage()?.getItem(PRESENTER_KEY) === 'on',
    setOn: apply,
    toggle: () => apply(!get().on),
  }
})

/** The text scale to apply: the learner's own, raised to the presenter's while the presenter view is on. */
export const effectiveTextScale = (scale: number, presenter: boolean): number => (presenter ? Math.max(scale, PRESENTER_TEXT_SCALE) : scale)
