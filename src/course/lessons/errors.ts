/** A mistake in a lesson file, named by file and line so the author can jump to it. */
export interface LessonProblem {
  file: string
  line: number
  message: string
}

export const formatProblem = (p: LessonProblem): string => `${p.file}:${p.line}: ${p.message}`

export class LessonError extends Error {
  readonly problems: LessonProblem[]
  constructor(problems: LessonProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'LessonError'
    this.problems = problems
  }
}
