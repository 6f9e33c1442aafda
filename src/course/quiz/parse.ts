import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { readGoal, type GoalProblem } from '../goals/schema.ts'
import type { Goal } from '../goals/types.ts'
import type { LessonProblem } from '../lessons/errors.ts'
import { drawParams, fillValue } from './params.ts'
import { readPickRule, type PickRule } from './pick.ts'
import type { Option, ParamSpec, PracticalGoal, Question, QuestionKind, Quiz, Reveal, RunItem, WrongAnswer } from './types.ts'
import { splitFrontMatter } from '../lessons/frontMatter.ts'

/*
 * The quiz file format (lessons/quizzes/README.md explains it to authors):
 *
 *   file      := "---" NEWLINE frontMatter "---" NEWLINE intro question+
 *   frontMatter := YAML: id, version, title, summary, minutes, review, examAttempts
 *   question  := "## " title ["{#" id "}"] NEWLINE prompt (Markdown) questionBlock
 *   questionBlock := "```question" YAML (kind and the kind's fields, see FIELDS) "```"    exactly one per question
 */

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple', 'numeric', 'text', 'predict', 'practical', 'pick']
const COMMON = ['kind', 'points', 'concepts', 'hints', 'explanation', 'params']
const SANDBOX = ['files', 'setup']
/** The fields each kind takes besides the common ones. */
export const FIELDS: Record<QuestionKind, string[]> = {
  single: ['options'],
  multiple: ['options'],
  numeric: ['answer', 'tolerance', 'unit', 'wrong'],
  text: ['answers', 'wrong'],
  predict: [...SANDBOX, 'run', 'reveal', 'options'],
  practical: [...SANDBOX, 'goals', 'solution', 'mistake'],
  pick: [...SANDBOX, 'answer'],
}
const FRONT = ['id', 'version', 'title', 'summary', 'minutes', 'review', 'examAttempts']

export interface QuizParseResult {
  quiz?: Quiz
  problems: LessonProblem[]
}

type Problem = (line: number, message: string) => void

/** Parses one quiz file; `file` names it in problems (`lessons/quizzes/fargate-check.md:42: …`). */
export function parseQuiz(source: string, file: string): QuizParseResult {
  const problems: LessonProblem[] = []
  const problem: Problem = (line, message) => problems.push({ file, line, message })
  const split = splitFrontMatter(source, 'quiz', problem)
  if (!split) return { problems }
  const { lines, end } = split
  const front = readYaml(lines.slice(1, end).join('\n'), 2, problem, 'front matter')
  const meta = front && readFront(front, problem)
  const sections = splitSections(lines, end + 1, problem)
  const questions: Question[] = []
  const ids = new Map<string, number>()
  for (const section of sections.questions) {
    const q = readQuestion(section, problem)
    if (!q) continue
    const seen = ids.get(q.id)
    if (seen !== undefined) problem(q.line, `two questions have the id "${q.id}" (the other is at line ${seen}); give one a "{#other-id}"`)
    ids.set(q.id, q.line)
    questions.push(q)
  }
  if (sections.questions.length === 0) problem(end + 2, 'a quiz needs at least one question: a "## Question title" heading with a ```question block')
  if (problems.length || !meta) return { problems }
  return { problems, quiz: { ...meta, intro: sections.intro.trim(), questions, file } }
}

interface Yaml {
  root: Node | null
  lineOf: (node: Node | Pair | null | undefined) => number
  doc: Document
}

function readYaml(text: string, firstLine: number, problem: Problem, what: string): Yaml | undefined {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  const at = (offset: number | undefined) => (offset === undefined ? firstLine : counter.linePos(offset).line + firstLine - 1)
  for (const error of doc.errors) problem(at(error.pos[0]), `${what} is not valid YAML: ${error.message.split('\n')[0]}`)
  if (doc.errors.length) return undefined
  const lineOf = (node: Node | Pair | null | undefined): number => {
    if (!node) return firstLine
    const range = isPair(node) ? ((node.key as Node | null)?.range ?? (node.value as Node | null)?.range) : node.range
    return at(range?.[0])
  }
  return { root: doc.contents as Node | null, lineOf, doc }
}

