/**
 * Moving between the page's regions from the keyboard: F6 / Shift+F6 (the convention of browsers and desktop
 * apps for "next pane") and the skip links. Every region carries `data-region`; the element to land on inside it
 * carries `data-region-focus` (the console's command line), otherwise the region itself takes the focus, so a
 * screen reader announces its name. Hidden or collapsed-away regions are skipped.
 */
const TABBABLE = 'textarea, input, select, button, a[href], [tabindex]:not([tabindex="-1"])'

// checkVisibility() sees display:none anywhere above; where it is missing (jsdom), the `hidden` attribute decides.
const visible = (el: Element): boolean =>
  !el.closest('[hidden]') && (typeof el.checkVisibility === 'function' ? el.checkVisibility() : true)

export function visibleRegions(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-region]')].filter(visible)
}

/** Focuses the region's preferred element (or the region itself). Returns what received the focus. */
export function focusRegion(region: HTMLElement): HTMLElement {
  const preferred = [...region.querySelectorAll<HTMLElement>('[data-region-focus]')].find(visible)
  const inner = preferred && (preferred.matches(TABBABLE) ? preferred : [...preferred.querySelectorAll<HTMLElement>(TABBABLE)].find(visible))
  const target = inner ?? region
  if (target === region && !region.hasAttribute('tabindex')) region.tabIndex = -1
  target.focus()
  return target
}

/** The next (by = 1) or previous (by = -1) visible region after the one holding `from`, wrapping around. */
export function cycleRegion(from: Element | null, by: 1 | -1, root: ParentNode = document): HTMLElement | undefined {
  const regions = visibleRegions(root)
  if (regions.length === 0) return undefined
  // The innermost region holding the focus (regions do not nest today, but the console sits inside a tab panel).
  const current = regions.reduce((found, r, i) => (from && r.contains(from) ? i : found), -1)
  const index = current === -1 ? (by === 1 ? 0 : regions.length - 1) : (current + by + regions.length) % regions.length
  return focusRegion(regions[index])
}

/** Region ids the skip links offer, in reading order. */
export const SKIP_TARGETS = [
  { region: 'console', label: 'Skip to the console' },
  { region: 'diagram', label: 'Skip to the diagram' },
  { region: 'lesson', label: 'Skip to the lesson' },
] as const
