import { useApp } from '../state/context.tsx'
import type { ConsoleEntry } from '../state/types.ts'

/** The newest command that has finished (not pending, not abandoned with Ctrl+C, not an app note). */
function lastFinished(log: readonly ConsoleEntry[]): ConsoleEntry | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]
    if (e.input !== undefined && !e.pending && !e.interrupted && !e.note && e.input.trim() !== '') return e
  }
  return undefined
}

const firstWords = (input: string) => {
  const words = input.trim().split(/\s+/).slice(0, 3).join(' ')
  return words.length > 40 ? `${words.slice(0, 40)}…` : words
}

/**
 * Tells a screen reader, politely and briefly, how each command ended ("aws ecs list-clusters: done, exit 0").
 * The output itself is in the log, which is not live (reading whole JSON documents aloud helps nobody); the
 * learner moves there with Tab or F6 to read it.
 */
export function CommandAnnouncer() {
  const entry = useApp((s) => lastFinished(s.log))
  const text = entry ? `${firstWords(entry.input ?? '')}: ${entry.exitCode === 0 ? 'done' : 'failed'}, exit ${entry.exitCode}` : ''
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {/* The key makes a repeated identical result announce again. */}
      <span key={entry?.id}>{text}</span>
    </p>
  )
}
