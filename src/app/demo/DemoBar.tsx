import './demo.css'
import { useEffect, useRef } from 'react'
import { useActions } from '../state/context.tsx'
import { useDemo } from './demoState.ts'
import { playBeat } from './play.ts'

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The demo in progress, under the toolbar: the instructor's notes for the next beat, its commands, and "Run next",
 * which types each command visibly at reading speed and runs it. Focus stays on "Run next", so one key (Enter or
 * Space) plays each beat in turn.
 */
export function DemoBar() {
  const { script, name, next, playing, typed } = useDemo()
  const actions = useActions()
  const runNext = useRef<HTMLButtonElement>(null)
  useEffect(() => runNext.current?.focus(), [name])
  if (!script) return null
  const beat = script.beats[next]
  const done = next >= script.beats.length

  const play = async () => {
    const state = useDemo.getState()
    if (!beat || state.playing) return
    const started = state.script
    useDemo.setState({ playing: true })
    await playBeat(beat, {
      show: (text) => useDemo.setState({ typed: text }),
      run: (line) => actions.run(line),
      wait,
      charsPerSecond: state.charsPerSecond,
      stopped: () => useDemo.getState().script !== started,
    })
    if (useDemo.getState().script === started) useDemo.setState((s) => ({ playing: false, typed: undefined, next: s.next + 1 }))
  }

  return (
    <section className="demo-bar" aria-label="Demo in progress">
      <p className="demo-progress">
        <strong>{name}</strong> — {done ? 'the end of the demo' : `beat ${next + 1} of ${script.beats.length}`}
      </p>
      {beat && (
        <div className="demo-beat">
          {beat.notes.length > 0 && (
            <ul className="demo-notes" aria-label="Notes">
              {beat.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          <ol className="demo-commands" aria-label="Commands of this beat">
            {beat.commands.map((c, i) => (
              <li key={i}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="demo-typing" aria-live="off">
        {typed !== undefined && (
          <>
            <span aria-hidden="true">$ </span>
            <code>{typed}</code>
          </>
        )}
      </p>
      <div className="demo-actions">
        {done ? (
          <button ref={runNext} type="button" className="btn" onClick={() => useDemo.setState({ next: 0 })}>
            Start over
          </button>
        ) : (
          <button ref={runNext} type="button" className="btn btn-primary" onClick={() => void play()} aria-disabled={playing}>
            Run next
          </button>
        )}
        <button type="button" className="btn" onClick={() => useDemo.getState().stop()}>
          Stop demo
        </button>
      </div>
    </section>
  )
}
