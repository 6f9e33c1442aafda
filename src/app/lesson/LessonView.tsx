import { isLessonComplete, lessonProgress, solutionText, type GoalResult, type Lesson } from '../../course/index.ts'
import { LessonMarkdown } from './LessonMarkdown.tsx'
import { MarkdownView } from './MarkdownView.tsx'
import type { CourseState } from './useCourse.ts'
import { useState } from 'react'

/** The checklist rows: a goal written as a list shows one row per item. */
const rows = (result: GoalResult | undefined): GoalResult[] => (!result ? [] : result.children && !result.label.startsWith('One of') ? result.children : [result])

export function LessonView({ course, lesson }: { course: CourseState; lesson: Lesson }) {
  const p = lessonProgress(course.progress, lesson.id)
  const index = Math.min(p.currentStep, lesson.steps.length - 1)
  const step = lesson.steps[index]
  const status = course.statuses.find((s) => s.stepId === step.id)
  const hints = p.hintsShown[step.id] ?? 0
  const [solutionFor, setSolutionFor] = useState<string>()
  const showSolution = solutionFor === step.id
  const complete = isLessonComplete(lesson, p)

  return (
    <section className="cs-lesson-view" aria-label={lesson.title}>
      <p className="cs-lesson-nav">
        <button type="button" onClick={course.close}>
          ← All lessons
        </button>{' '}
        <span>{lesson.title}</span>
      </p>
      <ol className="cs-step-list" aria-label="Steps">
        {lesson.steps.map((s, i) => {
          const done = p.completed.includes(s.id)
          return (
            <li key={s.id}>
              <button type="button" aria-current={i === index ? 'step' : undefined} onClick={() => course.goTo(i)} title={s.title}>
                <span aria-hidden="true">{done ? '✓' : i + 1}</span>
                <span className="cs-visually-hidden">
                  {s.title}
                  {done ? ' (done)' : ''}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
      {index === 0 && lesson.intro && <LessonMarkdown source={lesson.intro} onPaste={course.paste} />}
      <h2>
        Step {index + 1} of {lesson.steps.length}: {step.title}
      </h2>
      <LessonMarkdown source={step.body} onPaste={course.paste} />

      <h3 id="cs-checklist-heading">Goals</h3>
      <ul className="cs-checklist" aria-labelledby="cs-checklist-heading">
        {rows(status?.result).map((row, i) => {
          const ticked = row.met || Boolean(status?.completed && !status.result.met && p.completed.includes(step.id))
          return (
            <li key={i} className={ticked ? 'cs-goal cs-goal-met' : 'cs-goal'}>
              <input type="checkbox" readOnly checked={ticked} aria-label={row.label} />
              <span>{row.label}</span>
              {!ticked && row.detail && <span className="cs-goal-detail"> — {row.detail}</span>}
            </li>
          )
        })}
      </ul>
      <p role="status" className="cs-step-status">
        {p.completed.includes(step.id) ? 'Step complete.' : 'Not done yet.'}
        {complete ? ' Lesson complete!' : ''}
      </p>

      <div className="cs-hints">
        {step.hints.slice(0, hints).map((hint, i) => (
          <div key={i} className="cs-hint" aria-label={`Hint ${i + 1}`}>
            <MarkdownView source={hint} />
          </div>
        ))}
        {hints < step.hints.length && (
          <button type="button" onClick={() => course.nextHint(step.id)}>
            {hints === 0 ? 'Show a hint' : 'Show another hint'}
          </button>
        )}
      </div>

      <div className="cs-step-actions">
        <button type="button" onClick={() => setSolutionFor(showSolution ? undefined : step.id)} aria-expanded={showSolution}>
          {showSolution ? 'Hide solution' : 'Show solution'}
        </button>
        <button type="button" onClick={() => course.runSolution(step.id)} disabled={!course.ready}>
          Run solution
        </button>
        <button type="button" onClick={course.resetStep} disabled={!course.ready}>
          Reset this step
        </button>
      </div>
      {showSolution && (
        <pre className="cs-solution" aria-label="Solution">
          <code>{solutionText(step.solution)}</code>
        </pre>
      )}
      {course.message && (
        <p role="alert" className="cs-lesson-message">
          {course.message}
        </p>
      )}

      <p className="cs-step-nav">
        <button type="button" onClick={() => course.goTo(index - 1)} disabled={index === 0}>
          Previous
        </button>
        <button type="button" onClick={() => course.goTo(index + 1)} disabled={index === lesson.steps.length - 1}>
          Next
        </button>
      </p>
      {complete && (
        <p>
          <button type="button" onClick={course.restartLesson}>
            Start this lesson over
          </button>
        </p>
      )}
    </section>
  )
}
