import { useMemo, useState } from 'react'
import { QuizAttempt, quizBank, type Quiz, type QuizMode } from '../../course/quiz/index.ts'
import { TakeQuiz } from './TakeQuiz.tsx'
import { VerifyView } from './VerifyView.tsx'
import './quiz.css'

export interface QuizPanelProps {
  /** The quizzes on offer (the bundled bank by default; tests pass their own). */
  quizzes?: readonly Quiz[]
  onClose?: () => void
  /** Wall-clock milliseconds, for the exam timer (tests pass a fake). */
  now?: () => number
}

type View = { kind: 'start' } | { kind: 'take'; attempt: QuizAttempt } | { kind: 'verify' }

/** Take a quiz (practice or exam) or verify result codes. */
export function QuizPanel({ quizzes, onClose, now = () => Date.now() }: QuizPanelProps) {
  const bank = useMemo(() => quizzes ?? quizBank().quizzes, [quizzes])
  const [view, setView] = useState<View>({ kind: 'start' })
  const [quizId, setQuizId] = useState(bank[0]?.id ?? '')
  const [learner, setLearner] = useState('')
  const [mode, setMode] = useState<QuizMode>('practice')
  const [attemptNo, setAttemptNo] = useState(1)
  const quiz = bank.find((q) => q.id === quizId)

  return (
    <div className="quiz-panel">
      <header className="quiz-header">
        <h2>Quizzes</h2>
        <nav aria-label="Quiz views">
          <button type="button" className="btn" aria-pressed={view.kind !== 'verify'} onClick={() => setView({ kind: 'start' })}>
            Take a quiz
          </button>
          <button type="button" className="btn" aria-pressed={view.kind === 'verify'} onClick={() => setView({ kind: 'verify' })}>
            Verify results
          </button>
          {onClose && (
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          )}
        </nav>
      </header>
      {view.kind === 'verify' && <VerifyView quizzes={bank} />}
      {view.kind === 'take' && <TakeQuiz attempt={view.attempt} now={now} onDone={() => setView({ kind: 'start' })} />}
      {view.kind === 'start' && (
        <form
          className="quiz-start"
          onSubmit={(e) => {
            e.preventDefault()
            if (!quiz || !learner.trim()) return
            setView({ kind: 'take', attempt: new QuizAttempt(quiz, { learner, mode, attempt: attemptNo }) })
          }}
        >
          <label>
            Quiz{' '}
            <select value={quizId} onChange={(e) => setQuizId(e.target.value)}>
              {bank.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title}
                </option>
              ))}
            </select>
          </label>
          {quiz && <p>{quiz.summary}</p>}
          <label>
            Your name{' '}
            <input value={learner} onChange={(e) => setLearner(e.target.value)} required autoComplete="name" />
          </label>
          <label>
            Attempt{' '}
            <input type="number" min={1} value={attemptNo} onChange={(e) => setAttemptNo(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <fieldset>
            <legend>Mode</legend>
            <label>
              <input type="radio" name="quiz-mode" checked={mode === 'practice'} onChange={() => setMode('practice')} /> Practice — feedback after each answer, hints, retries
            </label>
            <label>
              <input type="radio" name="quiz-mode" checked={mode === 'exam'} onChange={() => setMode('exam')} /> Exam — {quiz?.minutes ?? 0} minutes, no hints, one attempt per question
            </label>
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={!learner.trim()}>
            Start
          </button>
        </form>
      )}
    </div>
  )
}

export default QuizPanel
