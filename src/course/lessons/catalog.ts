import { LessonError, type LessonProblem } from './errors.ts'
import { parseLesson } from './parse.ts'
import type { Lesson } from './types.ts'

/**
 * The course: every `lessons/NN-name.md`, in file-name order, bundled as text by Vite (the app and the tests
 * read the same files). README.md and other files without a number prefix are not lessons.
 */
const sources = import.meta.glob('../../../lessons/[0-9]*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

/** `lessons/01-x.md` from the glob's relative key. */
const fileName = (key: string) => key.replace(/^(\.\.\/)+/, '')

/** The lesson files as text, keyed by their path from the repository root. */
export const LESSON_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(sources)
    .map(([key, text]) => [fileName(key), text] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
)

export interface Course {
  lessons: Lesson[]
  /** Problems in lesson files; a lesson with problems is left out of `lessons`. */
  problems: LessonProblem[]
}

/** Parses every lesson file; duplicate ids are a problem too. */
export function loadCourse(files: Readonly<Record<string, string>> = LESSON_SOURCES): Course {
  const lessons: Lesson[] = []
  const problems: LessonProblem[] = []
  const ids = new Map<string, string>()
  for (const [file, text] of Object.entries(files)) {
    const result = parseLesson(text, file)
    problems.push(...result.problems)
    if (!result.lesson) continue
    const other = ids.get(result.lesson.id)
    if (other) {
      problems.push({ file, line: 2, message: `the id "${result.lesson.id}" is already used by ${other}` })
      continue
    }
    ids.set(result.lesson.id, file)
    lessons.push(result.lesson)
  }
  // A link to another lesson (`[title](lesson:<id>)`, opened in place by the app) must name one.
  for (const [file, text] of Object.entries(files)) {
    text.split('\n').forEach((line, i) => {
      for (const link of line.matchAll(/\]\(lesson:([^)\s]*)\)/g))
        if (!ids.has(link[1])) problems.push({ file, line: i + 1, message: `the link to lesson "${link[1]}" names no lesson (ids: ${[...ids.keys()].join(', ')})` })
    })
  }
  return { lessons, problems }
}

let cached: Course | undefined
/** The bundled course, parsed once. */
export const course = (): Course => (cached ??= loadCourse())

/** The bundled lessons; throws a LessonError naming file:line when any lesson file is broken (tests, dev). */
export function lessonsOrThrow(): Lesson[] {
  const { lessons, problems } = course()
  if (problems.length) throw new LessonError(problems)
  return lessons
}
