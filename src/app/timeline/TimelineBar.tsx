import './timeline.css'
import { useId } from 'react'
import type { InputRecord } from '../../sandbox/types.ts'
import { useActions, useApp } from '../state/context.tsx'
import { useTimelineOpen } from './timelineOpen.ts'

/** How many of the newest inputs the list shows (the slider reaches all of them). */
export const TIMELINE_LIST_LIMIT = 200

/** One input in words: the command typed, a clock move, a file saved or deleted. */
export function inputLabel(input: InputRecord): string {
  if (input.kind === 'exec') return input.line.split('\n')[0]
  if (input.kind === 'advance') {
    const ms = input.ms.reduce((a, b) => a + b, 0)
    return `clock +${ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`}`
  }
  return input.kind === 'write' ? `saved ${input.path}` : `deleted ${input.path}`
}

/** The toolbar's switch for the timeline bar. */
export function TimelineToggle() {
  const { open, toggle } = useTimelineOpen()
  return (
    <button type="button" className="btn btn-toolbar" aria-pressed={open} onClick={toggle}>
      Timeline
    </button>
  )
}

/**
 * Every input on one line: a slider over the input log and the list of what each input was. Moving back shows the
 * world as it was after that input (the store replays it in a second sandbox; the views follow); typing a command
 * there starts a "what if" branch; "Return to now" comes back.
 */
export function TimelineBar() {
  const actions = useActions()
  const id = useId()
  void useApp((s) => s.revision)
  const scrub = useApp((s) => s.scrub)
  const branches = useApp((s) => s.branches)
  const activeBranch = useApp((s) => s.activeBranch)
  const live = actions.liveSandbox()
  if (!live) return null
  const history = live.history()
  const start = history.checkpoints[0].position
  const end = live.position()
  const at = scrub?.position ?? end
  const first = Math.max(0, history.inputs.length - TIMELINE_LIST_LIMIT)
  const shown = history.inputs.slice(first)
  const labelAt = (p: number) => (p === start ? 'the start' : inputLabel(history.inputs[p - 1 - history.offset]))

  return (
    <section className="timeline" aria-labelledby={`${id}-h`}>
      <div className="timeline-controls">
        <h2 id={`${id}-h`} className="timeline-title">
          Timeline
        </h2>
        <input
          type="range"
          className="timeline-slider"
          aria-label="Timeline position"
          min={start}
          max={end}
          step={1}
          value={at}
          aria-valuetext={`after input ${at} of ${end}: ${labelAt(at)}`}
          onChange={(e) => actions.scrubTo(Number(e.currentTarget.value))}
          disabled={end === start}
        />
        <span role="status" aria-label="Timeline moment" className="timeline-where">
          {scrub ? `Showing the world after input ${at} of ${end}. Type a command to try a “what if” from here.` : `Now (input ${end})`}
        </span>
        <button type="button" className="btn" onClick={() => actions.returnToNow()} disabled={!scrub}>
          Return to now
        </button>
        {branches.length > 0 && (
          <label>
            Line of history{' '}
            <select value={activeBranch} onChange={(e) => actions.switchBranch(Number(e.currentTarget.value))}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ol className="timeline-list" aria-label="Inputs" start={history.offset + first + 1}>
        {shown.map((input, i) => {
          const position = history.offset + first + i + 1
          return (
            <li key={position} className={position > at ? 'timeline-later' : undefined}>
              <button type="button" className="timeline-item" aria-current={position === at ? 'step' : undefined} onClick={() => actions.scrubTo(position)}>
                {inputLabel(input)}
              </button>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
