import type { Sandbox } from '../../sandbox/types.ts'
import { evaluateGoal } from '../goals/evaluate.ts'
import { errorCodeOf } from '../goals/errorCode.ts'
import type { CommandRecord, GoalContext, Mark } from '../goals/types.ts'
import { readNumber, textMatches } from './match.ts'
import { pickTargets } from './pick.ts'
import type { Answer, GoalMark, PickQuestion, PracticalQuestion, PredictQuestion, Question, QuestionGrade, Reveal, RunItem } from './types.ts'

const round = (n: number) => Math.round(n * 100) / 100

/** Grades a question that needs no sandbox (choice, numeric, text). */
export function gradeAnswer(q: Exclude<Question, PredictQuestion | PracticalQuestion | PickQuestion>, answer: Answer | undefined): QuestionGrade {
  const base = { questionId: q.id, points: q.points, concepts: q.concepts }
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const picked = new Set(answer?.kind === 'choice' ? answer.picked : [])
      const correct = q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0)
      const right = correct.filter((i) => picked.has(i)).length
      const wrong = [...picked].filter((i) => !q.options[i]?.correct).length
      const exact = wrong === 0 && right === correct.length
      const share = q.kind === 'single' ? (exact ? 1 : 0) : Math.max(0, right - wrong) / correct.length
      const feedback = [...picked].filter((i) => !q.options[i]?.correct && q.options[i]?.feedback).map((i) => q.options[i].feedback as string)
      if (q.kind === 'multiple') correct.filter((i) => !picked.has(i) && q.options[i].feedback).forEach((i) => feedback.push(q.options[i].feedback as string))
      return { ...base, earned: round(q.points * share), correct: exact, feedback }
    }
    case 'numeric': {
      const given = answer?.kind === 'value' ? readNumber(answer.value) : undefined
      const want = Number(q.answer)
      const ok = given !== undefined && Math.abs(given - want) <= q.tolerance
      return { ...base, earned: ok ? q.points : 0, correct: ok, feedback: ok ? [] : wrongFeedback(q.wrong, answer, (a, w) => readNumber(a) === readNumber(w)) }
    }
    case 'text': {
      const given = answer?.kind === 'value' ? answer.value : ''
      const ok = q.answers.some((a) => textMatches(given, a))
      return { ...base, earned: ok ? q.points : 0, correct: ok, feedback: ok ? [] : wrongFeedback(q.wrong, answer, textMatches) }
    }
  }
}

function wrongFeedback(wrong: { answer: string; feedback: string }[], answer: Answer | undefined, same: (a: string, b: string) => boolean): string[] {
  const given = answer?.kind === 'value' ? answer.value : ''
  return wrong.filter((w) => same(given, w.answer)).map((w) => w.feedback)
}

/** Runs items on a sandbox in order (commands as typed; clock moves). */
export function runItems(sandbox: Sandbox, items: readonly RunItem[]): void {
  for (const item of items) {
    if ('command' in item) sandbox.exec(item.command)
    else sandbox.advance(item.advance)
  }
}

/** What the sandbox shows for a reveal, read from what the command printed (as a learner would read it). */
export function readReveal(sandbox: Sandbox, reveal: Reveal): string {
  const out = sandbox.exec(reveal.command)
  if (reveal.read === 'exitCode') return String(out.exitCode)
  if (reveal.read === 'errorCode') return errorCodeOf(out.stderr) ?? (out.exitCode === 0 ? 'no error' : `exit code ${out.exitCode}`)
  return out.stdout.trim()
}

/** Grades a prediction against what the sandbox showed. */
export function gradePrediction(q: PredictQuestion, answer: Answer | undefined, revealed: string): QuestionGrade {
  const given = answer?.kind === 'choice' ? (q.options[answer.picked[0] ?? -1] ?? '') : answer?.kind === 'value' ? answer.value : ''
  const asNumber = readNumber(revealed)
  const ok = given !== '' && (textMatches(given, revealed) || (/^-?\d+(\.\d+)?$/.test(revealed) && readNumber(given) === asNumber))
  return {
    questionId: q.id,
    points: q.points,
    concepts: q.concepts,
    earned: ok ? q.points : 0,
    correct: ok,
    feedback: ok ? [] : [`The sandbox shows ${revealed || '(nothing)'}.`],
    revealed,
  }
}

/** The commands run since the mark, read from the sandbox's input log (what goals read). */
export function commandsOf(sandbox: Sandbox): CommandRecord[] {
  const { offset, inputs } = sandbox.history()
  const out: CommandRecord[] = []
  inputs.forEach((input, i) => {
    if (input.kind === 'exec') out.push({ seq: offset + i + 1, line: input.line, stdout: input.stdout, stderr: input.stderr, exitCode: input.exitCode })
  })
  return out
}

/** Grades a practical question by its goals over the sandbox; each goal met earns its points (partial credit). */
export function gradePractical(q: PracticalQuestion, sandbox: Sandbox, since: Mark): QuestionGrade {
  const ctx: GoalContext = { world: sandbox.world(), files: sandbox.files, commands: commandsOf(sandbox), since }
  const goals: GoalMark[] = q.goals.map((g) => {
    const result = evaluateGoal(g.goal, ctx)
    return { label: g.label ?? result.label, met: result.met, points: g.points, earned: result.met ? g.points : 0, ...(result.detail ? { detail: result.detail } : {}) }
  })
  const earned = round(goals.reduce((s, g) => s + g.earned, 0))
  return {
    questionId: q.id,
    points: q.points,
    concepts: q.concepts,
    earned,
    correct: earned === q.points,
    feedback: goals.filter((g) => !g.met).map((g) => `Not yet: ${g.label}${g.detail ? ` (${g.detail})` : ''}`),
    goals,
  }
}

/** Grades a "click the part" answer: the selected resource is right when the question's rule names it in this world. */
export function gradePick(q: PickQuestion, answer: Answer | undefined, sandbox: Sandbox): QuestionGrade {
  const right = pickTargets(sandbox.world(), q.answer)
  const picked = answer?.kind === 'value' ? answer.value : ''
  const ok = picked !== '' && right.includes(picked)
  return {
    questionId: q.id,
    points: q.points,
    concepts: q.concepts,
    earned: ok ? q.points : 0,
    correct: ok,
    feedback: ok ? [] : [picked ? `You selected ${picked}.` : 'Nothing was selected.'],
    revealed: right.join(', ') || '(nothing in this world)',
  }
}
