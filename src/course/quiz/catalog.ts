import { LessonError, type LessonProblem } from '../lessons/errors.ts'
import { parseQuiz } from './parse.ts'
import type { Quiz } from './types.ts'

/** Every quiz file, `lessons/quizzes/*.md` except the authoring guide, bundled as text (the app and tests read the same files). */
const sources = import.meta.glob(['../../../lessons/quizzes/*.md', '!../../../lessons/quizzes/README.md'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>

export const QUIZ_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(sources)
    .map(([key, text]) => [key.replace(/^(\.\.\/)+/, ''), text] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
)

export interface QuizBank {
  quizzes: Quiz[]
  problems: LessonProblem[]
}

/** Parses every quiz file; a quiz id used twice, or a question id used twice within the bank with other content, is a problem too. */
export function loadQuizzes(files: Readonly<Record<string, string>> = QUIZ_SOURCES): QuizBank {
  const quizzes: Quiz[] = []
  const problems: LessonProblem[] = []
  const ids = new Map<string, string>()
  for (const [file, text] of Object.entries(files)) {
    const result = parseQuiz(text, file)
    problems.push(...result.problems)
    if (!result.quiz) continue
    const other = ids.get(result.quiz.id)
    if (other) {
      problems.push({ file, line: 2, message: `the id "${result.quiz.id}" is already used by ${other}` })
      continue
    }
    ids.set(result.quiz.id, file)
    quizzes.push(result.quiz)
  }
  return { quizzes, problems }
}

let cached: QuizBank | undefined
export const quizBank = (): QuizBank => (cached ??= loadQuizzes())

/** The bundled quizzes; throws naming file:line when a quiz file is broken (tests, dev). */
export function quizzesOrThrow(): Quiz[] {
  const { quizzes, problems } = quizBank()
  if (problems.length) throw new LessonError(problems)
  return quizzes
}
