import { it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'

/**
 * `npm run bench`: latency of one `exec` of a typical read command (target: median under 1 ms).
 * It prints figures and asserts nothing (house rule 7: speed is shown by benchmarks, not timed unit tests).
 */
const LINE = "aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text"
const CALLS = 10_000
const WARMUP = 500

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

it(`exec latency over ${CALLS} calls`, () => {
  const sandbox = createSandbox()
  for (let i = 0; i < WARMUP; i++) sandbox.exec(LINE)
  const times: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now()
    sandbox.exec(LINE)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const heap = process.memoryUsage().heapUsed / 2 ** 20
  console.log(
    [
      `exec: ${LINE}`,
      `calls: ${CALLS} (after ${WARMUP} warm-up calls)`,
      `median: ${percentile(times, 50).toFixed(3)} ms per call (target < 1 ms)`,
      `p99: ${percentile(times, 99).toFixed(3)} ms per call`,
      `max: ${times[times.length - 1].toFixed(3)} ms`,
      `heap used after run: ${heap.toFixed(1)} MiB`,
    ].join('\n'),
  )
}, 300_000)
