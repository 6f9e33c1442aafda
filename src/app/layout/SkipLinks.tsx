import { useEffect, type MouseEvent } from 'react'
import { cycleRegion, focusRegion, SKIP_TARGETS } from './regions.ts'

/** F6 / Shift+F6 anywhere on the page moves to the next / previous region (captured before Monaco sees it). */
export function useRegionCycling(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return
      e.preventDefault()
      e.stopPropagation()
      cycleRegion(document.activeElement, e.shiftKey ? -1 : 1)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}

/** The first things Tab reaches: links to the main regions, visible only while focused. */
export function SkipLinks() {
  const go = (region: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    const el = document.querySelector<HTMLElement>(`[data-region="${region}"]`)
    if (!el) return
    e.preventDefault()
    focusRegion(el)
  }
  return (
    <nav className="skip-links" aria-label="Skip links">
      {SKIP_TARGETS.map((t) => (
        <a key={t.region} href={`#region-${t.region}`} className="skip-link" onClick={go(t.region)}>
          {t.label}
        </a>
      ))}
      <span className="skip-hint">F6 moves between regions</span>
    </nav>
  )
}
