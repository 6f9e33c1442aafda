import type { Goal } from '../goals/types.ts'

/** One thing a solution does, in order: type a command, or edit a working file (as in the Files tab). */
export type SolutionItem =
  | { kind: 'command'; line: string; sourceLine: number }
  /** Replaces `replace` with `with` in `path`; `$NAME` in `with` is the shell variable NAME. */
  | { kind: 'edit'; path: string; replace: string; with: string; sourceLine: number }

export interface Step {
  /** Stable id (progress is kept by it): the heading's `{#id}`, or its words in kebab case. */
  id: string
  title: string
  /** The explanation, as Markdown (goal, hint, solution and edit blocks taken out). */
  body: string
  goal: Goal
  /** Progressive hints, Markdown, shown one at a time. */
  hints: string[]
  solution: SolutionItem[]
  /** 1-based line of the step's heading in the lesson file. */
  line: number
}

/** Where a lesson starts: the default world, then these commands (hidden setup) and these working files. */
export interface StartScenario {
  setup: string[]
  files: Record<string, string>
}

export interface Lesson {
  id: string
  title: string
  summary: string
  objectives: string[]
  estimatedMinutes: number
  start: StartScenario
  /** Markdown before the first step. */
  intro: string
  steps: Step[]
  /** The lesson's file, e.g. `lessons/02-fargate-walkthrough.md` (for messages). */
  file: string
}
