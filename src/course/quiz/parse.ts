import { isMap, isSeq, visit, type Node, type Pair } from 'yaml'
import type { LessonProblem } from '../lessons/errors.ts'
import { splitFrontMatter } from '../lessons/frontMatter.ts'
import { drawParams } from './params.ts'
import { readPickRule, type PickRule } from './pick.ts'
import { fillTemplateValues, readGoals, readParams, readRun } from './questionFields.ts'
import { slug, splitSections, type Section } from '../lessons/sections.ts'
import type { Option, Question, QuestionKind, Quiz, Reveal, RunItem, WrongAnswer } from './types.ts'
import { fieldOf, keyOf, reader, readYaml, type Problem, type Yaml } from './yamlFields.ts'

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
/** The fenced blocks a quiz claims from a question's Markdown. */
const QUESTION_BLOCK: ReadonlySet<string> = new Set(['question'])
const FRONT = ['id', 'version', 'title', 'summary', 'minutes', 'review', 'examAttempts']

export interface QuizParseResult {
  quiz?: Quiz
  problems: LessonProblem[]
}

/** Parses one quiz file; `file` names it in problems (`lessons/quizzes/fargate-check.md:42: …`). */
export function parseQuiz(source: string, file: string): QuizParseResult {
  const problems: LessonProblem[] = []
  const problem: Problem = (line, message) => problems.push({ file, line, message })
  const split = splitFrontMatter(source, 'quiz', problem)
  if (!split) return { problems }
  const { lines, end } = split
  const front = readYaml(lines.slice(1, end).join('\n'), 2, problem, 'front matter')
  const meta = front && readFront(front, problem)
  const sections = splitSections(lines, end + 1, QUESTION_BLOCK, problem, () => 'a ```question block belongs under a "## " question heading')
  const questions: Question[] = []
  const ids = new Map<string, number>()
  for (const section of sections.sections) {
    const q = readQuestion(section, problem)
    if (!q) continue
    const seen = ids.get(q.id)
    if (seen !== undefined) problem(q.line, `two questions have the id "${q.id}" (the other is at line ${seen}); give one a "{#other-id}"`)
    ids.set(q.id, q.line)
    questions.push(q)
  }
  if (sections.sections.length === 0) problem(end + 2, 'a quiz needs at least one question: a "## Question title" heading with a ```question block')
  if (problems.length || !meta) return { problems }
  return { problems, quiz: { ...meta, intro: sections.intro.trim(), questions, file } }
}

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


function readQuestion(section: Section, problem: Problem): Question | undefined {
  const idMatch = /\s*\{#([a-z0-9-]+)\}\s*$/.exec(section.heading)
  const title = idMatch ? section.heading.slice(0, idMatch.index).trim() : section.heading
  const id = idMatch?.[1] ?? slug(title, 60)
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
