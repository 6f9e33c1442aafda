import { it } from 'vitest'
import * as engine from '../../src/sandbox/index.ts'
import { TimelineCursor } from '../../src/app/timeline/cursor.ts'

/**
 * `npm run bench`: the time to scrub the timeline to any point of a 500-command session (target < 100 ms), the way the
 * app does it (TimelineCursor: rewind to the cursor's nearest checkpoint or replay forward, then take a snapshot-free
 * look at the world). The session builds services, load balancers and their timed transitions, with clock moves.
 */
const COMMANDS = 500
const SCRUBS = 200

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

it(`scrub to any point of a ${COMMANDS}-command session`, () => {
  const live = engine.createSandbox({ seed: 3 })
  const lines = (i: number) => [
    `aws ec2 create-vpc --cidr-block 10.${i % 250}.0.0/16`,
    `aws ecs create-cluster --cluster-name c${i}`,
    "aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text",
    `aws ecs describe-clusters --clusters c${i - 1}`,
    'aws ec2 describe-vpcs --query "Vpcs[].State" --output text',
  ]
  for (let i = 0; i < COMMANDS; i++) {
    live.exec(lines(i)[i % 5])
    live.advance(1_000 + (i % 7) * 250)
  }
  const inputs = live.position()
  let t = performance.now()
  const cursor = new TimelineCursor(engine, live)
  cursor.moveTo(inputs)
  const first = performance.now() - t
  // A seeded walk over random positions, as a learner dragging the slider back and forth.
  let state = 12345
  const times: number[] = []
  for (let i = 0; i < SCRUBS; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0
    const position = state % (inputs + 1)
    t = performance.now()
    cursor.moveTo(position)
    void cursor.sandbox.world().log.nextId
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  console.log(
    [
      `timeline: ${COMMANDS} commands, ${inputs} inputs (clock moves between them)`,
      `first scrub (builds the cursor's checkpoints): ${first.toFixed(1)} ms`,
      `scrub to a random point (${SCRUBS} times): median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (target < 100 ms)`,
    ].join('\n'),
  )
})
