import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../../src/course/index.ts'
import { loadQuizzes, parseQuiz } from '../../../src/course/quiz/index.ts'

const FILE = 'lessons/quizzes/broken.md'
const quiz = (questions: string, front = 'id: broken\nversion: 1\ntitle: Broken\nsummary: A broken quiz.\nminutes: 5') => `---\n${front}\n---\n\nIntro.\n\n${questions}`
const problems = (source: string) => parseQuiz(source, FILE).problems.map(formatProblem)

const choice = (body: string) => `## A question {#q1}\n\nPrompt.\n\n\`\`\`question\n${body}\n\`\`\`\n`

describe('the quiz schema rejects a broken file, naming file and line', () => {
  it('a misspelt field, with a suggestion', () => {
    // line 16 is "kind", 17 "concepts", 18 the misspelt field
    expect(problems(quiz(choice('kind: single\nconcepts: [alb]\noptionz:\n  - text: a\n    correct: true\n  - text: b')))).toContain(
      `${FILE}:18: a single question has no field "optionz" (did you mean "options"?)`,
    )
  })

  it('an unknown kind', () => {
    expect(problems(quiz(choice('kind: essay\nconcepts: [alb]')))).toEqual([`${FILE}:16: kind "essay" is not a question kind (kinds: single, multiple, numeric, text, predict, practical, pick)`])
  })

  it('a single-choice question with two correct options', () => {
    expect(problems(quiz(choice('kind: single\nconcepts: [alb]\noptions:\n  - text: a\n    correct: true\n  - text: b\n    correct: true')))).toEqual([
      `${FILE}:18: a single-choice question has exactly one correct option (found 2)`,
    ])
  })

  it('a parameter used but never declared', () => {
    expect(problems(quiz(choice('kind: text\nconcepts: [alb]\nanswers: ["{{port}}"]')))).toEqual([`${FILE}:18: {{port}} is not a parameter of this question (declare it under params)`])
  })

  it('a practical goal that is not in the goal vocabulary, or has no points', () => {
    const body = 'kind: practical\nconcepts: [alb]\ngoals:\n  - service: { cluster: c, name: s, runingCount: 2 }\n    points: 1\n  - cluster: { name: c }\nsolution:\n  - aws ecs create-cluster --cluster-name c'
    const found = problems(quiz(choice(body)))
    expect(found[0]).toMatch(`${FILE}:19: goal: service has no field "runingCount" (did you mean "runningCount"?)`)
    expect(found).toContain(`${FILE}:21: each goal needs points: (a number above 0)`)
  })

  it('YAML that does not parse, and a question without a block', () => {
    expect(problems(quiz(choice('kind: single\nconcepts: [alb\n')))[0]).toMatch(new RegExp(`^${FILE}:1[78]: the question is not valid YAML`))
    expect(problems(quiz('## Lonely question\n\nNo block.\n'))).toEqual([`${FILE}:11: question "Lonely question" has no \`\`\`question block`])
  })

  it('front matter with a wrong field', () => {
    expect(problems(quiz(choice('kind: text\nconcepts: [a]\nanswers: [x]'), 'id: Broken Quiz\nversion: one\ntitle: T\nsummary: S\nminutes: 5'))).toEqual([
      `${FILE}:2: id "Broken Quiz" must be lower-case words joined by "-"`,
      `${FILE}:3: version must be a whole number above 0`,
    ])
  })

  it('two quizzes with one id', () => {
    const text = quiz(choice('kind: text\nconcepts: [a]\nanswers: [x]'))
    expect(loadQuizzes({ 'lessons/quizzes/a.md': text, 'lessons/quizzes/b.md': text }).problems.map(formatProblem)).toEqual([
      'lessons/quizzes/b.md:2: the id "broken" is already used by lessons/quizzes/a.md',
    ])
  })
})
