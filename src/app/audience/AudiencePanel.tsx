import { useId, useState } from 'react'

/** The query that makes index.html the audience window (main.tsx reads it). */
export const AUDIENCE_QUERY = 'audience'

/** The audience window's address: this page, same origin and path (so it works under any sub-path), with ?audience. */
export const audienceUrl = (location: Pick<Location, 'origin' | 'pathname'>): string => `${location.origin}${location.pathname}?${AUDIENCE_QUERY}`

/** "Open audience window", in the instructor tools: a second window for the projector that follows this one. */
export function AudiencePanel() {
  const [status, setStatus] = useState<string>()
  const headingId = useId()
  const open = () => {
    const opened = window.open(audienceUrl(window.location), 'container-sandbox-audience', 'popup,width=1280,height=720')
    setStatus(opened ? 'The audience window is open: move it to the projector. It follows every command you run here.' : 'The browser blocked the window: allow pop-ups for this page, or open the link below in a new window.')
  }
  return (
    <section className="instructor-section" aria-labelledby={headingId}>
      <h3 id={headingId}>Audience window</h3>
      <p>A second window for the projector: the diagram, the console and captions in large type, following what you do here.</p>
      <button type="button" className="btn" onClick={open}>
        Open audience window
      </button>
      <a href={audienceUrl(window.location)} target="_blank" rel="noopener">
        Audience window link
      </a>
      <p role="status">{status}</p>
    </section>
  )
}
