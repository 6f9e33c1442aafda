import type { Sandbox } from '../../sandbox/types.ts'
import { encodeResult, replayDigest, type QuizResultData, type StoredAnswer } from './code.ts'
import { dictionaryFor } from './dictionary.ts'
import { gradeAnswer, gradePick, gradePractical, gradePrediction, readReveal, runItems } from './grade.ts'
import { variant } from './params.ts'
import { attemptSeed, createRng } from './rng.ts'
import { logItems, outputsSince, startQuestion, type LogItem, type QuestionWorld } from './start.ts'
import type { Answer, Question, QuestionGrade, Quiz } from './types.ts'

export type QuizMode = 'practice' | 'exam'
export type Variant = Question & { values: Record<string, string>; seed: number }

export interface ConceptScore {
  concept: string
  earned: number
  points: number
}

export interface Scored {
  grades: QuestionGrade[]
  score: number
  points: number
  byConcept: ConceptScore[]
}

export interface AttemptOptions {
  learner: string
  mode: QuizMode
  /** 1 for a first attempt; another number draws other variants. */
  attempt?: number
  /** Overrides the seed drawn from the learner's name and attempt (tests). */
  seed?: number
}

const round = (n: number) => Math.round(n * 100) / 100

/** Totals and the score per concept tag, in the order concepts first appear. */
export function scoreOf(grades: QuestionGrade[]): Scored {
  const concepts = new Map<string, ConceptScore>()
  for (const g of grades) {
    for (const c of g.concepts) {
      const s = concepts.get(c) ?? { concept: c, earned: 0, points: 0 }
      s.earned = round(s.earned + g.earned)
      s.points = round(s.points + g.points)
      concepts.set(c, s)
    }
  }
  return {
    grades,
    score: round(grades.reduce((s, g) => s + g.earned, 0)),
    points: round(grades.reduce((s, g) => s + g.points, 0)),
    byConcept: [...concepts.values()],
  }
}

export const storedAnswer = (a: Answer | undefined): StoredAnswer => (a?.kind === 'choice' ? a.picked : a?.kind === 'value' ? a.value : null)
export const answerOf = (q: Question, s: StoredAnswer | undefined): Answer | undefined =>
  s === null || s === undefined ? undefined : Array.isArray(s) ? { kind: 'choice', picked: s } : q.kind === 'practical' ? { kind: 'sandbox' } : { kind: 'value', value: s }

/**
 * One learner's attempt at a quiz, headless: the variants they see (from their seed), their answers, a sandbox per
 * predict or practical question, the grades, and the result code. The quiz panel drives it; tests drive it directly.
 */
export class QuizAttempt {
  readonly quiz: Quiz
  readonly seed: number
  readonly learner: string
  readonly mode: QuizMode
  /** In the quiz file's order. */
  readonly questions: Variant[]
  /** The order questions are shown in: shuffled per seed in exam mode. */
  readonly order: number[]
  private readonly answers: (Answer | undefined)[]
  private readonly tries: number[]
  private readonly worlds = new Map<number, QuestionWorld>()
  private readonly revealed = new Map<number, string>()
  private submitted?: Scored & { code: string }

  constructor(quiz: Quiz, options: AttemptOptions) {
    this.quiz = quiz
    this.learner = options.learner.trim()
    this.mode = options.mode
    this.seed = options.seed ?? attemptSeed(quiz.id, this.learner, options.attempt ?? 1)
    this.questions = quiz.questions.map((q) => variant(q, this.seed) as Variant)
    const indices = quiz.questions.map((_, i) => i)
    this.order = this.mode === 'exam' ? createRng(this.seed ^ 0x51ed27).shuffle(indices) : indices
    this.answers = quiz.questions.map(() => undefined)
    this.tries = quiz.questions.map(() => 0)
  }