const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : '')
const fieldOf = (map: YAMLMap, name: string): Pair | undefined => map.items.find((p) => keyOf(p as Pair) === name) as Pair | undefined

function readFront(y: Yaml, problem: Problem): Omit<Quiz, 'intro' | 'questions' | 'file'> | undefined {
  if (!isMap(y.root)) {
    problem(2, 'front matter must be YAML fields (id: …, title: …)')
    return undefined
  }
  const map = y.root
  for (const pair of map.items as Pair[]) if (!FRONT.includes(keyOf(pair))) problem(y.lineOf(pair), `unknown front matter field "${keyOf(pair)}" (fields: ${FRONT.join(', ')})`)
  const r = reader(map, y.lineOf, problem, 2)
  const id = r.text('id', true)
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) problem(y.lineOf(fieldOf(map, 'id')), `id "${id}" must be lower-case words joined by "-"`)
  return {
    id,
    version: r.whole('version', true) ?? 1,
    title: r.text('title', true),
    summary: r.text('summary', true),
    minutes: r.whole('minutes', true) ?? 10,
    review: r.bool('review') ?? true,
    examAttempts: r.whole('examAttempts') ?? 1,
  }
}

/** Typed field readers over one YAML mapping; a wrong type is a problem at the field's line. */
function reader(map: YAMLMap, lineOf: Yaml['lineOf'], problem: Problem, fallbackLine: number) {
  const value = (name: string): unknown => {
    const v = fieldOf(map, name)?.value
    return isScalar(v) ? v.value : v ? (v as Node).toJSON() : undefined
  }
  const line = (name: string) => {
    const pair = fieldOf(map, name)
    return pair ? lineOf(pair) : fallbackLine
  }
  const need = (name: string, required: boolean) => {
    if (required && !fieldOf(map, name)) problem(fallbackLine, `"${name}" is required here`)
    return fieldOf(map, name) !== undefined
  }
  return {
    line,
    node: (name: string) => fieldOf(map, name)?.value as Node | null | undefined,
    text(name: string, required = false): string {
      if (!need(name, required)) return ''
      const v = value(name)
      if (typeof v === 'string' && v.trim()) return v.trim()
      if (typeof v === 'number') return String(v)
      problem(line(name), `${name} must be text`)
      return ''
    },
    whole(name: string, required = false): number | undefined {
      if (!need(name, required)) return undefined
      const v = value(name)
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v
      problem(line(name), `${name} must be a whole number above 0`)
      return undefined
    },
    number(name: string): number | undefined {
      if (!need(name, false)) return undefined
      const v = value(name)
      if (typeof v === 'number' && v >= 0) return v
      problem(line(name), `${name} must be a number (0 or more)`)
      return undefined
    },
    bool(name: string): boolean | undefined {
      if (!need(name, false)) return undefined
      const v = value(name)
      if (typeof v === 'boolean') return v
      problem(line(name), `${name} must be true or false`)
      return undefined
    },
    texts(name: string, required = false): string[] {
      if (!need(name, required)) return []
      const v = value(name)
      if (Array.isArray(v) && v.every((i) => typeof i === 'string' || typeof i === 'number') && (!required || v.length)) return v.map(String)
      problem(line(name), `${name} must be a list of text lines`)
      return []
    },
    value,
  }
}

interface Section {
  heading: string
  line: number
  markdown: string[]
  blocks: { text: string; line: number }[]
}

