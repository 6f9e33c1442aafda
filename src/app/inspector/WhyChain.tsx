import { useId, useState } from 'react'
import { causeChain, type CauseLink } from '../../sandbox/views.ts'
import type { LogEntry, World } from '../../sandbox/index.ts'

/** `2026-01-05T09:00:02Z` without importing StateHistory (which imports this): virtual time, UTC, to the second. */
const timeOf = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z')

/** A resource as a learner reads it: an ARN's resource part (`task/web/3f…`), an ID as it is. */
const nameOf = (resource: string): string => (resource.startsWith('arn:') ? resource.split(':').slice(5).join(':') : resource)

/** One link as a sentence: what changed, where, when, and the reason the log gives. */
function sentenceOf(link: CauseLink, first: boolean): string {
  const { entry } = link
  const what = `${nameOf(entry.resource)}: ${entry.change}${entry.why ? ` (${entry.why})` : ''} at ${timeOf(entry.at)}`
  return first ? what : `because ${what}`
}

/**
 * The sentences of "why?" on an event, newest first, from the read model's cause chain (src/sim/views/causeChain.ts):
 * each cause, then the command that started it, or that no earlier cause is recorded.
 */
export function whySentences(world: Readonly<World>, eventId: number): string[] {
  const chain = causeChain(world as World, eventId)
  const sentences = chain.map((link, i) => sentenceOf(link, i === 0))
  const root = chain.at(-1)
  if (root?.command !== undefined) sentences.push(`by the command: ${root.command.split('\n')[0]}`)
  else if (root) sentences.push('No earlier cause is recorded.')
  return sentences
}

/** A "Why?" button on one event of the log that shows (and hides) its cause chain as sentences. */
export function WhyChain({ world, entry }: { world: Readonly<World>; entry: LogEntry }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <>
      {' '}
      <button type="button" className="cs-why-button" aria-expanded={open} aria-controls={id} aria-label={`Why? ${entry.change}`} onClick={() => setOpen(!open)}>
        Why?
      </button>
      {open && (
        <ol id={id} className="cs-why-chain" aria-label={`Why ${entry.change}`}>
          {whySentences(world, entry.id).map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ol>
      )}
    </>
  )
}
