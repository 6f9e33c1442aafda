import { useEffect } from 'react'
import { effectiveTextScale, usePresenter } from '../presenter/presenterMode.ts'
import { TEXT_SCALES, textSizeKey, useTextSize } from './textSize.ts'

/** Writes the scale onto <html> (tokens.css reads it) and listens for Ctrl+Alt+= / - / 0 anywhere on the page. */
export function useTextScaleEffect(): void {
  const scale = useTextSize((s) => s.scale)
  // The presenter view raises the scale while it is on (presenter/presenterMode.ts); the learner's own choice stays.
  const presenter = usePresenter((s) => s.on)
  useEffect(() => {
    document.documentElement.style.setProperty('--text-scale', String(effectiveTextScale(scale, presenter)))
  }, [scale, presenter])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = textSizeKey(e)
      if (!action) return
      e.preventDefault()
      e.stopPropagation()
      useTextSize.getState()[action]()
    }
    // Capture phase: Monaco would otherwise see the keys first.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}

const percent = (scale: number) => `${Math.round(scale * 100)}%`

/** A − / 100% / + group in the toolbar. The middle button resets. */
export function TextSizeControl() {
  const { scale, bigger, smaller, reset } = useTextSize()
  const min = scale <= TEXT_SCALES[0]
  const max = scale >= TEXT_SCALES[TEXT_SCALES.length - 1]
  return (
    <div className="text-size" role="group" aria-label="Text size">
      <button type="button" className="btn btn-toolbar btn-icon" onClick={smaller} disabled={min} title="Smaller text (Ctrl+Alt+−)">
        <span aria-hidden="true">A−</span>
        <span className="visually-hidden">Smaller text</span>
      </button>
      <button
        type="button"
        className="btn btn-toolbar text-size-value"
        onClick={reset}
        aria-label={`Text size ${percent(scale)}, reset to 100%`}
        title="Reset text size (Ctrl+Alt+0)"
      >
        {percent(scale)}
      </button>
      <button type="button" className="btn btn-toolbar btn-icon" onClick={bigger} disabled={max} title="Larger text (Ctrl+Alt+=)">
        <span aria-hidden="true">A+</span>
        <span className="visually-hidden">Larger text</span>
      </button>
    </div>
  )
}
