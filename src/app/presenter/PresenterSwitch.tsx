import { useEffect } from 'react'
import { usePresenter } from './presenterMode.ts'
import './presenter.css'

/**
 * Puts the presenter view on the page: `data-presenter` on <html> (presenter.css: high contrast). The larger text
 * scale is written by the text-size effect (layout/TextSizeControl.tsx), the one writer of `--text-scale`.
 */
export function usePresenterEffect(): void {
  const on = usePresenter((s) => s.on)
  useEffect(() => {
    const html = document.documentElement
    if (on) html.dataset.presenter = 'on'
    else delete html.dataset.presenter
  }, [on])
}

/** The one switch, in the toolbar: a toggle button (Tab reaches it; Space or Enter flips it). */
export function PresenterSwitch() {
  const { on, toggle } = usePresenter()
  return (
    <button
      type="button"
      className="btn btn-toolbar"
      aria-label="Presenter view"
      aria-pressed={on}
      onClick={toggle}
      title="Presenter view: large type, high contrast, the diagram follows changes, captions of every event"
    >
      <span className="label-long">Presenter view</span>
      <span className="label-short">Presenter</span>
    </button>
  )
}
