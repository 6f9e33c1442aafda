import { useMemo, useState } from 'react'
import { verifyResult, type Quiz, type Verification } from '../../course/quiz/index.ts'
import { classRows, codesIn, conceptColumns, toCsv } from './csv.ts'

/**
 * The instructor's view: paste result codes (or a CSV holding them), and each is replayed in a fresh sandbox and
 * graded again. The table shows the verified scores by learner and concept, or what does not verify.
 */
export function VerifyView({ quizzes }: { quizzes: readonly Quiz[] }) {
  const [text, setText] = useState('')
  const [results, setResults] = useState<Verification[]>([])
  const rows = useMemo(() => classRows(results), [results])
  const concepts = conceptColumns(rows)
  const csvHref = useMemo(() => (rows.length ? `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(rows))}` : undefined), [rows])

  return (
    <div className="quiz-verify">
      <label>
        Result codes (one or many; a CSV works too)
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={5} />
      </label>
      <button type="button" className="btn btn-primary" onClick={() => setResults(codesIn(text).map((c) => verifyResult(c, quizzes)))}>
        Verify
      </button>
      {results.length === 0 && text.trim() !== '' && codesIn(text).length === 0 && <p role="alert">No result code found (they start with CSQ1.).</p>}
      {rows.length > 0 && (
        <>
          {/* Focusable so a keyboard user can scroll the wide table (WCAG 2.1.1). */}
          <div className="quiz-table-scroll" role="region" aria-label="Verified results table" tabIndex={0}>
          <table>
            <caption>Verified results</caption>
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Quiz</th>
                <th scope="col">Verified</th>
                <th scope="col">Score</th>
                {concepts.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.learner}</th>
                  <td>{r.quiz}</td>
                  <td>{r.verified ? 'Verified' : <span className="quiz-problem">Does not verify: {r.problems.join(' ')}</span>}</td>
                  <td>{r.score !== undefined ? `${r.score} / ${r.points}` : '—'}</td>
                  {concepts.map((c) => (
                    <td key={c}>{r.concepts[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <a className="btn" href={csvHref} download="quiz-results.csv">
            Export as CSV
          </a>
        </>
      )}
    </div>
  )
}
