import { CostMeter } from '../cost/index.ts'
import { TextSizeControl } from '../layout/TextSizeControl.tsx'
import { QuizEntry } from '../quiz/index.ts'
import { PresenterSwitch } from '../presenter/PresenterSwitch.tsx'
import { InstructorMenu } from '../presenter/InstructorMenu.tsx'
import { TimelineToggle } from '../timeline/TimelineBar.tsx'
import { SharePanel } from '../share/SharePanel.tsx'
import { SessionFilesPanel } from '../share/SessionFilesPanel.tsx'
import { AudiencePanel } from '../audience/AudiencePanel.tsx'
import { DemoPanel } from '../demo/DemoPanel.tsx'
import { useActions, useApp } from '../state/context.tsx'
import { CLOCK_SPEEDS } from '../state/types.ts'

/**
 * Virtual time as the sandbox knows it (UTC, ISO 8601), labelled as simulated so nobody mistakes it for the
 * wall clock. Tabular digits in a fixed-width box: the toolbar does not shift as it ticks.
 */
function VirtualTime() {
  const now = useApp((s) => s.now)
  const ready = useApp((s) => s.status === 'ready')
  const iso = ready ? new Date(now).toISOString().replace('.000Z', 'Z') : '—'
  return (
    <span className="clock-readout" title="Simulated time: the account's own clock, which you play, pause and speed up">
      <span className="clock-label" aria-hidden="true">
        Simulated time
      </span>
      <span className="clock-time" aria-label="Simulated time (UTC)" role="timer" aria-live="off">
        <time dateTime={ready ? new Date(now).toISOString() : undefined}>{iso}</time>
      </span>
    </span>
  )
}

/** The page's toolbar: the virtual clock with play/pause and speed, undo, reset and the text size. */
export function Toolbar() {
  const actions = useActions()
  const ready = useApp((s) => s.status === 'ready')
  const playing = useApp((s) => s.clock.playing)
  const speed = useApp((s) => s.clock.speed)
  const undoLabel = useApp((s) => s.undoStack[s.undoStack.length - 1]?.label)
  const selectedId = useApp((s) => s.selectedId)

  const reset = () => {
    if (window.confirm('Reset the simulated account to its starting state? Your working files are reset too.')) actions.resetWorld()
  }

  return (
    <header className="toolbar" data-region="toolbar" id="region-toolbar">
      <span className="app-title">
        <span className="app-logo" aria-hidden="true" />
        <span className="app-title-text">Container Sandbox</span>
      </span>
      <div className="toolbar-controls" role="toolbar" aria-label="Simulation">
        <div className="clock" role="group" aria-label="Simulated clock">
          <VirtualTime />
          <button type="button" className="btn btn-toolbar clock-play" onClick={() => actions.setPlaying(!playing)} disabled={!ready}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <div role="group" aria-label="Clock speed" className="clock-speeds">
            {CLOCK_SPEEDS.map((s) => (
              <button key={s} type="button" className="btn btn-toolbar btn-segment" aria-pressed={speed === s} onClick={() => actions.setSpeed(s)}>
                {s}×
              </button>
            ))}
          </div>
          <button
            type="button"
            className="btn btn-toolbar"
            aria-label="Step to next event"
            title="Move the clock exactly to the next scheduled event"
            onClick={() => actions.stepToNextEvent()}
            disabled={!ready}
          >
            <span className="label-long">Step to next event</span>
            <span className="label-short">Step</span>
          </button>
          <button
            type="button"
            className="btn btn-toolbar"
            aria-label="Run until it changes"
            title={selectedId ? `Run the clock until ${selectedId} changes` : 'Select a resource in the diagram first'}
            onClick={() => actions.runUntilSelectedChanges()}
            disabled={!ready || selectedId === undefined}
          >
            <span className="label-long">Run until it changes</span>
            <span className="label-short">Until</span>
          </button>
        </div>
        <div className="toolbar-actions">
          <CostMeter />
          <button
            type="button"
            className="btn btn-toolbar"
            aria-label="Undo last command"
            onClick={() => actions.undo()}
            disabled={!ready || undoLabel === undefined}
            title={undoLabel ? `Undo: ${undoLabel}` : 'Nothing to undo'}
          >
            <span className="label-long">Undo last command</span>
            <span className="label-short">
              Undo
            </span>
          </button>
          <button type="button" className="btn btn-toolbar" aria-label="Reset world" onClick={reset} disabled={!ready}>
            <span className="label-long">Reset world</span>
            <span className="label-short">
              Reset
            </span>
          </button>
          <TextSizeControl />
          <PresenterSwitch />
          <TimelineToggle />
          <QuizEntry />
          <InstructorMenu>
            <SharePanel />
            <SessionFilesPanel />
            <AudiencePanel />
            <DemoPanel />
          </InstructorMenu>
        </div>
      </div>
    </header>
  )
}
