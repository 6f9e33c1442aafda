import { isLessonComplete, lessonProgress, solutionText, type GoalResult, type Lesson, type LessonSummary } from '../../course/index.ts'
import { LessonMarkdown } from './LessonMarkdown.tsx'
import { MarkdownView } from './MarkdownView.tsx'
import type { CourseState } from './useCourse.ts'
import { useState } from 'react'

/** The checklist rows: a goal written as a list shows one row per item. */
const rows = (result: GoalResult | undefined): GoalResult[] => (!result ? [] : result.children && !result.label.startsWith('One of') ? result.children : [result])

type GoalState = 'met' | 'not yet' | 'no longer met'
const ICONS: Record<GoalState, string> = { met: '✓', 'not yet': '○', 'no longer met': '✗' }

/** One goal as a sentence with its status: icon for the eye, words for a screen reader (not a checkbox: it cannot be toggled). */
function GoalRow({ row, state }: { row: GoalResult; state: GoalState }) {
  const cls = state === 'met' ? 'cs-goal cs-goal-met' : state === 'no longer met' ? 'cs-goal cs-goal-failed' : 'cs-goal'
  return (
    <li className={cls} data-state={state}>
      <span className="cs-goal-icon" aria-hidden="true">
        {ICONS[state]}
      </span>
      <span>
        {row.label}
        <span className="cs-visually-hidden"> — {state}</span>
        {state !== 'met' && row.detail && <span className="cs-goal-detail"> ({row.detail})</span>}
      </span>
    </li>
  )
}

const minutesText = (ms: number): string => {
  const minutes = Math.round(ms / 60_000)
  return minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`
}

/** The end of a lesson: what the learner did, and the way on. */
function LessonDone({ course, lesson, summary }: { course: CourseState; lesson: Lesson; summary?: LessonSummary }) {
  const index = course.lessons.indexOf(lesson)
  const next = course.lessons[index + 1]
  return (
    <section className="cs-lesson-done" aria-labelledby="cs-lesson-done-heading">
      <h3 id="cs-lesson-done-heading">Lesson complete: {lesson.title}</h3>
      {summary && (
        <ul aria-label="What you did">
          <li>
            {summary.commands} command{summary.commands === 1 ? '' : 's'} run{summary.failedCommands ? ` (${summary.failedCommands} of them failed, as some were meant to)` : ''}
          </li>
          <li>
            Resources created:{' '}
            {summary.created.length ? summary.created.map((c) => `${c.count} ${c.kind}${c.count === 1 ? '' : 's'}`).join(', ') : 'none'}
          </li>
          <li>{minutesText(summary.virtualMs)} on the virtual clock</li>
        </ul>
      )}
      {next ? (
        <button type="button" className="btn btn-primary" onClick={() => course.open(next.id)} disabled={!course.ready}>
          Next lesson: {next.title}
        </button>
      ) : (
        <p>That was the last lesson of the course.</p>
      )}
    </section>
  )
}

export function LessonView({ course, lesson }: { course: CourseState; lesson: Lesson }) {
  const p = lessonProgress(course.progress, lesson.id)
  const index = Math.min(p.currentStep, lesson.steps.length - 1)
  const step = lesson.steps[index]
  const status = course.statuses.find((s) => s.stepId === step.id)
  const hints = p.hintsShown[step.id] ?? 0
  const [solutionFor, setSolutionFor] = useState<string>()
  const showSolution = solutionFor === step.id
  const complete = isLessonComplete(lesson, p)
  const stepDone = p.completed.includes(step.id)
  const nextLesson = course.lessons[course.lessons.indexOf(lesson) + 1]

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
      {index === 0 && lesson.intro && <LessonMarkdown source={lesson.intro} onPaste={course.paste} onOpenLesson={course.open} />}
      <h2>
        Step {index + 1} of {lesson.steps.length}: {step.title}
      </h2>
      <LessonMarkdown source={step.body} onPaste={course.paste} onOpenLesson={course.open} />

      <h3 id="cs-checklist-heading">Goals</h3>
      {status?.metBeforeLesson && (
        <p className="cs-goal-note">Already true before this lesson started: do this step’s command yourself to complete it.</p>
      )}
      {stepDone && status && !status.result.met && (
        <p className="cs-goal-note">You completed this step earlier; the goals below are checked against the world as it is now.</p>
      )}
      {/* Checked against the world on arrival and after every change: a goal whose resource is gone is not met. */}
      <ul className="cs-checklist" aria-labelledby="cs-checklist-heading">
        {rows(status?.result).map((row, i) => (
          <GoalRow key={i} row={row} state={row.met && !status?.metBeforeLesson ? 'met' : stepDone ? 'no longer met' : 'not yet'} />
        ))}
      </ul>
      <p role="status" className="cs-step-status">
        {stepDone ? 'Step complete.' : 'Not done yet.'}
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
        {index === lesson.steps.length - 1 && complete && nextLesson ? (
          <button type="button" onClick={() => course.open(nextLesson.id)} disabled={!course.ready}>
            Next lesson
          </button>
        ) : (
          <button type="button" onClick={() => course.goTo(index + 1)} disabled={index === lesson.steps.length - 1}>
            Next
          </button>
        )}
      </p>
      {complete && <LessonDone course={course} lesson={lesson} summary={course.summary()} />}
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
