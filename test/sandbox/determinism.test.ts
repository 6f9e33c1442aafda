import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'

/** A short session with a timed transition in the middle: create-vpc answers `pending`, then becomes `available`. */
const session: (string | number)[] = [
  'aws ec2 describe-subnets --query "Subnets[].SubnetId" --output text',
  'aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.State --output text',
  1_000,
  'aws ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query Vpcs[0].State --output text',
  5_000,
  'aws ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query Vpcs[0].State --output text',
  'aws ec2 describe-security-groups --filters Name=group-name,Values=default --query "SecurityGroups[].GroupId"',
]

function play(steps: (string | number)[], sandbox = createSandbox({ seed: 7 })) {
  const out = steps.map((step) => {
    if (typeof step === 'number') {
      sandbox.advance(step)
      return `advanced ${step}`
    }
    return sandbox.exec(step)
  })
  return { out, snapshot: JSON.stringify(sandbox.snapshot()) }
}

describe('the sandbox is deterministic', () => {
  it('gives byte-identical outputs and snapshots for the same seed and inputs', () => {
    expect(play(session)).toEqual(play(session))
  })

  it('gives different IDs for a different seed', () => {
    const a = createSandbox({ seed: 1 }).exec('aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text').stdout
    const b = createSandbox({ seed: 2 }).exec('aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text').stdout
    expect(a).toMatch(/^vpc-[0-9a-f]{17}\n$/)
    expect(a).not.toBe(b)
  })

  it('shows the VPC pending right after create-vpc and available once the clock has moved on', () => {
    const { out } = play(session)
    expect(out[1]).toMatchObject({ stdout: 'pending\n', exitCode: 0 })
    expect(out[3]).toMatchObject({ stdout: 'pending\n' })
    expect(out[5]).toMatchObject({ stdout: 'available\n' })
  })

  it('resumes a snapshot taken mid-transition exactly as an uninterrupted run continues', () => {
    const whole = play(session)
    // Stop after the VPC was created and the clock moved 1 s: its AVAILABLE event is still queued.
    const first = createSandbox({ seed: 7 })
    const head = play(session.slice(0, 3), first)
    const paused = first.snapshot()
    expect(paused.scheduler.queue).toHaveLength(1)
    const resumed = play(session.slice(3), createSandbox({ snapshot: JSON.parse(JSON.stringify(paused)) }))
    expect([...head.out, ...resumed.out]).toEqual(whole.out)
    expect(resumed.snapshot).toBe(whole.snapshot)
  })

  it('refuses a snapshot of another schema with a clear message', () => {
    const snapshot = { ...createSandbox().snapshot(), schema: 0 } as unknown as ReturnType<ReturnType<typeof createSandbox>['snapshot']>
    expect(() => createSandbox({ snapshot })).toThrow(/schema 0 is not supported/)
  })
})
