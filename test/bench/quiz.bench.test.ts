import { it } from 'vitest'
import { QuizAttempt, quizzesOrThrow, verifyResult, type Quiz } from '../../src/course/quiz/index.ts'

/**
 * `npm run bench`: verifying a 45-minute assessment's result code — 200 commands typed across its practical
 * questions — and the code's length (targets: under 200 ms; at most 2,000 characters, so it fits a QR code).
 * Prints figures; asserts nothing (house rule 7).
 */
const COMMANDS = 200
const RUNS = 7

function takeAssessment(quiz: Quiz): { code: string; commands: number } {
  const attempt = new QuizAttempt(quiz, { learner: 'Benchmark Learner', mode: 'exam' })
  attempt.questions.forEach((q, i) => {
    if (q.kind === 'single' || q.kind === 'multiple') attempt.answer(i, { kind: 'choice', picked: [0] })
    else if (q.kind === 'numeric' || q.kind === 'text') attempt.answer(i, { kind: 'value', value: q.kind === 'numeric' ? '30' : 'path-pattern' })
    else if (q.kind === 'predict') attempt.answer(i, q.options.length ? { kind: 'choice', picked: [1] } : { kind: 'value', value: '2' })
  })
  const practical = attempt.questions.map((q, i) => [q, i] as const).filter(([q]) => q.kind === 'practical')
  let commands = 0
  // A learner's session: look around, make a mistake, run the solution, check, again — until 200 commands.
  for (let round = 0; commands < COMMANDS; round++) {
    for (const [q, i] of practical) {
      if (q.kind !== 'practical' || commands >= COMMANDS) continue
      const sandbox = attempt.sandbox(i)
      const lines = [
        'aws ecs list-clusters',
        "aws ec2 describe-subnets --query 'Subnets[].[SubnetId,AvailabilityZone]' --output text",
        ...(round === 0 ? (q.mistake?.run ?? []) : q.solution).flatMap((r) => ('command' in r ? [r.command] : [])),
        'aws elbv2 describe-target-groups --query "TargetGroups[].TargetGroupName"',
        'aws ecs describe-services --cluster shop --services api',
        'clear',
      ]
      for (const line of lines) {
        if (commands >= COMMANDS) break
        sandbox.exec(line)
        commands++
      }
      sandbox.advance(1000)
    }
  }
  return { code: attempt.submit().code, commands }
}

it('verifying a 45-minute assessment with 200 commands', () => {
  const quizzes = quizzesOrThrow()
  const quiz = quizzes.find((q) => q.id === 'final-assessment') as Quiz
  const { code, commands } = takeAssessment(quiz)
  const first = verifyResult(code, quizzes)
  if (!first.verified) throw new Error(first.problems.map((p) => p.message).join('\n'))
  const times: number[] = []
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now()
    verifyResult(code, quizzes)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  console.log(
    [
      `quiz: ${quiz.id} v${quiz.version} (${quiz.questions.length} questions, ${quiz.questions.filter((q) => q.kind === 'practical' || q.kind === 'predict').length} in the sandbox)`,
      `commands in the log: ${commands}`,
      `verify: median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms over ${RUNS} runs (target < 200 ms)`,
      `result code: ${code.length} characters (target ≤ 2,000)`,
      `verified score: ${first.result?.score} of ${first.result?.points}`,
    ].join('\n'),
  )
}, 300_000)
