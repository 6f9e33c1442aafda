import { answerOf, scoreOf, type Scored } from './attempt.ts'
import { decodeBody, decodeHeader, replayDigest, type CodeField } from './code.ts'
import { dictionaryFor } from './dictionary.ts'
import { gradeAnswer, gradePick, gradePractical, gradePrediction, readReveal, runItems } from './grade.ts'
import { variant } from './params.ts'
import { replayLog, startQuestion } from './start.ts'
import type { QuestionGrade, Quiz } from './types.ts'

export interface VerifyProblem {
  /** What does not verify: a field of the code, or the replay. */
  part: CodeField | 'format' | 'replay'
  message: string
}

export interface Verification {
  verified: boolean
  problems: VerifyProblem[]
  quizId?: string
  quizTitle?: string
  version?: number
  learner?: string
  seed?: number
  /** The score the code claims (never trusted; shown beside the replay's). */
  claimed?: number
  /** The replay's grades: the only score that counts. */
  result?: Scored
}

const CHANGED: Record<CodeField, string> = {
  'quiz version': 'The quiz or its version was changed after the code was made: its check does not match.',
  seed: 'The seed was changed after the code was made: its check does not match.',
  score: 'The score was changed after the code was made: its check does not match.',
  "learner's name": "The learner's name was changed after the code was made: its check does not match.",
  'answers and log': 'The answers and log were changed after the code was made: their check does not match.',
}

/** A verifying replay never rewinds, so it takes no checkpoints (each one is the whole state as JSON). */
const NO_CHECKPOINTS = { work: 0 }

const fmt = (n: number) => String(Math.round(n * 100) / 100)

/**
 * Verifies a result code with no server: decodes it, rebuilds the learner's variants from the seed, replays every
 * sandbox question's log in a fresh sandbox, recomputes every grade, and compares. The score in the code is only
 * compared, never used. `quizzes` are the quizzes this app has (by id).
 */
export function verifyResult(code: string, quizzes: readonly Quiz[]): Verification {
  let header
  try {
    header = decodeHeader(code)
  } catch (e) {
    return { verified: false, problems: [{ part: 'format', message: (e as Error).message }] }
  }
  const { quizId, version, seed, learner, score: claimed } = header
  const problems: VerifyProblem[] = header.changed.map((part) => ({ part, message: CHANGED[part] }))
  const base = { quizId, version, learner, seed, claimed }
  const quiz = quizzes.find((q) => q.id === quizId)
  if (!quiz) return { ...base, verified: false, problems: [...problems, { part: 'quiz version', message: `There is no quiz "${quizId}" here.` }] }
  if (quiz.version !== version) {
    problems.push({ part: 'quiz version', message: `The code is for version ${version} of "${quiz.title}"; this app has version ${quiz.version}, so the questions may not be the ones the learner answered.` })
    return { ...base, quizTitle: quiz.title, verified: false, problems }
  }
  if (!Number.isInteger(seed)) return { ...base, quizTitle: quiz.title, verified: false, problems }
  const dictionary = dictionaryFor(quiz, seed)
  let body
  try {
    body = decodeBody(header.body, dictionary)
  } catch (e) {
    if (!problems.some((p) => p.part === 'answers and log')) problems.push({ part: 'answers and log', message: `The answers and log cannot be read: ${(e as Error).message}.` })
    return { ...base, quizTitle: quiz.title, verified: false, problems }
  }
  const outputs: string[] = []
  const grades: QuestionGrade[] = quiz.questions.map((raw, i) => {
    const q = variant(raw, seed)
    const answer = answerOf(q, body.answers[i])
    if (q.kind === 'practical') {
      const w = startQuestion(q, NO_CHECKPOINTS)
      outputs.push(...replayLog(w.sandbox, body.logs[i] ?? []))
      return gradePractical(q, w.sandbox, w.since)
    }
    if (q.kind === 'pick') return gradePick(q, answer, startQuestion(q, NO_CHECKPOINTS).sandbox)
    if (q.kind === 'predict') {
      if (!answer) return gradePrediction(q, undefined, '')
      const w = startQuestion(q, NO_CHECKPOINTS)
      runItems(w.sandbox, q.run)
      const shown = readReveal(w.sandbox, q.reveal)
      outputs.push(shown)
      return gradePrediction(q, answer, shown)
    }
    return gradeAnswer(q, answer)
  })
  const result = scoreOf(grades)
  if (replayDigest(outputs) !== header.digest)
    problems.push({
      part: 'replay',
      message: `Replaying the log from seed ${fmt(seed)} does not give the outputs the learner saw: the seed or the log was changed (or the code was made by another version of the simulator).`,
    })
  if (Number.isFinite(claimed) && Math.abs(claimed - result.score) > 0.005)
    problems.push({ part: 'score', message: `The code claims ${fmt(claimed)} points; replaying the attempt gives ${fmt(result.score)} of ${fmt(result.points)}.` })
  return { ...base, quizTitle: quiz.title, verified: problems.length === 0, problems, result }
}
