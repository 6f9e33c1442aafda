/** The course layer: lessons, goals and progress as plain TypeScript over the sandbox API (no React, no DOM). */
export type {
  AllGoal, AnyGoal, CommandMatch, CommandRecord, Count, Goal, GoalContext, GoalKind, GoalResult, Mark, NotGoal,
} from './goals/types.ts'
export { GOAL_KINDS, GOAL_SCHEMA } from './goals/schema.ts'
export { evaluateGoal } from './goals/evaluate.ts'
export { describeGoal } from './goals/describe.ts'
export { errorCodeOf } from './goals/errorCode.ts'
export type { Lesson, SolutionItem, StartScenario, Step } from './lessons/types.ts'
export { formatProblem, LessonError, type LessonProblem } from './lessons/errors.ts'
export { parseLesson, type ParseResult } from './lessons/parse.ts'
export { course, LESSON_SOURCES, lessonsOrThrow, loadCourse, type Course } from './lessons/catalog.ts'
export { applyEdit, expandVariables, solutionText, type EditOutcome } from './lessons/solution.ts'
export {
  PROGRESS_VERSION, addTime, closeLesson, emptyLessonProgress, emptyProgress, evaluateLesson, goToStep, isLessonComplete, lessonProgress,
  markNow, openLesson, readProgress, recordCompletion, resetLesson, showNextHint,
  type Arrival, type CourseProgress, type LessonProgress, type Observation, type StepStatus,
} from './progress/progress.ts'
export { LessonRunner, type SandboxSource } from './runner.ts'
export { resourceKind, summarize, type LessonSummary } from './progress/summary.ts'
// The headless player (`LessonSession` in ./session.ts) creates sandboxes, so it is not exported here: the app
// imports this index, and pulling src/sandbox in statically would put the engine in the first-load bundle.
// Quizzes are imported from './quiz/index.ts' (the app's quiz panel loads it lazily): re-exporting the quiz reader
// here kept it, and the YAML reader's share of it, in the first-load bundle.
export type { Answer, Question, QuestionGrade, QuestionKind, Quiz } from './quiz/types.ts'
