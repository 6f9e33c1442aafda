import { useId, useState } from 'react'
import { defaultStorage, loadProgress } from '../lesson/progressStorage.ts'
import { useAppStoreApi } from '../state/context.tsx'
import { lessonProgress } from '../../course/index.ts'
import { encodeShare } from './shareLink.ts'

/** The lesson open now and its step, as the lesson panel keeps them. */
export function currentLesson(): { id: string; step: number } | undefined {
  const progress = loadProgress(defaultStorage())
  const id = progress.currentLesson
  return id ? { id, step: lessonProgress(progress, id).currentStep } : undefined
}

/** "Share link": the live world, lesson and step as a link, shown to copy (and copied when the browser lets us). */
export function SharePanel() {
  const store = useAppStoreApi()
  const [link, setLink] = useState<string>()
  const [status, setStatus] = useState<string>()
  const fieldId = useId()

  const make = async () => {
    const session = store.getState().sharedSession(currentLesson())
    if (!session) return
    const url = `${window.location.origin}${window.location.pathname}${await encodeShare(session)}`
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      setStatus(`Link copied (${url.length} characters).`)
    } catch {
      setStatus(`Link ready (${url.length} characters): copy it from the field.`)
    }
  }

  return (
    <section className="instructor-section" aria-labelledby={`${fieldId}-h`}>
      <h3 id={`${fieldId}-h`}>Share link</h3>
      <p>Opens this exact world, lesson and step in another browser.</p>
      <button type="button" className="btn" onClick={() => void make()}>
        Create share link
      </button>
      {link !== undefined && (
        <>
          <label htmlFor={fieldId}>Link</label>
          <input id={fieldId} className="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </>
      )}
      <p role="status">{status}</p>
    </section>
  )
}
