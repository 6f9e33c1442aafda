import { useState } from 'react'
import type { Sandbox } from '../../sandbox/types.ts'

/**
 * A practical question's own console: its sandbox is the question's account (from the learner's seed), apart from
 * the workspace's, so an attempt's log holds exactly what was typed for the question.
 */
export function QuestionConsole({ sandbox, from }: { sandbox: Sandbox; from: number }) {
  const [line, setLine] = useState('')
  const [, setCount] = useState(0)
  const { offset, inputs } = sandbox.history()
  const entries = inputs.slice(Math.max(0, from - offset)).slice(-30)
  return (
    <div className="quiz-console">
      {/* Focusable so a keyboard user can scroll a long output (WCAG 2.1.1). */}
      <div className="quiz-console-log" role="log" aria-label="Question console output" tabIndex={0}>
        {entries.map((input, i) =>
          input.kind === 'exec' ? (
            <pre key={i}>
              <span className="quiz-console-prompt">$ {input.line}</span>
              {'\n'}
              {input.stdout}
              {input.stderr}
            </pre>
          ) : null,
        )}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!line.trim()) return
          sandbox.exec(line)
          setLine('')
          setCount((c) => c + 1)
        }}
      >
        <label>
          Command{' '}
          <input className="quiz-console-input" value={line} onChange={(e) => setLine(e.target.value)} spellCheck={false} autoComplete="off" />
        </label>
        <button type="submit" className="btn">
          Run
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            sandbox.advance(60_000)
            setCount((c) => c + 1)
          }}
        >
          Let a minute pass
        </button>
      </form>
    </div>
  )
}
