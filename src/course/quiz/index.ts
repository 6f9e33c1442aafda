/**
 * Quizzes and assessments (lessons/quizzes/README.md): parsing and variants are plain data; an attempt and a
 * verification run sandboxes, so this folder's index pulls the engine in — the app loads it lazily.
 */
export { QuizAttempt, scoreOf, type AttemptOptions, type ConceptScore, type QuizMode, type Scored, type Variant } from './attempt.ts'
export { verifyResult, type Verification, type VerifyProblem } from './verify.ts'
export { CODE_PREFIX, decodeHeader, encodeResult, type QuizResultData } from './code.ts'
export { loadQuizzes, quizBank, quizzesOrThrow, QUIZ_SOURCES, type QuizBank } from './catalog.ts'
export { parseQuiz, QUESTION_KINDS, type QuizParseResult } from './parse.ts'
export { drawParams, variant } from './params.ts'
export { attemptSeed, createRng, hash32, type Rng } from './rng.ts'
export { textMatches, readNumber } from './match.ts'
export { startQuestion, type LogItem } from './start.ts'
export { pickTargets, PICK_RULES, type PickRule } from './pick.ts'
export type * from './types.ts'
