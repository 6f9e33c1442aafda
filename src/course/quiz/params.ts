import { Document, type Node } from 'yaml'
import { readGoal, type GoalProblem } from '../goals/schema.ts'
import type { Goal } from '../goals/types.ts'
import { createRng, questionSeed } from './rng.ts'
import type { ParamSpec, Question } from './types.ts'

const LETTERS = 'abcdefghijkmnpqrstuvwxyz'

/** Draws one value per parameter, in the order written, from the question's own seeded stream. */
export function drawParams(specs: Readonly<Record<string, ParamSpec>>, seed: number): Record<string, string> {
  const rng = createRng(seed)
  const values: Record<string, string> = {}
  for (const [name, spec] of Object.entries(specs)) {
    if ('pick' in spec) values[name] = String(rng.pick(spec.pick))
    else if ('int' in spec) values[name] = String(rng.int(spec.int[0], spec.int[1]))
    else if ('name' in spec) values[name] = `${spec.name}-${Array.from({ length: 4 }, () => rng.pick([...LETTERS])).join('')}`
    else values[name] = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.0/24`
  }
  return values
}

/** `{{name}}` → its value; an unknown name is left as written (the schema reports it). */
export const fill = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole)

function fillDeep<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return fill(value, values) as T
  if (Array.isArray(value)) return value.map((v: unknown) => fillDeep(v, values)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)])) as T
  return value
}

/**
 * The question as one learner sees it: every `{{param}}` filled in from the seed of their attempt. Deterministic:
 * the same seed gives the same variant, so a verifier rebuilds it from the result code alone.
 */
export function variant<Q extends Question>(question: Q, attemptSeed: number): Q & { values: Record<string, string>; seed: number } {
  const seed = questionSeed(attemptSeed, question.id)
  const values = drawParams(question.params, seed)
  if (question.kind === 'practical') {
    const { goals, ...rest } = question
    const filled = fillDeep(rest, values)
    return { ...filled, goals: goals.map((g) => ({ ...g, goal: goalOf(g.goal, values), ...(g.label ? { label: fill(g.label, values) } : {}) })), values, seed } as unknown as Q & {
      values: Record<string, string>
      seed: number
    }
  }
  return { ...fillDeep(question, values), params: question.params, values, seed } as unknown as Q & { values: Record<string, string>; seed: number }
}

/** A string that is one whole {{param}} with a number value becomes that number (goal fields such as port: {{port}}). */
export function fillValue(text: string, values: Readonly<Record<string, string>>): string | number {
  const filled = fill(text, values)
  return /^\s*\{\{\s*\w+\s*\}\}\s*$/.test(text) && /^\d+$/.test(filled) ? Number(filled) : filled
}

/** The typed goal of a practical question's goal template, once its parameters are filled. */
export function goalOf(template: unknown, values: Readonly<Record<string, string>>): Goal {
  const filled = fillTemplate(template, values)
  const doc = new Document(filled)
  const problems: GoalProblem[] = []
  const goal = readGoal(doc.contents as Node, () => 0, problems)
  if (!goal) throw new Error(`goal does not read: ${problems.map((p) => p.message).join('; ')}`)
  return goal
}

function fillTemplate(v: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof v === 'string') return fillValue(v, values)
  if (Array.isArray(v)) return v.map((i) => fillTemplate(i, values))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillTemplate(x, values)]))
  return v
}
