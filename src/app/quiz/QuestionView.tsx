import { useState } from 'react'
import type { Answer, QuestionGrade, QuizAttempt } from '../../course/quiz/index.ts'
import { MarkdownView } from '../lesson/MarkdownView.tsx'
import { PickDiagram } from './PickDiagram.tsx'
import { QuestionConsole } from './QuestionConsole.tsx'

export interface QuestionViewProps {
  attempt: QuizAttempt
  index: number
  /** Practice mode: the grade of the last answer, shown as feedback. */
  grade?: QuestionGrade
  onAnswer(answer: Answer): void
  /** Practical questions in practice mode: grade the sandbox as it is now. */
  onCheck(): void
}

/** One question: its prompt and the form its kind needs. Options are shown in the attempt's order (shuffled in exams). */
export function QuestionView({ attempt, index, grade, onAnswer, onCheck }: QuestionViewProps) {
  const q = attempt.questions[index]
  const previous = attempt.answerOf(index)
  const [picked, setPicked] = useState<number[]>(previous?.kind === 'choice' ? previous.picked : [])
  const [value, setValue] = useState(previous?.kind === 'value' ? previous.value : '')
  const locked = attempt.triesLeft(index) <= 0
  const id = `quiz-q-${q.id}`
  const choices = q.kind === 'single' || q.kind === 'multiple' ? q.options.map((o) => o.text) : q.kind === 'predict' ? q.options : []
  const many = q.kind === 'multiple'

  return (
    <article className="quiz-question" aria-labelledby={id}>
      <h3 id={id}>{q.title}</h3>
      <p className="quiz-points">
        {q.points} {q.points === 1 ? 'point' : 'points'}
      </p>
      <MarkdownView source={q.prompt} />
      {q.kind === 'pick' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (!locked && value) onAnswer({ kind: 'value', value })
          }}
        >
          <PickDiagram sandbox={attempt.sandbox(index)} selectedId={value || undefined} onSelect={(id) => !locked && setValue(id ?? '')} />
          <p className="quiz-picked" aria-live="polite">
            {value ? `Selected: ${value}` : 'Nothing selected yet: select a resource in the diagram.'}
          </p>
          <button type="submit" className="btn btn-primary" disabled={locked || !value}>
            Answer
          </button>
          {locked && attempt.mode === 'exam' && <p className="quiz-locked">Answered — one attempt per question in exam mode.</p>}
        </form>
      ) : q.kind === 'practical' ? (
        <>
          <QuestionConsole sandbox={attempt.sandbox(index)} from={attempt.world(index).since.command} />
          {attempt.mode === 'practice' && (
            <button type="button" className="btn" onClick={onCheck}>
              Check my work
            </button>
          )}
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (locked) return
            onAnswer(choices.length ? { kind: 'choice', picked } : { kind: 'value', value })
          }}
        >
          {choices.length > 0 ? (
            <fieldset disabled={locked}>
              <legend>{q.kind === 'predict' ? 'Your prediction' : many ? 'Choose every one that applies' : 'Choose one'}</legend>
              {attempt.optionOrder(index).map((i) => (
                <label key={i} className="quiz-option">
                  <input
                    type={many ? 'checkbox' : 'radio'}
                    name={id}
                    checked={picked.includes(i)}
                    onChange={(e) => setPicked(many ? (e.target.checked ? [...picked, i].sort((a, b) => a - b) : picked.filter((p) => p !== i)) : [i])}
                  />{' '}
                  {choices[i]}
                </label>
              ))}
            </fieldset>
          ) : (
            <label>
              {q.kind === 'predict' ? 'Your prediction' : 'Your answer'}{' '}
              <input value={value} onChange={(e) => setValue(e.target.value)} disabled={locked} />
              {q.kind === 'numeric' && q.unit ? ` ${q.unit}` : ''}
            </label>
          )}
          <button type="submit" className="btn btn-primary" disabled={locked || (choices.length ? picked.length === 0 : !value.trim())}>
            {q.kind === 'predict' ? 'Predict, then run' : 'Answer'}
          </button>
          {locked && attempt.mode === 'exam' && <p className="quiz-locked">Answered — one attempt per question in exam mode.</p>}
        </form>
      )}
      {grade && <Feedback grade={grade} explanation={q.explanation} />}
    </article>
  )
}

function Feedback({ grade, explanation }: { grade: QuestionGrade; explanation?: string }) {
  return (
    <div className="quiz-feedback" role="status">
      <p>
        <strong>{grade.correct ? 'Correct.' : grade.earned > 0 ? 'Partly right.' : 'Not quite.'}</strong> {grade.earned} of {grade.points}
      </p>
      {grade.revealed !== undefined && <p>The sandbox shows: {grade.revealed}</p>}
      {grade.goals && (
        <ul>
          {grade.goals.map((g) => (
            <li key={g.label}>
              {g.met ? '✓' : '✗'} {g.label} ({g.earned}/{g.points}){g.detail ? ` — ${g.detail}` : ''}
            </li>
          ))}
        </ul>
      )}
      {(grade.goals ? [] : grade.feedback).map((f) => (
        <p key={f}>{f}</p>
      ))}
      {grade.correct && explanation && <p>{explanation}</p>}
    </div>
  )
}
