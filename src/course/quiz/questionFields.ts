import { isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml'
import { readGoal, type GoalProblem } from '../goals/schema.ts'
import type { Goal } from '../goals/types.ts'
import { fillValue } from './params.ts'
import type { ParamSpec, PracticalGoal, RunItem } from './types.ts'
import { fieldOf, keyOf, type Problem, type Yaml } from './yamlFields.ts'

/* Readers of a question's structured fields: params, run lists, goals with points, and templates filled with values. */

export function readParams(node: Node | null | undefined, lineOf: Yaml['lineOf'], problem: Problem): Record<string, ParamSpec> {
  if (node === undefined || node === null) return {}
  if (!isMap(node)) {
    problem(lineOf(node), 'params maps names to how they are drawn: { pick: [a, b] }, { int: [1, 9] }, { name: web } or { cidr: 24 }')
    return {}
  }
  const out: Record<string, ParamSpec> = {}
  for (const pair of node.items as Pair[]) {
    const v = (pair.value as Node | null)?.toJSON() as Record<string, unknown> | null
    const ok =
      v &&
      typeof v === 'object' &&
      Object.keys(v).length === 1 &&
      ((Array.isArray(v.pick) && v.pick.length > 0) ||
        (Array.isArray(v.int) && v.int.length === 2 && v.int.every(Number.isInteger) && (v.int[0] as number) <= (v.int[1] as number)) ||
        typeof v.name === 'string' ||
        v.cidr === 24)
    if (!ok) problem(lineOf(pair), `parameter "${keyOf(pair)}" is drawn by one of { pick: [a, b] }, { int: [min, max] }, { name: prefix }, { cidr: 24 }`)
    else out[keyOf(pair)] = v as unknown as ParamSpec
  }
  return out
}

export function readRun(node: Node | null | undefined, name: string, line: number, lineOf: Yaml['lineOf'], problem: Problem): RunItem[] {
  if (!isSeq(node)) {
    problem(line, `${name} must be a list of commands (and "- advance: milliseconds" to move the clock)`)
    return []
  }
  const out: RunItem[] = []
  for (const item of node.items) {
    const v = (item as Node).toJSON() as unknown
    if (typeof v === 'string' && v.trim()) out.push({ command: v.trim() })
    else if (v && typeof v === 'object' && Number.isInteger((v as { advance?: unknown }).advance) && Object.keys(v).length === 1) out.push({ advance: (v as { advance: number }).advance })
    else problem(lineOf(item as Node), `an item of ${name} is a command line or "advance: milliseconds"`)
  }
  return out
}

/** Goals with points: each item is one goal of the lessons' vocabulary plus `points:` (and an optional label). */
export function readGoals(node: Node | null | undefined, line: number, y: Yaml, sample: Record<string, string>, problem: Problem): PracticalGoal[] {
  if (!isSeq(node) || node.items.length === 0) {
    problem(line, 'goals must be a list: each item one goal (as in lessons) with points:')
    return []
  }
  const out: PracticalGoal[] = []
  for (const item of node.items) {
    if (!isMap(item)) {
      problem(y.lineOf(item as Node), 'a goal item is a mapping such as "service: { … }" with "points: 2"')
      continue
    }
    const pointsPair = fieldOf(item, 'points')
    const points = isScalar(pointsPair?.value) ? pointsPair.value.value : undefined
    if (typeof points !== 'number' || points <= 0) problem(pointsPair ? y.lineOf(pointsPair) : y.lineOf(item), 'each goal needs points: (a number above 0)')
    const copy = item.clone() as YAMLMap
    copy.items = copy.items.filter((p) => keyOf(p as Pair) !== 'points')
    const template = copy.toJSON() as Record<string, unknown>
    // Validate a sample variant (parameters filled with the draw of seed 0), at the lines of the original.
    visit(copy, {
      Scalar(_, s) {
        if (typeof s.value === 'string' && s.value.includes('{{')) s.value = fillValue(s.value, sample)
      },
    })
    const problems: GoalProblem[] = []
    readGoal(copy, y.lineOf, problems)
    for (const p of problems) problem(p.line, `goal: ${p.message}`)
    const label = typeof template.label === 'string' ? template.label : undefined
    out.push({ goal: template as unknown as Goal, points: typeof points === 'number' ? points : 0, ...(label ? { label } : {}) })
  }
  return out
}

/** A template (a pick rule, a goal) with its {{parameters}} filled. */
export function fillTemplateValues(v: unknown, values: Record<string, string>): unknown {
  if (typeof v === 'string') return fillValue(v, values)
  if (Array.isArray(v)) return v.map((i) => fillTemplateValues(i, values))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillTemplateValues(x, values)]))
  return v
}
