import { useState } from 'react'
import type { QuizAttempt, Scored } from '../../course/quiz/index.ts'
import { ResultQr } from './ResultQr.tsx'

/** After submission: the score per question and per concept, the review (when the quiz allows it) and the result code. */
export function Results({ attempt, result, seconds, onDone }: { attempt: QuizAttempt; result: Scored & { code: string }; seconds: number; onDone: () => void }) {
  const review = attempt.quiz.review
  const [copied, setCopied] = useState<string>('')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.code)
      setCopied('Copied the result code to the clipboard.')
    } catch {
      // No clipboard (permission refused, or an insecure page): the code is selectable in the box above.
      setCopied('Could not copy: select the code in the box and copy it.')
    }
  }
  return (
    <div className="quiz-results">
      <h3>
        Your score: {result.score} of {result.points}
      </h3>
      <p>
        Time taken: {Math.floor(seconds / 60)} min {seconds % 60} s
      </p>
      <table>
        <caption>By question</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Points</th>
            {review && <th scope="col">Review</th>}
          </tr>
        </thead>
        <tbody>
          {attempt.order.map((i) => {
            const q = attempt.questions[i]
            const g = result.grades[i]
            const right = q.kind === 'single' || q.kind === 'multiple' ? q.options.filter((o) => o.correct).map((o) => o.text).join('; ') : q.kind === 'numeric' ? q.answer : q.kind === 'text' ? q.answers[0] : q.kind === 'predict' ? `the sandbox showed ${g.revealed ?? '—'}` : q.kind === 'pick' ? `the right resource: ${g.revealed ?? '—'}` : (g.goals ?? []).map((x) => `${x.met ? '✓' : '✗'} ${x.label}`).join('; ')
            return (
              <tr key={q.id}>
                <th scope="row">{q.title}</th>
                <td>
                  {g.earned} / {g.points}
                </td>
                {review && <td>{right}</td>}
              </tr>
            )
          })}
        </tbody>
      </table>
      <table>
        <caption>By concept</caption>
        <thead>
          <tr>
            <th scope="col">Concept</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {result.byConcept.map((c) => (
            <tr key={c.concept}>
              <th scope="row">{c.concept}</th>
              <td>
                {c.earned} / {c.points}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="quiz-code">
        Result code (give it to your instructor; anyone can verify it offline)
        <textarea readOnly value={result.code} rows={4} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" className="btn" onClick={() => void copy()}>
        Copy the result code
      </button>
      <p role="status" className="quiz-copied">
        {copied}
      </p>
      <ResultQr code={result.code} learner={attempt.learner} />
      <button type="button" className="btn" onClick={onDone}>
        Back to quizzes
      </button>
    </div>
  )
}
