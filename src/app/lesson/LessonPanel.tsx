import './lesson.css'
import { useState } from 'react'
import welcome from './welcome.md?raw'
import { isLessonComplete, lessonProgress, type GoalResult, type StepStatus } from '../../course/index.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'
import { MarkdownView } from './MarkdownView.tsx'
import { LessonView } from './LessonView.tsx'
import { SwitchDialog } from './SwitchDialog.tsx'
import { useCourse, type CourseState } from './useCourse.ts'

export interface LessonPanelProps {
  /** Where progress is kept (tests pass a fake); localStorage by default. */
  storage?: KeyValueStorage
}

export const formatMinutes = (ms: number): string => {
  const minutes = Math.floor(ms / 60_000)
  return minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`
}

function CourseMap({ course }: { course: CourseState }) {
  return (
    <nav className="cs-course-map" aria-label="Course map">
      <h2>Lessons</h2>
      <ol>
        {course.lessons.map((lesson) => {
          const p = lessonProgress(course.progress, lesson.id)
          const done = p.completed.length
          const complete = isLessonComplete(lesson, p)
          const started = Boolean(course.progress.lessons[lesson.id])
          const current = course.worlds.current.lessons.at(-1) === lesson.id
          const saved = course.worlds.saved.some((w) => w.lessons.includes(lesson.id))
          return (
            <li key={lesson.id} className={current ? 'cs-course-lesson cs-course-current' : 'cs-course-lesson'} aria-current={current ? 'true' : undefined}>
              <h3>{lesson.title}</h3>
              <p>{lesson.summary}</p>
              <ol className="cs-course-steps" aria-hidden="true">
                {lesson.steps.map((s) => (
                  <li key={s.id} className={p.completed.includes(s.id) ? 'cs-done' : undefined} title={s.title} />
                ))}
              </ol>
              <p className="cs-course-status" aria-label={`Progress of ${lesson.title}`}>
                {complete ? 'Completed' : `${done} of ${lesson.steps.length} steps done`}
                {current ? ' · current lesson' : saved ? ' · its world is saved' : ''} · about {lesson.estimatedMinutes} min
                {started ? ` · time spent: ${formatMinutes(p.timeSpentMs)}` : ''}
              </p>
              <button type="button" onClick={() => course.open(lesson.id)} disabled={!course.ready}>
                {started ? 'Continue' : 'Start'} {lesson.title}
              </button>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

/**
 * The first thing a newcomer sees: one obvious way in, above the welcome page (which is long). A returning
 * learner is offered the lesson they left instead.
 */
function StartCard({ course }: { course: CourseState }) {
  const lessons = course.lessons
  if (lessons.length === 0) return null
  const unfinished = lessons.find((l) => course.progress.lessons[l.id] && !isLessonComplete(l, lessonProgress(course.progress, l.id)))
  const lesson = unfinished ?? lessons[0]
  const number = lessons.indexOf(lesson) + 1
  return (
    // A plain block, not a named region: the page's landmarks stay the five panels.
    <div className="cs-start">
      <h2 id="cs-start-heading" className="cs-start-heading">
        {unfinished ? 'Pick up where you left off' : 'New here? Start with the first lesson'}
      </h2>
      <p className="cs-start-meta">
        Lesson {number} of {lessons.length} · about {lesson.estimatedMinutes} min · guided steps that check your work
      </p>
      <button type="button" className="btn btn-primary btn-lg" onClick={() => course.open(lesson.id)} disabled={!course.ready}>
        {unfinished ? 'Continue' : 'Start'} lesson {number}: {lesson.title}
      </button>
    </div>
  )
}

const metLabels = (result: GoalResult): string[] =>
  result.children && !result.label.startsWith('One of') ? result.children.flatMap(metLabels) : result.met ? [result.label] : []

/**
 * Says politely when a goal of the open lesson becomes met ("Goal met: the cluster exists"), so a screen-reader
 * user hears the checklist tick without leaving the console. Opening a lesson says nothing.
 */
function GoalAnnouncer({ lessonId, statuses }: { lessonId?: string; statuses: readonly StepStatus[] }) {
  const labels = lessonId === undefined ? [] : statuses.flatMap((s) => metLabels(s.result))
  const key = `${lessonId ?? ''}\n${labels.join('\n')}`
  const [seen, setSeen] = useState({ key, lessonId, labels })
  const [message, setMessage] = useState('')
  if (seen.key !== key) {
    const fresh = seen.lessonId === lessonId ? labels.filter((l) => !seen.labels.includes(l)) : []
    setSeen({ key, lessonId, labels })
    if (fresh.length > 0) setMessage(`Goal met: ${fresh.join('; ')}`)
  }
  return (
    <p className="visually-hidden cs-goal-announcer" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  )
}

/** The lesson panel: the course map (below the welcome page), or the open lesson's current step. */
export function LessonPanel({ storage }: LessonPanelProps) {
  const course = useCourse(storage)
  return (
    <article className="cs-lesson">
      <GoalAnnouncer lessonId={course.lesson?.id} statuses={course.statuses} />
      {course.pendingSwitch && (
        <SwitchDialog
          title={course.pendingSwitch.lesson.title}
          restoring={course.pendingSwitch.restoring}
          onStart={course.confirmSwitch}
          onCancel={course.cancelSwitch}
        />
      )}
      {course.lesson ? (
        <LessonView course={course} lesson={course.lesson} />
      ) : (
        <>
          <StartCard course={course} />
          <MarkdownView source={welcome} />
          <CourseMap course={course} />
        </>
      )}
    </article>
  )
}

export default LessonPanel
