import { describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts'

/** Positions of the checkpoints an undo or a timeline scrub can resume from, after `commands` cheap commands. */
function checkpointPositions(sandbox: Sandbox, commands: number): number[] {
  for (let i = 0; i < commands; i++) sandbox.exec('aws ec2 describe-vpcs --query Vpcs[0].State --output text')
  return sandbox.history().checkpoints.map((c) => c.position)
}

const gaps = (positions: number[]) => positions.slice(1).map((p, i) => p - positions[i])

describe('undo checkpoints', () => {
  it('are taken every `work` commands in a small world', () => {
    const sandbox = createSandbox({ seed: 7, checkpoints: { work: 4, keep: 100, workPerMegabyte: 8 } })
    expect(gaps(checkpointPositions(sandbox, 20))).toEqual([4, 4, 4, 4, 4])
  })

  it('are spaced further apart as the world grows, since each costs in proportion to its size', () => {
    const sandbox = createSandbox({ seed: 7, checkpoints: { work: 4, keep: 100, workPerMegabyte: 8 } })
    // A 2 MB file in the working folder: each checkpoint now carries it, so the next is due only after 8 × 2 = 16.
    sandbox.files.write('big.txt', 'x'.repeat(2 * 2 ** 20))
    const [, ...afterWrite] = gaps(checkpointPositions(sandbox, 40))
    expect(afterWrite.length).toBeGreaterThan(0)
    for (const gap of afterWrite) expect(gap).toBeGreaterThanOrEqual(16)
  })

  it('still let a rewind reach any position of a large world exactly as it was', () => {
    const sandbox = createSandbox({ seed: 7, checkpoints: { work: 4, keep: 2, workPerMegabyte: 8 } })
    sandbox.files.write('big.txt', 'x'.repeat(2 * 2 ** 20))
    sandbox.exec('aws ecs create-cluster --cluster-name early')
    const early = JSON.stringify(sandbox.snapshot())
    const position = sandbox.position()
    checkpointPositions(sandbox, 40)
    sandbox.exec('aws ecs create-cluster --cluster-name late')
    sandbox.rewind(position)
    expect(JSON.stringify(sandbox.snapshot())).toBe(early)
  })
})
