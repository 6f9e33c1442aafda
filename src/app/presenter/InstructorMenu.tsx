import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * The toolbar's "Instructor" button and the tools it shows (share link, export and import, …) in a panel under the
 * toolbar: a disclosure (aria-expanded), not a modal, so the console stays usable beside it. Escape closes it and
 * gives focus back to the button.
 */
export function InstructorMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  return (
    <>
      <button ref={button} type="button" className="btn btn-toolbar" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        Instructor
      </button>
      <div id={id} className="instructor-menu" role="region" aria-label="Instructor tools" hidden={!open}>
        {open && children}
      </div>
    </>
  )
}
