import { describe, expect, it } from 'vitest'
import { createSandbox, replay } from '../../src/sandbox/index.ts'

const vpcState = 'aws ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query Vpcs[0].State --output text'

describe('stepping the clock to the next scheduled event', () => {
  it('says nothing is scheduled in a fresh account and leaves the clock and the input log alone', () => {
    const sandbox = createSandbox({ seed: 7 })
    const start = sandbox.now()
    expect(sandbox.nextEventAt()).toBeUndefined()
    expect(sandbox.advanceToNextEvent()).toBe(false)
    expect(sandbox.now()).toBe(start)
    expect(sandbox.position()).toBe(0)
  })

  it('moves the clock exactly to when a new VPC becomes available, and the VPC is then available', () => {
    const sandbox = createSandbox({ seed: 7 })
    sandbox.exec('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
    const due = sandbox.nextEventAt()
    expect(due).toBeGreaterThan(sandbox.now())
    expect(sandbox.exec(vpcState).stdout).toBe('pending\n')

    expect(sandbox.advanceToNextEvent()).toBe(true)
    expect(sandbox.now()).toBe(due)
    expect(sandbox.exec(vpcState).stdout).toBe('available\n')
    expect(sandbox.nextEventAt()).toBeUndefined()
  })

  it('is recorded as an ordinary clock move, so a replay reaches the same world byte for byte', () => {
    const sandbox = createSandbox({ seed: 7 })
    sandbox.exec('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
    const due = sandbox.nextEventAt() as number
    const before = sandbox.now()
    sandbox.advanceToNextEvent()
    expect(sandbox.inputs().at(-1)).toEqual({ kind: 'advance', ms: [due - before] })
    const again = replay(sandbox.inputs(), { seed: 7 })
    expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(sandbox.snapshot()))
  })
})

describe('replaying recorded inputs onto a sandbox (a timeline moving forward)', () => {
  it('reaches the same world and the same positions as the log the inputs came from, after a rewind too', () => {
    const source = createSandbox({ seed: 7 })
    source.exec('aws ec2 create-vpc --cidr-block 10.0.0.0/16')
    source.advance(16)
    source.advance(17)
    source.checkpoint()
    source.advance(5_000)
    source.files.write('a.txt', 'x')
    source.exec(vpcState)
    const follower = createSandbox({ seed: 7, checkpoints: { work: 1, keep: 10 } })
    follower.replayInputs(source.inputs())
    expect(follower.position()).toBe(source.position())
    expect(JSON.stringify(follower.snapshot())).toBe(JSON.stringify(source.snapshot()))
    follower.rewind(1)
    follower.replayInputs(source.inputs().slice(1))
    expect(follower.inputs()).toEqual(source.inputs())
    expect(JSON.stringify(follower.snapshot())).toBe(JSON.stringify(source.snapshot()))
  })
})