  /** The options of a choice question in the order shown: shuffled per seed and question in exam mode. */
  optionOrder(index: number): number[] {
    const q = this.questions[index]
    const n = q.kind === 'single' || q.kind === 'multiple' ? q.options.length : q.kind === 'predict' ? q.options.length : 0
    const all = Array.from({ length: n }, (_, i) => i)
    return this.mode === 'exam' ? createRng(q.seed ^ 0x0c7).shuffle(all) : all
  }

  /** The question's sandbox (started on first use) — the console of a practical question runs here. */
  world(index: number): QuestionWorld {
    const q = this.questions[index]
    if (q.kind !== 'practical' && q.kind !== 'predict' && q.kind !== 'pick') throw new Error(`question ${q.id} has no sandbox`)
    let w = this.worlds.get(index)
    if (!w) {
      w = startQuestion(q)
      this.worlds.set(index, w)
    }
    return w
  }

  sandbox(index: number): Sandbox {
    return this.world(index).sandbox
  }

  triesLeft(index: number): number {
    if (this.submitted) return 0
    return this.mode === 'exam' ? Math.max(0, this.quiz.examAttempts - this.tries[index]) : Infinity
  }

  answerOf(index: number): Answer | undefined {
    return this.answers[index]
  }

  /**
   * Records an answer and returns its grade (practice mode shows it; exam mode keeps it for the end). A predict
   * question runs its commands the first time it is answered and grades the prediction against what the sandbox shows.
   */
  answer(index: number, answer: Answer): QuestionGrade {
    if (this.triesLeft(index) <= 0) throw new Error('no attempts left for this question')
    this.tries[index]++
    this.answers[index] = answer
    return this.grade(index)
  }

  /** What a predict question's run showed (undefined before it ran). */
  revealedOf(index: number): string | undefined {
    return this.revealed.get(index)
  }

  /** The question's grade as things stand (a practical question reads its sandbox now). */
  grade(index: number): QuestionGrade {
    const q = this.questions[index]
    const answer = this.answers[index]
    if (q.kind === 'practical') {
      const w = this.world(index)
      return gradePractical(q, w.sandbox, w.since)
    }
    if (q.kind === 'pick') return gradePick(q, answer, this.world(index).sandbox)
    if (q.kind === 'predict') {
      if (!answer) return gradePrediction(q, undefined, '')
      let shown = this.revealed.get(index)
      if (shown === undefined) {
        const { sandbox } = this.world(index)
        runItems(sandbox, q.run)
        shown = readReveal(sandbox, q.reveal)
        this.revealed.set(index, shown)
      }
      return gradePrediction(q, answer, shown)
    }
    return gradeAnswer(q, answer)
  }

  get isSubmitted(): boolean {
    return this.submitted !== undefined
  }

  /** Grades everything, locks the attempt and makes the result code. */
  submit(): Scored & { code: string } {
    if (this.submitted) return this.submitted
    const grades = this.questions.map((_, i) => this.grade(i))
    const scored = scoreOf(grades)
    const logs: Record<number, LogItem[]> = {}
    const outputs: string[] = []
    this.questions.forEach((q, i) => {
      const w = this.worlds.get(i)
      if (q.kind === 'practical' && w) {
        const { offset, inputs } = w.sandbox.history()
        const items = logItems(inputs.slice(w.since.command - offset))
        if (items.length) logs[i] = items
        outputs.push(...outputsSince(w.sandbox, w.since))
      }
      if (q.kind === 'predict' && this.answers[i]) outputs.push(this.revealed.get(i) ?? '')
    })
    const data: QuizResultData = {
      quizId: this.quiz.id,
      version: this.quiz.version,
      seed: this.seed,
      learner: this.learner,
      score: scored.score,
      answers: this.answers.map(storedAnswer),
      logs,
      digest: replayDigest(outputs),
    }
    this.submitted = { ...scored, code: encodeResult(data, dictionaryFor(this.quiz, this.seed)) }
    return this.submitted
  }
}
