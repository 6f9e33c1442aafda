import { useEffect, useReducer, useState } from 'react'
import type { QuestionGrade, QuizAttempt, Scored } from '../../course/quiz/index.ts'
import { QuestionView } from './QuestionView.tsx'
import { Results } from './Results.tsx'

const clock = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * One attempt, question by question. Practice: feedback after each answer, hints, retries. Exam: a wall-clock timer
 * (here in the app layer; the quiz engine has no clock), hints and solutions locked, one attempt per question, and
 * the questions in the seed's order; time up submits.
 */
export function TakeQuiz({ attempt, now, onDone }: { attempt: QuizAttempt; now: () => number; onDone: () => void }) {
  const exam = attempt.mode === 'exam'
  const [position, setPosition] = useState(0)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const [feedback, setFeedback] = useState<Record<number, QuestionGrade>>({})
  const [hints, setHints] = useState<Record<number, number>>({})
  const [result, setResult] = useState<(Scored & { code: string; seconds: number }) | undefined>()
  const [started] = useState(now)
  const [elapsed, setElapsed] = useState(0)
  const limit = attempt.quiz.minutes * 60_000

  const finish = () => ({ ...attempt.submit(), seconds: Math.round((now() - started) / 1000) })
  const submit = () => setResult(finish())

  useEffect(() => {
    if (result) return
    const timer = setInterval(() => {
      const spent = now() - started
      setElapsed(spent)
      if (exam && spent >= limit) setResult({ ...attempt.submit(), seconds: Math.round(spent / 1000) })
    }, 1000)
    return () => clearInterval(timer)
  }, [attempt, exam, limit, now, result, started])

  if (result) return <Results attempt={attempt} result={result} seconds={result.seconds} onDone={onDone} />

  const index = attempt.order[position]
  const q = attempt.questions[index]
  const shownHints = exam ? 0 : (hints[index] ?? 0)
  return (
    <div className="quiz-take">
      <div className="quiz-status">
        <span>
          {attempt.quiz.title} — {exam ? 'exam' : 'practice'} — {attempt.learner}
        </span>
        {exam && (
          <span role="timer" aria-live="off" aria-label="Time left">
            Time left {clock(limit - elapsed)}
          </span>
        )}
      </div>
      <p aria-live="polite">
        Question {position + 1} of {attempt.order.length}
      </p>
      <QuestionView
        key={index}
        attempt={attempt}
        index={index}
        grade={exam ? undefined : feedback[index]}
        onAnswer={(answer) => {
          const grade = attempt.answer(index, answer)
          setFeedback((f) => ({ ...f, [index]: grade }))
          rerender()
        }}
        onCheck={() => {
          setFeedback((f) => ({ ...f, [index]: attempt.grade(index) }))
        }}
      />
      {!exam && q.hints.length > 0 && (
        <div className="quiz-hints">
          {q.hints.slice(0, shownHints).map((h, i) => (
            <p key={i} className="quiz-hint">
              Hint {i + 1}: {h}
            </p>
          ))}
          {shownHints < q.hints.length && (
            <button type="button" className="btn" onClick={() => setHints((h) => ({ ...h, [index]: shownHints + 1 }))}>
              Show a hint
            </button>
          )}
        </div>
      )}
      {exam && q.hints.length > 0 && <p className="quiz-locked">Hints are locked in exam mode.</p>}
      <nav className="quiz-nav" aria-label="Questions">
        <button type="button" className="btn" disabled={position === 0} onClick={() => setPosition((p) => p - 1)}>
          Previous
        </button>
        <button type="button" className="btn" disabled={position === attempt.order.length - 1} onClick={() => setPosition((p) => p + 1)}>
          Next
        </button>
        <button type="button" className="btn btn-primary" onClick={submit}>
          Submit quiz
        </button>
      </nav>
    </div>
  )
}
