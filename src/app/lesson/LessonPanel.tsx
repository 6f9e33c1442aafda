import './lesson.css'
import welcome from './welcome.md?raw'
import { isLessonComplete, lessonProgress } from '../../course/index.ts'
import type { KeyValueStorage } from '../state/persist/storage.ts'
import { MarkdownView } from './MarkdownView.tsx'
import { LessonView } from './LessonView.tsx'
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
          return (
            <li key={lesson.id} className="cs-course-lesson">
              <h3>{lesson.title}</h3>
              <p>{lesson.summary}</p>
              <p className="cs-course-status" aria-label={`Progress of ${lesson.title}`}>
                {complete ? 'Completed' : `${done} of ${lesson.steps.length} steps done`} · about {lesson.estimatedMinutes} min
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

/** The lesson panel: the course map (below the welcome page), or the open lesson's current step. */
export function LessonPanel({ storage }: LessonPanelProps) {
  const course = useCourse(storage)
  return (
    <article className="cs-lesson">
      {course.lesson ? (
        <LessonView course={course} lesson={course.lesson} />
      ) : (
        <>
          <MarkdownView source={welcome} />
          <CourseMap course={course} />
        </>
      )}
    </article>
  )
}

export default LessonPanel