function splitSections(lines: string[], from: number, problem: Problem): { intro: string; questions: Section[] } {
  const intro: string[] = []
  const questions: Section[] = []
  let fence: { marker: string; info: string; line: number; text: string[]; raw: string[] } | undefined
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]
    const current = questions.at(-1)
    if (fence) {
      const t = line.trim()
      if (t.startsWith(fence.marker) && t.replace(/^[`~]+/, '') === '') {
        if (fence.info === 'question') {
          if (current) current.blocks.push({ text: fence.text.join('\n'), line: fence.line })
          else problem(fence.line, 'a ```question block belongs under a "## " question heading')
        } else (current ? current.markdown : intro).push(...fence.raw, line)
        fence = undefined
      } else {
        fence.text.push(line)
        fence.raw.push(line)
      }
      continue
    }
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line)
    if (open) fence = { marker: open[1], info: open[2].toLowerCase(), line: i + 1, text: [], raw: [line] }
    else if (/^## /.test(line)) questions.push({ heading: line.slice(3).trim(), line: i + 1, markdown: [], blocks: [] })
    else (current ? current.markdown : intro).push(line)
  }
  if (fence) problem(fence.line, 'this fenced block is never closed')
  return { intro: intro.join('\n'), questions }
}

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[`'’"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')

function readQuestion(section: Section, problem: Problem): Question | undefined {
  const idMatch = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(section.heading)
  const title = idMatch ? section.heading.slice(0, idMatch.index).trim() : section.heading
  const id = idMatch?.[1] ?? slug(title)
  if (!id) problem(section.line, 'a question needs a title')
  if (section.blocks.length !== 1) {
    problem(section.blocks[1]?.line ?? section.line, section.blocks.length ? `question "${title}" has more than one \`\`\`question block` : `question "${title}" has no \`\`\`question block`)
    return undefined
  }
  const block = section.blocks[0]
  const y = readYaml(block.text, block.line + 1, problem, 'the question')
  if (!y) return undefined
  if (!isMap(y.root)) {
    problem(block.line, 'a ```question block holds YAML fields: kind, points, concepts, …')
    return undefined
  }
  const map = y.root
  const r = reader(map, y.lineOf, problem, block.line)
  const kind = r.text('kind', true) as QuestionKind
  if (!QUESTION_KINDS.includes(kind)) {
    if (kind) problem(r.line('kind'), `kind "${kind}" is not a question kind (kinds: ${QUESTION_KINDS.join(', ')})`)
    return undefined
  }
  const allowed = [...COMMON, ...FIELDS[kind]]
  for (const pair of map.items as Pair[]) {
    const key = keyOf(pair)
    if (!allowed.includes(key)) {
      const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase() || (a.length > 3 && (a.startsWith(key.slice(0, 4)) || key.startsWith(a.slice(0, 4)))))
      problem(y.lineOf(pair), `a ${kind} question has no field "${key}"${near ? ` (did you mean "${near}"?)` : ` (fields: ${allowed.join(', ')})`}`)
    }
  }
  const params = readParams(r.node('params'), y.lineOf, problem)
  const sample = drawParams(params, 0)
  const base = {
    id,
    title,
    prompt: section.markdown.join('\n').trim(),
    points: r.number('points') ?? 1,
    concepts: r.texts('concepts', true),
    hints: r.texts('hints'),
    params,
    line: section.line,
    ...(r.text('explanation') ? { explanation: r.text('explanation') } : {}),
  }
  // Every {{name}} must be a declared parameter.
  visit(y.doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return
      for (const m of node.value.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
        if (!(m[1] in params)) problem(y.lineOf(node), `{{${m[1]}}} is not a parameter of this question (declare it under params)`)
      }
    },
  })
  const options = (): Option[] => {
    const node = r.node('options')
    if (!isSeq(node) || node.items.length < 2) {
      problem(r.line('options'), 'options must be a list of at least two: "- text: …" with "correct: true" on the right ones')
      return []
    }
    const out: Option[] = []
    for (const item of node.items) {
      if (!isMap(item)) {
        problem(y.lineOf(item as Node), 'an option is "- text: …", with optional correct: true and feedback: …')
        continue
      }
      const o = reader(item, y.lineOf, problem, y.lineOf(item))
      for (const pair of item.items as Pair[]) if (!['text', 'correct', 'feedback'].includes(keyOf(pair))) problem(y.lineOf(pair), `an option has no field "${keyOf(pair)}" (fields: text, correct, feedback)`)
      const feedback = o.text('feedback')
      out.push({ text: o.text('text', true), ...(o.bool('correct') ? { correct: true } : {}), ...(feedback ? { feedback } : {}) })
    }
    const right = out.filter((o) => o.correct).length
    if (kind === 'single' && right !== 1) problem(r.line('options'), `a single-choice question has exactly one correct option (found ${right})`)
    if (kind === 'multiple' && right < 1) problem(r.line('options'), 'a multiple-choice question needs at least one correct option')
    return out
  }
  const wrong = (): WrongAnswer[] => {
    const v = r.value('wrong')
    if (v === undefined) return []
    if (Array.isArray(v) && v.every((w) => w && typeof w === 'object' && 'answer' in w && typeof (w as WrongAnswer).feedback === 'string'))
      return (v as WrongAnswer[]).map((w) => ({ answer: String(w.answer), feedback: w.feedback }))
    problem(r.line('wrong'), 'wrong is a list of "- answer: …" with "feedback: …"')
    return []
  }
  const run = (name: string, required: boolean): RunItem[] => (r.node(name) === undefined && !required ? [] : readRun(r.node(name), name, r.line(name), y.lineOf, problem))
  const sandboxStart = () => {
    const files = r.value('files')
    if (files !== undefined && (typeof files !== 'object' || Array.isArray(files) || !Object.values(files as object).every((t) => typeof t === 'string')))
      problem(r.line('files'), 'files maps file names to their contents (use "|" for several lines)')
    return { files: (files as Record<string, string> | undefined) ?? {}, setup: run('setup', false) }
  }
  switch (kind) {
    case 'single':
    case 'multiple':
      return { ...base, kind, options: options() }
    case 'numeric': {
      const answer = r.value('answer')
      if (typeof answer !== 'number' && !(typeof answer === 'string' && /^\{\{\w+\}\}$/.test(answer.trim()))) problem(r.line('answer'), 'answer must be a number (or one {{parameter}})')
      const unit = r.text('unit')
      return { ...base, kind, answer: String(answer ?? ''), tolerance: r.number('tolerance') ?? 0, ...(unit ? { unit } : {}), wrong: wrong() }
    }
    case 'text':
      return { ...base, kind, answers: r.texts('answers', true), wrong: wrong() }
    case 'predict': {
      const reveal = r.value('reveal') as Partial<Reveal> | undefined
      if (!reveal || typeof reveal.command !== 'string' || !['stdout', 'errorCode', 'exitCode'].includes(String(reveal.read)))
        problem(r.line('reveal'), 'reveal needs command: (what shows the outcome) and read: stdout, errorCode or exitCode')
      return { ...base, kind, ...sandboxStart(), run: run('run', true), reveal: (reveal ?? { command: '', read: 'stdout' }) as Reveal, options: r.texts('options') }
    }
    case 'practical': {
      const goals = readGoals(r.node('goals'), r.line('goals'), y, sample, problem)
      const mistakeNode = r.node('mistake')
      let mistake: { run: RunItem[]; points: number } | undefined
      if (mistakeNode !== undefined) {
        if (!isMap(mistakeNode)) problem(r.line('mistake'), 'mistake has run: (a list of commands) and points: (what that earns)')
        else {
          const m = reader(mistakeNode, y.lineOf, problem, r.line('mistake'))
          mistake = { run: readRun(m.node('run'), 'mistake.run', m.line('run'), y.lineOf, problem), points: m.number('points') ?? 0 }
        }
      }
      const points = goals.reduce((sum, g) => sum + g.points, 0)
      return { ...base, points, kind, ...sandboxStart(), goals, solution: run('solution', true), ...(mistake ? { mistake } : {}) }
    }
    case 'pick': {
      const rule = r.value('answer')
      // Checked on a sample variant (parameters filled with seed 0's draw), so "{{service}}" reads as a name.
      const checked = readPickRule(fillTemplateValues(rule, sample))
      if (typeof checked === 'string') problem(r.line('answer'), checked)
      return { ...base, kind, ...sandboxStart(), answer: rule as PickRule }
    }
  }
}

function readParams(node: Node | null | undefined, lineOf: Yaml['lineOf'], problem: Problem): Record<string, ParamSpec> {
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

function readRun(node: Node | null | undefined, name: string, line: number, lineOf: Yaml['lineOf'], problem: Problem): RunItem[] {
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
function readGoals(node: Node | null | undefined, line: number, y: Yaml, sample: Record<string, string>, problem: Problem): PracticalGoal[] {
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


function fillTemplateValues(v: unknown, values: Record<string, string>): unknown {
  if (typeof v === 'string') return fillValue(v, values)
  if (Array.isArray(v)) return v.map((i) => fillTemplateValues(i, values))
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillTemplateValues(x, values)]))
  return v
}
