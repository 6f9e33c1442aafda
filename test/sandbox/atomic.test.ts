import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../src/sandbox/index.ts'

/** Makes `aws ec2 describe-subnets` fail inside the simulation (an internal error); returns the repair. */
function breakSubnets(sandbox: ReturnType<typeof createSandbox>): () => void {
  const world = sandbox.world() as { ec2: { subnets: unknown } }
  const saved = world.ec2.subnets
  world.ec2.subnets = null as unknown as never
  return () => void (world.ec2.subnets = saved)
}

/** Logs an account setting's change until the event log holds `size` entries (one entry each), 500 to an input. */
function fillLog(sandbox: ReturnType<typeof createSandbox>, size: number): void {
  while (sandbox.world().log.entries.length < size) {
    const count = Math.min(500, size - sandbox.world().log.entries.length)
    sandbox.exec(Array.from({ length: count }, () => 'aws ecs put-account-setting --name containerInsights --value enabled').join(' ; '))
  }
}

describe('a failed command leaves the world exactly as it was', () => {
  it('an AWS error changes nothing', () => {
    const sandbox = createSandbox()
    const before = JSON.stringify(sandbox.snapshot().world)
    const result = sandbox.exec('aws ec2 create-vpc --cidr-block 10.0.0.0/8')
    expect(result.exitCode).toBe(254)
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
  })

  it('an internal error becomes exit 255 with one line, and the world is rolled back', () => {
    const sandbox = createSandbox()
    const before = JSON.stringify(sandbox.snapshot().world)
    sandbox.exec('aws ec2 create-vpc --cidr-block 10.1.0.0/16 && aws ec2 describe-subnets')
    // Sabotage the live world so that describe-subnets breaks after create-vpc already changed the world.
    const repair = breakSubnets(sandbox)
    const afterFirst = JSON.stringify(sandbox.snapshot().world)
    const result = sandbox.exec('aws ec2 create-vpc --cidr-block 10.2.0.0/16 && aws ec2 describe-subnets')
    expect(result.exitCode).toBe(255)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/^sandbox: internal error, nothing was changed: /)
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(afterFirst)
    repair()
    expect(before).not.toBe(afterFirst)
  })

  it('a request curl sent before the failure is taken back too (its log entry and the traffic records)', () => {
    const sandbox = createSandbox()
    const repair = breakSubnets(sandbox)
    const before = JSON.stringify(sandbox.snapshot().world)
    const result = sandbox.exec('curl -s http://nowhere.invalid/ ; aws ec2 describe-subnets')
    expect(result.exitCode).toBe(255)
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
    repair()
    sandbox.exec('curl -s http://nowhere.invalid/')
    expect(JSON.stringify(sandbox.snapshot().world)).not.toBe(before)
  })

  it('a failed input that pushed the event log past its limit gives back the oldest entries too', () => {
    const sandbox = createSandbox()
    // Fill the log to just under the point where its oldest entries are dropped (EVENT_LOG_LIMIT plus a tenth).
    fillLog(sandbox, 5495)
    const before = JSON.stringify(sandbox.snapshot().world)
    const repair = breakSubnets(sandbox)
    // Twenty logged changes cross the limit inside the input; then it fails.
    const fill = Array.from({ length: 20 }, (_, i) => `aws ecs create-cluster --cluster-name over-${i} ; `).join('')
    const result = sandbox.exec(`${fill}aws ec2 describe-subnets`)
    repair()
    expect(result.exitCode).toBe(255)
    expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
  })

  it('a long run keeps the event log bounded: the oldest entries go once an input succeeds', () => {
    const sandbox = createSandbox()
    fillLog(sandbox, 5495)
    const nextId = sandbox.world().log.nextId
    expect(sandbox.exec(Array.from({ length: 20 }, (_, i) => `aws ecs create-cluster --cluster-name more-${i}`).join(' ; ')).exitCode).toBe(0)
    const { entries } = sandbox.world().log
    expect(entries).toHaveLength(5000)
    expect(entries.at(-1)?.id).toBe(nextId + 19)
  })

  it('never throws, whatever the line', () => {
    const sandbox = createSandbox()
    for (const line of ['', '   ', '"', "aws ec2 describe-vpcs --filters '", 'aws --output', '$(', '\\', 'aws ecs', '; ;', 'aws ec2 describe-vpcs --vpc-ids'])
      expect(() => sandbox.exec(line)).not.toThrow()
  })
})

describe('the working folder', () => {
  it('holds the course notes files with this world’s real subnet and security group IDs', () => {
    const sandbox = createSandbox()
    expect(sandbox.files.list()).toEqual(['fargate-container.json', 'load-balancer.json', 'task-networking.json'])
    expect(sandbox.files.read('fargate-container.json')).toContain('"image": "<image-from-ecr>"')
    expect(sandbox.files.read('load-balancer.json')).toContain('"targetGroupArn": "<target-group-arn>"')
    const networking = JSON.parse(sandbox.files.read('task-networking.json') ?? '{}')
    const subnets = sandbox.exec("aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text").stdout.trim().split('\t')
    expect(networking.awsvpcConfiguration.subnets.every((id: string) => subnets.includes(id))).toBe(true)
    expect(networking.awsvpcConfiguration.assignPublicIp).toBe('ENABLED')
  })

  it('tells subscribers about writes, commands and clock moves', () => {
    const sandbox = createSandbox()
    let calls = 0
    const stop = sandbox.subscribe(() => calls++)
    sandbox.files.write('notes.txt', 'hello')
    sandbox.exec('cat notes.txt')
    sandbox.advance(1000)
    stop()
    sandbox.advance(1000)
    expect(calls).toBe(3)
    expect(sandbox.files.read('./notes.txt')).toBe('hello')
    expect(sandbox.now() - createSandbox().now()).toBe(2000)
  })
})
