import { it } from 'vitest'
import { course } from '../../src/course/index.ts'
import { LessonSession } from '../../src/course/session.ts'
import { createSandbox } from '../../src/sandbox/index.ts'
import { encodeShare } from '../../src/app/share/shareLink.ts'

/**
 * `npm run bench`: the length of a share link to a 50-command session (target < 2,000 characters). The session is
 * the Fargate walkthrough as a learner plays it (its start files and setup, then every solution command, typos and
 * all), continued with describe commands to 50, and the clock played at 60 frames a second between commands.
 */
it('share link length for a 50-command session', async () => {
  const lesson = course().lessons.find((l) => l.id === 'fargate-walkthrough')
  if (!lesson) throw new Error('no fargate-walkthrough lesson')
  const session = new LessonSession(lesson)
  for (const [index, step] of lesson.steps.entries()) {
    session.goTo(index)
    session.runSolution(step)
  }
  const played = session.sandbox.history()
  const sandbox = createSandbox({ snapshot: JSON.parse(played.checkpoints[0].snapshot) })
  const fresh = JSON.stringify(createSandbox({ seed: sandbox.snapshot().seed }).snapshot()) === played.checkpoints[0].snapshot
  const extra = ['aws ecs list-tasks --cluster fargate-cluster', 'aws elbv2 describe-target-health --target-group-arn $TG_ARN', 'aws ecs describe-services --cluster fargate-cluster --services FargateDemoService2']
  let commands = 0
  const frames = () => {
    for (let f = 0; f < 60; f++) sandbox.advance(16 + (f % 3 === 0 ? 1 : 0))
  }
  for (const input of played.inputs) {
    if (commands === 50) break
    if (input.kind === 'exec') {
      sandbox.exec(input.line)
      commands++
      frames()
    } else if (input.kind === 'write') sandbox.files.write(input.path, input.text)
  }
  for (let i = 0; commands < 50; i++, commands++) {
    sandbox.exec(extra[i % extra.length])
    frames()
  }
  const hash = await encodeShare(fresh ? { seed: sandbox.snapshot().seed, inputs: sandbox.inputs() } : { checkpoint: JSON.parse(played.checkpoints[0].snapshot), inputs: sandbox.inputs() })
  const url = `https://sandbox.example/${hash}`
  console.log(
    [
      `share link: ${commands} commands, ${sandbox.inputs().length} inputs (clock moves and file writes included), start: ${fresh ? 'seed' : 'checkpoint'}`,
      `fragment: ${hash.length} characters; whole link on https://sandbox.example/: ${url.length} characters (target < 2,000)`,
    ].join('\n'),
  )
})
