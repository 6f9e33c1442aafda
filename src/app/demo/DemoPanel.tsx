import { useId, useState } from 'react'
import { useActions, useApp } from '../state/context.tsx'
import { useDemo } from './demoState.ts'
import { DEMO_EXTENSION, EXAMPLE_DEMO, parseDemo } from './script.ts'

const EXAMPLE_FILE = `example${DEMO_EXTENSION}`

/** "Demo script" in the instructor tools: pick a `.demo` file of the working folder and start it. */
export function DemoPanel() {
  const files = useApp((s) => s.files)
  const actions = useActions()
  const demos = files.filter((f) => f.endsWith(DEMO_EXTENSION))
  const [chosen, setChosen] = useState<string>()
  const [status, setStatus] = useState<string>()
  const id = useId()
  const file = chosen !== undefined && demos.includes(chosen) ? chosen : demos[0]

  const start = () => {
    if (!file) return
    const script = parseDemo(actions.readFile(file) ?? '')
    if (script.beats.length === 0) {
      setStatus(`${file} has no commands yet.`)
      return
    }
    setStatus(undefined)
    useDemo.getState().start(file, script)
  }

  return (
    <section className="instructor-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Demo script</h3>
      <p>
        A file ending in <code>{DEMO_EXTENSION}</code> in the Files tab: one command a line, <code># notes</code> for you, and{' '}
        <code>pause</code> between beats. Each press of “Run next” types the next beat into the console and runs it.
      </p>
      {demos.length > 0 ? (
        <>
          <label htmlFor={`${id}-f`}>Script</label>{' '}
          <select id={`${id}-f`} value={file} onChange={(e) => setChosen(e.target.value)}>
            {demos.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>{' '}
          <button type="button" className="btn" onClick={start}>
            Start demo
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => actions.saveFile(EXAMPLE_FILE, EXAMPLE_DEMO)}>
          Create {EXAMPLE_FILE}
        </button>
      )}
      <p role="status">{status}</p>
    </section>
  )
}
