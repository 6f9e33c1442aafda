import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml'
import { readGoal, type GoalProblem } from '../goals/schema.ts'
import type { Goal } from '../goals/types.ts'
import type { LessonProblem } from './errors.ts'
import type { Lesson, SolutionItem, Step } from './types.ts'
import { splitFrontMatter } from './frontMatter.ts'
import { slug, splitSections, type Block, type Section } from './sections.ts'

/*
 * The lesson file format (lessons/README.md explains it to authors):
 *
 *   file        := "---" NEWLINE frontMatter "---" NEWLINE intro step*
 *   frontMatter := YAML: id, title, summary, objectives, estimatedMinutes, start { setup, files }
 *   intro       := Markdown up to the first "## " heading
 *   step        := "## " title ["{#" id "}"] NEWLINE (Markdown | goalBlock | hintBlock | solutionBlock | editBlock)*
 *   goalBlock   := "```goal"     YAML goal (a list means all of them)        "```"   exactly one per step
 *   hintBlock   := "```hint"     Markdown                                      "```"   zero or more, in order
 *   solutionBlock := "```solution" command lines ("\" continues; "#" comments) "```"
 *   editBlock   := "```edit"     YAML { file, replace, with }                  "```"   part of the solution, in order
 *
 * Other fenced blocks (```sh …) stay in the explanation; the panel gives them a "Paste into console" button.
 */

const SPECIAL = new Set(['goal', 'hint', 'solution', 'edit'])
const FRONT_KEYS = ['id', 'title', 'summary', 'objectives', 'estimatedMinutes', 'start']

export interface ParseResult {
  lesson?: Lesson
  problems: LessonProblem[]
}

/** Parses one lesson file; `file` names it in problems (e.g. `lessons/01-containers.md`). */
export function parseLesson(source: string, file: string): ParseResult {
  const problems: LessonProblem[] = []
  const problem = (line: number, message: string) => problems.push({ file, line, message })
  const split = splitFrontMatter(source, 'lesson', problem)
  if (!split) return { problems }
  const { lines, end } = split
  const front = readFrontMatter(lines.slice(1, end).join('\n'), 2, problem)
  const body = splitSections(lines, end + 1, SPECIAL, problem, (info) => `a \`\`\`${info} block belongs in a step (after a "## " heading)`)

  const steps: Step[] = []
  const ids = new Map<string, number>()
  for (const raw of body.sections) {
    const step = readStep(raw, problem)
    if (!step) continue
    const seen = ids.get(step.id)
    if (seen !== undefined) problem(step.line, `two steps have the id "${step.id}" (the other is at line ${seen}); give one a "{#other-id}"`)
    ids.set(step.id, step.line)
    steps.push(step)
  }
  if (body.sections.length === 0) problem(end + 2, 'a lesson needs at least one step: a "## Step title" heading with a ```goal block')
  if (problems.length || !front) return { problems }
  return { problems, lesson: { ...front, intro: body.intro.trim(), steps, file } }
}

type Problem = (line: number, message: string) => void
type Front = Omit<Lesson, 'intro' | 'steps' | 'file'>

function readFrontMatter(text: string, firstLine: number, problem: Problem): Front | undefined {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  const lineOf = (offset: number | undefined) => (offset === undefined ? firstLine : counter.linePos(offset).line + firstLine - 1)
  for (const error of doc.errors) problem(lineOf(error.pos[0]), `front matter is not valid YAML: ${error.message.split('\n')[0]}`)
  if (doc.errors.length) return undefined
  const root = doc.contents
  if (!isMap(root)) {
    problem(firstLine, 'front matter must be YAML fields (id: …, title: …)')
    return undefined
  }
  const field = (name: string): Pair | undefined => root.items.find((p) => isScalar(p.key) && p.key.value === name) as Pair | undefined
  const lineOfPair = (p: Pair | undefined) => lineOf((p?.key as Node | undefined)?.range?.[0])
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    if (!FRONT_KEYS.includes(key)) problem(lineOfPair(pair as Pair), `unknown front matter field "${key}" (fields: ${FRONT_KEYS.join(', ')})`)
  }
  const text_ = (name: string): string => {
    const pair = field(name)
    const value = pair?.value
    if (!pair) problem(firstLine, `front matter needs "${name}"`)
    else if (!isScalar(value) || typeof value.value !== 'string' || !value.value.trim()) problem(lineOfPair(pair), `${name} must be text`)
    else return value.value.trim()
    return ''
  }
  const id = text_('id')
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problem(lineOfPair(field('id')), `id "${id}" must be lower-case words joined by "-"`)
  const title = text_('title')
  const summary = text_('summary')
  const objectivesPair = field('objectives')
  let objectives: string[] = []
  if (!objectivesPair) problem(firstLine, 'front matter needs "objectives" (a list of what the learner will be able to do)')
  else if (!isSeq(objectivesPair.value) || !objectivesPair.value.items.every((i) => isScalar(i) && typeof i.value === 'string'))
    problem(lineOfPair(objectivesPair), 'objectives must be a list of text lines')
  else objectives = objectivesPair.value.items.map((i) => String((i as { value: unknown }).value))
  const minutesPair = field('estimatedMinutes')
  const minutes = isScalar(minutesPair?.value) ? minutesPair.value.value : undefined
  if (!minutesPair) problem(firstLine, 'front matter needs "estimatedMinutes"')
  else if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) problem(lineOfPair(minutesPair), 'estimatedMinutes must be a whole number of minutes')

  const start = { setup: [] as string[], files: {} as Record<string, string> }
  const startPair = field('start')
  if (startPair) {
    const value = startPair.value
    if (isScalar(value) && value.value === 'default') {
      // the default world, as is
    } else if (!isMap(value)) problem(lineOfPair(startPair), 'start is "default", or fields setup (a list of commands) and files (name: contents)')
    else {
      for (const pair of value.items as Pair[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : ''
        const v = pair.value
        if (key === 'setup') {
          if (isSeq(v) && v.items.every((i) => isScalar(i) && typeof i.value === 'string')) start.setup = v.items.map((i) => String((i as { value: unknown }).value))
          else problem(lineOfPair(pair), 'start.setup must be a list of commands')
        } else if (key === 'files') {
          if (isMap(v) && v.items.every((p) => isScalar(p.value) && typeof p.value.value === 'string'))
            start.files = Object.fromEntries(v.items.map((p) => [String((p.key as { value: unknown }).value), String((p.value as { value: unknown }).value)]))
          else problem(lineOfPair(pair), 'start.files maps file names to their contents (use "|" for several lines)')
        } else if (key !== 'scenario') problem(lineOfPair(pair), `start has no field "${key}" (fields: setup, files)`)
      }
    }
  }
  return { id, title, summary, objectives, estimatedMinutes: typeof minutes === 'number' ? minutes : 0, start }
}

