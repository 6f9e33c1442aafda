import { create } from 'zustand'

/** Whether the timeline bar is shown (a view choice of this page, not part of the simulated account). */
export const useTimelineOpen = create<{ open: boolean; toggle(): void }>()((set, get) => ({
  open: false,
  toggle: () => set({ open: !get().open }),
}))
