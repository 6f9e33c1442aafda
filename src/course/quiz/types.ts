import type { Goal } from '../goals/types.ts'
import type { PickRule } from './pick.ts'

/**
 * A quiz as authored in lessons/quizzes/*.md (lessons/quizzes/README.md explains every field). Strings may hold
 * `{{name}}` parameters, drawn per learner and attempt (params.ts); `variant()` fills them in.
 */

/** How a parameter is drawn from the question's seeded stream. */
export type ParamSpec =
  | { pick: (string | number)[] }
  /** A whole number in [min, max]. */
  | { int: [number, number] }
  /** A prefix and four random lower-case letters: `web` → `web-kqzd`. */
  | { name: string }
  /** A /24 inside 10.0.0.0/8, e.g. `10.37.12.0/24`. */
  | { cidr: 24 }

export interface Option {
  text: string
  correct?: boolean
  /** Shown when this option was chosen and it is wrong (or, for a correct one, missed). */
  feedback?: string
}

/** Feedback for a particular wrong answer of a numeric or text question. */
export interface WrongAnswer {
  answer: string
  feedback: string
}

/** What a sandbox question runs, in order: a command line, or a move of the virtual clock. */
export type RunItem = { command: string } | { advance: number }

/** What the sandbox shows after a predict question's run, read through the CLI like a learner would. */
export interface Reveal {
  command: string
  /** stdout (trimmed), the AWS error code of stderr, or the exit code. */
  read: 'stdout' | 'errorCode' | 'exitCode'
}

export interface PracticalGoal {
  goal: Goal
  points: number
  label?: string
}

interface Base {
  id: string
  title: string
  /** The prompt, Markdown. */
  prompt: string
  points: number
  concepts: string[]
  hints: string[]
  /** Shown after answering in practice mode, and in the review. */
  explanation?: string
  params: Record<string, ParamSpec>
  /** 1-based line of the question's heading in the quiz file. */
  line: number
}

export type SingleQuestion = Base & { kind: 'single'; options: Option[] }
export type MultipleQuestion = Base & { kind: 'multiple'; options: Option[] }
export type NumericQuestion = Base & { kind: 'numeric'; answer: string; tolerance: number; unit?: string; wrong: WrongAnswer[] }
export type TextQuestion = Base & { kind: 'text'; answers: string[]; wrong: WrongAnswer[] }

/** The sandbox a question starts from: the default world from the question's seed, these files, these commands. */
export interface SandboxStart {
  files: Record<string, string>
  setup: RunItem[]
}

export type PredictQuestion = Base &
  SandboxStart & {
    kind: 'predict'
    run: RunItem[]
    reveal: Reveal
    /** Choices to predict from (one is what the sandbox shows); without them the learner types the prediction. */
    options: string[]
  }

export type PracticalQuestion = Base &
  SandboxStart & {
    kind: 'practical'
    goals: PracticalGoal[]
    /** The reference solution (tests replay it for many seeds). */
    solution: RunItem[]
    /** A typical mistake and the points it earns (tests hold the author to it). */
    mistake?: { run: RunItem[]; points: number }
  }

/** "Click the part": the learner selects a resource in the question's diagram; `answer` is the rule that says which. */
export type PickQuestion = Base &
  SandboxStart & {
    kind: 'pick'
    answer: PickRule
  }

export type Question = SingleQuestion | MultipleQuestion | NumericQuestion | TextQuestion | PredictQuestion | PracticalQuestion | PickQuestion
export type QuestionKind = Question['kind']

export interface Quiz {
  id: string
  /** Bumped whenever a question changes: a result code names the version it was graded with. */
  version: number
  title: string
  summary: string
  /** The exam's time limit. */
  minutes: number
  /** Whether the review after submission shows the correct answers. */
  review: boolean
  /** Attempts per question in exam mode. */
  examAttempts: number
  intro: string
  questions: Question[]
  file: string
}

/** A learner's answer, by the options' authored order (never the shuffled one), so grading ignores the shuffle. */
export type Answer =
  | { kind: 'choice'; picked: number[] }
  | { kind: 'value'; value: string }
  /** Practical questions: what counts is the sandbox. */
  | { kind: 'sandbox' }

export interface GoalMark {
  label: string
  met: boolean
  points: number
  earned: number
  detail?: string
}

export interface QuestionGrade {
  questionId: string
  points: number
  earned: number
  correct: boolean
  /** Feedback on this answer (the author's, for a wrong one). */
  feedback: string[]
  /** Practical questions: each goal and its points. */
  goals?: GoalMark[]
  /** Predict questions: what the sandbox showed. Pick questions: the resources that were right. */
  revealed?: string
  concepts: string[]
}