function readStep(raw: Section, problem: Problem): Step | undefined {
  const idMatch = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(raw.heading)
  const title = idMatch ? raw.heading.slice(0, idMatch.index).trim() : raw.heading
  const id = idMatch?.[1] ?? slug(title)
  if (!id) problem(raw.line, 'a step needs a title')
  const goals = raw.blocks.filter((b) => b.info === 'goal')
  if (goals.length !== 1) {
    problem(goals[1]?.line ?? raw.line, goals.length === 0 ? `step "${title}" has no \`\`\`goal block` : `step "${title}" has more than one \`\`\`goal block; list the goals in one block`)
  }
  let goal: Goal | undefined
  if (goals[0]) goal = readGoalBlock(goals[0], problem)
  const hints = raw.blocks.filter((b) => b.info === 'hint').map((b) => b.text.trim())
  const solution: SolutionItem[] = []
  for (const block of raw.blocks) {
    if (block.info === 'solution') solution.push(...readCommands(block))
    if (block.info === 'edit') {
      const edit = readEdit(block, problem)
      if (edit) solution.push(edit)
    }
  }
  if (solution.length === 0) problem(raw.line, `step "${title}" has no \`\`\`solution block`)
  if (!goal || !id) return undefined
  return { id, title, body: raw.markdown.join('\n').trim(), goal, hints, solution, line: raw.line }
}

function readGoalBlock(block: Block, problem: Problem): Goal | undefined {
  const counter = new LineCounter()
  const doc = parseDocument(block.text, { lineCounter: counter, prettyErrors: false })
  const first = block.line + 1
  const lineAt = (offset: number | undefined) => (offset === undefined ? block.line : counter.linePos(offset).line + first - 1)
  for (const error of doc.errors) problem(lineAt(error.pos[0]), `the goal is not valid YAML: ${error.message.split('\n')[0]}`)
  if (doc.errors.length) return undefined
  const problems: GoalProblem[] = []
  const lineOf = (node: Node | Pair | null | undefined): number => {
    if (!node) return block.line
    const range = isPair(node) ? (node.key as Node | null)?.range : node.range
    return lineAt(range?.[0])
  }
  const goal = readGoal(doc.contents as Node | null, lineOf, problems)
  for (const p of problems) problem(p.line, `goal: ${p.message}`)
  return problems.length ? undefined : goal
}

/** Command lines of a solution block: `\` at the end continues a command; blank lines and `#` comments are skipped. */
function readCommands(block: Block): SolutionItem[] {
  const items: SolutionItem[] = []
  let pending: { text: string[]; line: number } | undefined
  block.text.split('\n').forEach((line, i) => {
    const lineNo = block.line + 1 + i
    if (!pending && (!line.trim() || line.trim().startsWith('#'))) return
    pending ??= { text: [], line: lineNo }
    pending.text.push(line)
    if (!/\\\s*$/.test(line)) {
      items.push({ kind: 'command', line: pending.text.join('\n').trim(), sourceLine: pending.line })
      pending = undefined
    }
  })
  if (pending) items.push({ kind: 'command', line: pending.text.join('\n').trim(), sourceLine: pending.line })
  return items
}

function readEdit(block: Block, problem: Problem): SolutionItem | undefined {
  const doc = parseDocument(block.text, { prettyErrors: false })
  const value: unknown = doc.errors.length ? undefined : doc.toJSON()
  const v = value as Record<string, unknown> | undefined
  if (!v || typeof v !== 'object' || typeof v.file !== 'string' || typeof v.replace !== 'string' || typeof v.with !== 'string') {
    problem(block.line, 'an ```edit block has three fields: file, replace and with (all text)')
    return undefined
  }
  const extra = Object.keys(v).filter((k) => !['file', 'replace', 'with'].includes(k))
  if (extra.length) problem(block.line, `an \`\`\`edit block has no field ${extra.map((k) => `"${k}"`).join(', ')} (fields: file, replace, with)`)
  return { kind: 'edit', path: v.file, replace: v.replace, with: v.with, sourceLine: block.line }
}
