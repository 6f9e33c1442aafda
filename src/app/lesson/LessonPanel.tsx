import './lesson.css'
import welcome from './welcome.md?raw'
import { MarkdownView } from './MarkdownView.tsx'

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the lessons issue adds props (current lesson, progress)
export type LessonPanelProps = {}

/** The lesson text. For now the welcome page; the lessons issue grows it into the course. */
export function LessonPanel(_props: LessonPanelProps) {
  return (
    <article className="cs-lesson">
      <MarkdownView source={welcome} />
    </article>
  )
}

export default LessonPanel
