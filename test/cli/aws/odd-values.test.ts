import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const notFound = (line: string, code: string) => {
  const result = createSandbox().exec(line)
  expect(result.exitCode).toBe(254)
  expect(result.stderr).toContain(`An error occurred (${code})`)
}

describe('values that are names of JavaScript built-ins are ordinary values', () => {
  it.each(['constructor', 'toString', '__proto__'])('`%s` is a value, not a global option', (name) => {
    notFound(`aws iam get-role --role-name ${name}`, 'NoSuchEntity')
  })

  it.each([
    ['aws iam list-attached-role-policies --role-name toString', 'NoSuchEntity'],
    ['aws ecr describe-repositories --repository-names __proto__', 'RepositoryNotFoundException'],
    ['aws ecr describe-images --repository-name constructor', 'RepositoryNotFoundException'],
    ['aws ec2 describe-vpcs --vpc-ids constructor', 'InvalidVpcID.NotFound'],
    ['aws ec2 describe-subnets --subnet-ids toString', 'InvalidSubnetID.NotFound'],
    ['aws ec2 create-security-group --group-name db --description db --vpc-id constructor', 'InvalidVpcID.NotFound'],
  ])('%s is not found', notFound)

  it('squiggles still see the operation after a global option’s value', () => {
    expect(createSandbox().diagnose('aws --region constructor ec2 describe-vpcz')).toEqual([
      expect.objectContaining({ message: expect.stringContaining("Invalid choice 'describe-vpcz'") }),
    ])
  })
})

describe('security group rules that name no source', () => {
  it('authorizing `--protocol tcp --port 9999` alone stores no empty rule', () => {
    const sandbox = createSandbox()
    const before = JSON.stringify(sandbox.world().ec2.securityGroups)
    expect(sandbox.exec('aws ec2 authorize-security-group-ingress --group-name web --protocol tcp --port 9999').exitCode).toBe(0)
    expect(JSON.stringify(sandbox.world().ec2.securityGroups)).toBe(before)
  })

  it('revoking one is InvalidPermission.NotFound, not a crash', () => {
    notFound('aws ec2 revoke-security-group-ingress --group-name web --protocol tcp --port 80', 'InvalidPermission.NotFound')
  })

  it('a CIDR with an octet over 255 or a prefix over 32 is malformed', () => {
    for (const cidr of ['999.0.0.0/8', '10.0.0.0/33'])
      expect(createSandbox().exec(`aws ec2 authorize-security-group-ingress --group-name web --protocol tcp --port 81 --cidr ${cidr}`).stderr).toContain(
        `CIDR block ${cidr} is malformed`,
      )
  })
})

describe('load balancing lookups take only real resources', () => {
  it('an ARN that is a JavaScript built-in name is not found', () => {
    const result = createSandbox().exec('aws elbv2 describe-load-balancers --load-balancer-arns __proto__')
    expect(result.exitCode).toBe(254)
    expect(result.stderr).toContain('(LoadBalancerNotFound)')
  })
})
