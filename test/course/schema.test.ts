import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createSandbox } from '../../src/sandbox/index.ts'
import { errorCodeOf, evaluateGoal, formatProblem, GOAL_KINDS, LessonError, loadCourse, parseLesson, type Goal } from '../../src/course/index.ts'

const FRONT = ['---', 'id: demo', 'title: Demo', 'summary: A demo.', 'objectives:', '  - one', 'estimatedMinutes: 5', '---', ''].join('\n')
const step = (goal: string, extra = '') => `## A step\n\nText.\n\n\`\`\`goal\n${goal}\n\`\`\`\n${extra}\n\`\`\`solution\naws ecs list-clusters\n\`\`\`\n`
const problems = (source: string) => parseLesson(source, 'lessons/99-demo.md').problems.map(formatProblem)

describe('lesson validation names the file and line', () => {
  it('a valid lesson parses into steps with goal, hints and solution', () => {
    const { lesson, problems } = parseLesson(FRONT + step('- cluster: { name: c }', '```hint\nfirst\n```\n```hint\nsecond\n```\n'), 'lessons/99-demo.md')
    expect(problems).toEqual([])
    expect(lesson?.steps[0]).toMatchObject({ id: 'a-step', title: 'A step', hints: ['first', 'second'], solution: [{ kind: 'command', line: 'aws ecs list-clusters' }] })
    expect(lesson?.steps[0].goal).toMatchObject({ kind: 'all', goals: [{ kind: 'cluster', name: 'c' }] })
  })

  it('an unknown field in a goal, with a suggestion', () => {
    // FRONT ends on line 8; the step heading is line 9, the goal fence line 13, the goal itself line 14.
    expect(problems(FRONT + step('- service: { cluster: c, name: s, runingCount: 2 }'))).toEqual([
      'lessons/99-demo.md:14: goal: service has no field "runingCount" (did you mean "runningCount"?) (fields: cluster, name, status, runningCount, desiredCount, pendingCount, launchType, taskDefinition, targetGroup, event)',
    ])
  })

  it('an unknown goal kind, a missing required field, a wrong type', () => {
    expect(problems(FRONT + step('- clustr: { name: c }\n- service: { name: s }\n- targetGroup: { name: t, healthyTargets: two }'))).toEqual([
      expect.stringMatching(/^lessons\/99-demo\.md:14: goal: unknown goal "clustr" \(did you mean "cluster"\?\)/),
      'lessons/99-demo.md:15: goal: service needs "cluster"',
      'lessons/99-demo.md:16: goal: targetGroup.healthyTargets must be a whole number, or { atLeast: n } / { atMost: n }',
    ])
  })

  it('YAML that does not parse, a step without goal or solution, a bad front matter field', () => {
    expect(problems(FRONT + step('- cluster: { name: c'))[0]).toMatch(/^lessons\/99-demo\.md:14: the goal is not valid YAML/)
    expect(problems(FRONT + '## No goal\n\nJust text.\n')).toEqual([
      'lessons/99-demo.md:9: step "No goal" has no ```goal block',
      'lessons/99-demo.md:9: step "No goal" has no ```solution block',
    ])
    expect(problems(FRONT.replace('estimatedMinutes: 5', 'estimatedMinutes: soon') + step('- cluster: { name: c }'))).toEqual([
      'lessons/99-demo.md:7: estimatedMinutes must be a whole number of minutes',
    ])
    expect(problems(FRONT.replace('title: Demo', 'titel: Demo') + step('- cluster: { name: c }'))).toContain('lessons/99-demo.md:3: unknown front matter field "titel" (fields: id, title, summary, objectives, estimatedMinutes, start)')
  })

  it('a broken lesson among the course fails loading with a LessonError naming file:line', () => {
    const { problems } = loadCourse({ 'lessons/01-ok.md': FRONT + step('- cluster: { name: c }'), 'lessons/02-bad.md': FRONT.replace('demo', 'other') + step('- file: {}') })
    expect(problems.map(formatProblem)).toEqual(['lessons/02-bad.md:14: goal: file needs "path"'])
    expect(new LessonError(problems).message).toBe('lessons/02-bad.md:14: goal: file needs "path"')
  })

  it('a link to another lesson must name a lesson of the course', () => {
    const linking = (id: string) => FRONT + `See [the other lesson](lesson:${id}).\n\n` + step('- cluster: { name: c }')
    const other = FRONT.replace('demo', 'other') + step('- cluster: { name: c }')
    expect(loadCourse({ 'lessons/01-a.md': linking('other'), 'lessons/02-b.md': other }).problems).toEqual([])
    expect(loadCourse({ 'lessons/01-a.md': linking('othr'), 'lessons/02-b.md': other }).problems.map(formatProblem)).toEqual([
      'lessons/01-a.md:9: the link to lesson "othr" names no lesson (ids: demo, other)',
    ])
  })

  it('lessons/README.md documents every goal kind', () => {
    const readme = readFileSync(new URL('../../lessons/README.md', import.meta.url), 'utf8')
    for (const kind of GOAL_KINDS) expect(readme, kind).toContain(`\`${kind}\``)
  })
})

describe('goals read the world', () => {
  const ctx = (sandbox = createSandbox(), commands: { line: string; stdout?: string; stderr?: string; exitCode?: number }[] = []) => ({
    world: sandbox.world(),
    files: sandbox.files,
    commands: commands.map((c, i) => ({ seq: i + 1, stdout: '', stderr: '', exitCode: 0, ...c })),
  })

  it('errorCodeOf reads the code from the CLI error line', () => {
    expect(errorCodeOf('\naws: [ERROR]: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Role is not valid\n')).toBe('ClientException')
    expect(errorCodeOf('bash: x: command not found')).toBeUndefined()
  })

  it('all / any / not compose, and a failed check says what was found', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name demo')
    const goal: Goal = {
      kind: 'all',
      goals: [
        { kind: 'cluster', name: 'demo', status: 'ACTIVE' },
        { kind: 'any', goals: [{ kind: 'cluster', name: 'nope' }, { kind: 'not', goal: { kind: 'cluster', name: 'other' } }] },
      ],
    }
    expect(evaluateGoal(goal, ctx(sandbox)).met).toBe(true)
    const missing = evaluateGoal({ kind: 'service', cluster: 'demo', name: 'web', runningCount: 2 }, ctx(sandbox))
    expect(missing).toMatchObject({ met: false, label: 'The service web in demo has 2 running tasks', detail: 'there is no service web in demo' })
  })

  it('lastCommand matches the error code, and the file goal reads the working folder', () => {
    const failed = { line: 'aws ecs list-services --cluster fargatecluster', stderr: 'An error occurred (ClusterNotFoundException) when calling', exitCode: 254 }
    expect(evaluateGoal({ kind: 'lastCommand', failedWith: 'ClusterNotFoundException' }, ctx(undefined, [failed])).met).toBe(true)
    expect(evaluateGoal({ kind: 'lastCommand', failedWith: 'ClientException' }, ctx(undefined, [failed]))).toMatchObject({ met: false, detail: 'it failed with ClusterNotFoundException' })
    expect(evaluateGoal({ kind: 'file', path: 'fargate-container.json', notContains: '<image-from-ecr>' }, ctx())).toMatchObject({ met: false, detail: 'it still contains <image-from-ecr>' })
  })
})
