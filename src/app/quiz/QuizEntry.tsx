import { lazy, Suspense, useState } from 'react'

const QuizPanel = lazy(() => import('./QuizPanel.tsx'))

/**
 * The app's one entry to quizzes: a button that opens the quiz panel, loaded only when first opened (it pulls in
 * the quiz engine and the question bank).
 */
export function QuizEntry() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="btn btn-toolbar quiz-entry" aria-expanded={open} aria-controls="quiz-panel" onClick={() => setOpen((o) => !o)}>
        Quizzes
      </button>
      {open && (
        <section id="quiz-panel" className="quiz-overlay" aria-label="Quizzes">
          <Suspense fallback={<p role="status">Loading quizzes…</p>}>
            <QuizPanel onClose={() => setOpen(false)} />
          </Suspense>
        </section>
      )}
    </>
  )
}
