import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

/**
 * Answers worked out from the world are reused while the slices they read have not changed; each slice has its own
 * version, so a change to one (or a request, which changes nothing) leaves answers over the others valid.
 */
describe('per-slice versions', () => {
  const versions = (sandbox: ReturnType<typeof createSandbox>) => ({ ...sandbox.world().log.versions })

  it('a request moves no version', () => {
    const sandbox = createSandbox()
    const before = versions(sandbox)
    sandbox.exec('curl -s http://nowhere.invalid/')
    expect(versions(sandbox)).toEqual(before)
  })

  it('a security group rule moves ec2 only, a cluster moves ecs only', () => {
    const sandbox = createSandbox()
    const group = Object.values(sandbox.world().ec2.securityGroups).find((g) => g.GroupName === 'web')?.GroupId
    const before = versions(sandbox)
    expect(sandbox.exec(`aws ec2 authorize-security-group-ingress --group-id ${group} --protocol tcp --port 9090 --cidr 0.0.0.0/0`).exitCode).toBe(0)
    const afterRule = versions(sandbox)
    expect(afterRule).toEqual({ ...before, ec2: before.ec2 + 1 })
    expect(sandbox.exec('aws ecs create-cluster --cluster-name demo').exitCode).toBe(0)
    expect(versions(sandbox)).toEqual({ ...afterRule, ecs: afterRule.ecs + 1 })
  })

  it('a failed command puts every version back', () => {
    const sandbox = createSandbox()
    const before = versions(sandbox)
    // Break describe-subnets inside the simulation, so the input fails after create-cluster changed the world.
    const world = sandbox.world() as { ec2: { subnets: unknown } }
    const subnets = world.ec2.subnets
    world.ec2.subnets = null
    const result = sandbox.exec('aws ecs create-cluster --cluster-name demo && aws ec2 describe-subnets')
    world.ec2.subnets = subnets
    expect(result.exitCode).toBe(255)
    expect(versions(sandbox)).toEqual(before)
  })
})
