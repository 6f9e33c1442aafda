import { useEffect, useRef } from 'react'

export interface SwitchDialogProps {
  /** The lesson about to start. */
  title: string
  /** True when the lesson's own saved world comes back (rather than a fresh start state). */
  restoring: boolean
  onStart(): void
  onCancel(): void
}

/**
 * Asks before the live world is swapped for another lesson's. A modal dialog (WAI-ARIA dialog pattern): focus moves
 * to Start, Tab stays between its two buttons, Escape cancels, and focus goes back where it was when it closes.
 */
export function SwitchDialog({ title, restoring, onStart, onCancel }: SwitchDialogProps) {
  const start = useRef<HTMLButtonElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    start.current?.focus()
    return () => before?.focus?.()
  }, [])
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onCancel()
    } else if (e.key === 'Tab') {
      e.preventDefault()
      ;(document.activeElement === start.current ? cancel : start).current?.focus()
    }
  }
  return (
    <div className="cs-dialog-backdrop">
      <div className="cs-dialog" role="dialog" aria-modal="true" aria-labelledby="cs-switch-title" aria-describedby="cs-switch-text" onKeyDown={onKeyDown}>
        <h2 id="cs-switch-title">Start {title}?</h2>
        <p id="cs-switch-text">
          Your current world will be kept as a saved slot
          {restoring ? `, and the world of ${title} comes back as you left it.` : `; ${title} starts from its own start state.`} Switching back
          to a lesson brings its world back.
        </p>
        <div className="cs-dialog-actions">
          <button ref={start} type="button" className="btn btn-primary" onClick={onStart}>
            Start
          </button>
          <button ref={cancel} type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  )
}
