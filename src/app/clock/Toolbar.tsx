import { useActions, useApp } from '../state/context.tsx'
import type { ClockSpeed } from '../state/types.ts'

const SPEEDS: ClockSpeed[] = [1, 10, 60]

/** Virtual time as the sandbox knows it (UTC, ISO 8601). */
function VirtualTime() {
  const now = useApp((s) => s.now)
  const ready = useApp((s) => s.status === 'ready')
  const iso = ready ? new Date(now).toISOString().replace('.000Z', 'Z') : '—'
  return (
    <span className="clock-time" aria-label="Virtual time (UTC)" role="timer" aria-live="off">
      <time dateTime={ready ? new Date(now).toISOString() : undefined}>{iso}</time>
    </span>
  )
}

/** The page's toolbar: the virtual clock with play/pause and speed, undo and reset. */
export function Toolbar() {
  const actions = useActions()
  const ready = useApp((s) => s.status === 'ready')
  const playing = useApp((s) => s.clock.playing)
  const speed = useApp((s) => s.clock.speed)
  const undoLabel = useApp((s) => s.undoStack[s.undoStack.length - 1]?.label)

  const reset = () => {
    if (window.confirm('Reset the simulated account to its starting state? Your working files are reset too.')) actions.resetWorld()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Simulation">
      <span className="app-title">Container Sandbox</span>
      <div className="clock" role="group" aria-label="Virtual clock">
        <VirtualTime />
        <button type="button" onClick={() => actions.setPlaying(!playing)} disabled={!ready}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <div role="group" aria-label="Clock speed" className="clock-speeds">
          {SPEEDS.map((s) => (
            <button key={s} type="button" aria-pressed={speed === s} onClick={() => actions.setSpeed(s)}>
              {s}×
            </button>
          ))}
        </div>
      </div>
      <div className="toolbar-actions">
        <button
          type="button"
          onClick={() => actions.undo()}
          disabled={!ready || undoLabel === undefined}
          title={undoLabel ? `Undo: ${undoLabel}` : 'Nothing to undo'}
        >
          Undo last command
        </button>
        <button type="button" onClick={reset} disabled={!ready}>
          Reset world
        </button>
      </div>
    </div>
  )
}
