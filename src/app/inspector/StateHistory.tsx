import { memo } from 'react'
import type { LogEntry, World } from '../../sandbox/index.ts'
import { WhyChain } from './WhyChain.tsx'

/** `2026-01-05T09:00:02Z`: virtual time, UTC, to the second (the toolbar's clock reads the same way). */
export const virtualTime = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/** What happened to the resource, oldest first, with the virtual time and the reason (world.log); "Why?" on each. */
function StateHistoryView({ entries, world }: { entries: readonly LogEntry[]; world: Readonly<World> }) {
  return (
    <section className="cs-inspector-history" aria-label="State history">
      <h4>State history</h4>
      {entries.length === 0 ? (
        <p className="cs-inspector-empty">No changes recorded for this resource yet.</p>
      ) : (
        <ol>
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={new Date(e.at).toISOString()}>{virtualTime(e.at)}</time> <span className="cs-history-change">{e.change}</span>
              {e.why && <span className="cs-history-why"> — {e.why}</span>}
              <WhyChain world={world} entry={e} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export const StateHistory = memo(StateHistoryView)
