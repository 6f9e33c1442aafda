import { memo, useEffect, useRef, useState } from 'react'
import type { LogEntry } from '../../sandbox/index.ts'
import { useApp } from '../state/context.tsx'
import { captionOf } from './captions.ts'

/** Captions kept on the page; the strip shows the newest few, the rest scroll. */
export const CAPTION_LIMIT = 100

export interface Caption {
  id: number
  at: number
  text: string
}

/**
 * Captions of the events logged after `sinceId` in `entries`, oldest first, at most `limit`. Pure, so the audience
 * window can caption the same worlds as the presenter's.
 */
export function newCaptions(entries: readonly LogEntry[], sinceId: number, limit = CAPTION_LIMIT): Caption[] {
  const out: Caption[] = []
  for (let i = entries.length - 1; i >= 0 && entries[i].id >= sinceId && out.length < limit; i--) {
    const text = captionOf(entries[i])
    if (text !== undefined) out.push({ id: entries[i].id, at: entries[i].at, text })
  }
  return out.reverse()
}

/**
 * Follows the published world and keeps the captions of every event logged since it mounted. A rewind (undo, a
 * reset) moves the log back below what was captioned: captions then start over from there.
 */
export function useCaptions(): Caption[] {
  const log = useApp((s) => s.world?.log)
  const seen = useRef<number | undefined>(undefined)
  const [captions, setCaptions] = useState<Caption[]>([])
  useEffect(() => {
    if (!log) return
    if (seen.current === undefined || log.nextId < seen.current) {
      seen.current = log.nextId
      return
    }
    const fresh = newCaptions(log.entries, seen.current)
    seen.current = log.nextId
    if (fresh.length > 0) setCaptions((old) => old.concat(fresh).slice(-CAPTION_LIMIT))
  }, [log])
  return captions
}

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19)

function CaptionListView({ captions }: { captions: readonly Caption[] }) {
  const box = useRef<HTMLOListElement>(null)
  useEffect(() => {
    const el = box.current
    if (el) el.scrollTop = el.scrollHeight
  }, [captions])
  return (
    <section className="captions" aria-label="Captions">
      {/* role=log: polite, and only additions are read, so each new event is announced once. */}
      <ol ref={box} className="captions-list" role="log" aria-label="What just happened" aria-live="polite">
        {captions.length === 0 ? (
          <li className="captions-empty">Captions of what the simulated account does appear here.</li>
        ) : (
          captions.map((c) => (
            <li key={c.id}>
              <time dateTime={new Date(c.at).toISOString()}>{time(c.at)}</time> {c.text}
            </li>
          ))
        )}
      </ol>
    </section>
  )
}

export const CaptionList = memo(CaptionListView)

/** The presenter's caption strip (mounted only while the presenter view is on, so it captions from then on). */
export function Captions() {
  return <CaptionList captions={useCaptions()} />
}
