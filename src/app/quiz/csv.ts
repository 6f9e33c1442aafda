import type { Verification } from '../../course/quiz/index.ts'

/** One row of the class table: a code's learner, quiz, status and score per concept. */
export interface ClassRow {
  learner: string
  quiz: string
  verified: boolean
  score?: number
  points?: number
  /** concept → "earned/points" */
  concepts: Record<string, string>
  problems: string[]
}

export function classRows(results: readonly Verification[]): ClassRow[] {
  return results.map((v) => ({
    learner: v.learner || '(unknown)',
    quiz: v.quizTitle ?? v.quizId ?? '(unknown)',
    verified: v.verified,
    ...(v.result ? { score: v.result.score, points: v.result.points } : {}),
    concepts: Object.fromEntries((v.result?.byConcept ?? []).map((c) => [c.concept, `${c.earned}/${c.points}`])),
    problems: v.problems.map((p) => p.message),
  }))
}

export const conceptColumns = (rows: readonly ClassRow[]): string[] => [...new Set(rows.flatMap((r) => Object.keys(r.concepts)))]

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

export function toCsv(rows: readonly ClassRow[]): string {
  const concepts = conceptColumns(rows)
  const head = ['learner', 'quiz', 'verified', 'score', 'points', ...concepts, 'problems']
  const lines = rows.map((r) =>
    [r.learner, r.quiz, r.verified ? 'yes' : 'no', r.score?.toString() ?? '', r.points?.toString() ?? '', ...concepts.map((c) => r.concepts[c] ?? ''), r.problems.join(' ')].map(field).join(','),
  )
  return [head.map(field).join(','), ...lines].join('\r\n') + '\r\n'
}

/** Result codes in pasted text or a CSV: every token that looks like one, in order. */
export const codesIn = (text: string): string[] => text.match(/CSQ1\.[A-Za-z0-9._-]+/g) ?? []
