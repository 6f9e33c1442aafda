import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

const json = (line: string) => {
  const result = createSandbox().exec(line)
  expect(result.stderr).toBe('')
  expect(result.exitCode).toBe(0)
  return JSON.parse(result.stdout)
}

describe('the starting world through the AWS CLI', () => {
  it('aws --version names a current AWS CLI v2', () => {
    expect(createSandbox().exec('aws --version')).toEqual({
      stdout: 'aws-cli/2.36.7 Python/3.13.11 Linux/6.1.158-180.294.amzn2023.x86_64 exe/x86_64.amzn.2023\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('get-caller-identity shows the learner in account 123456789012', () => {
    const id = json('aws sts get-caller-identity')
    expect(Object.keys(id)).toEqual(['UserId', 'Account', 'Arn'])
    expect(id.Account).toBe('123456789012')
    expect(id.Arn).toBe('arn:aws:iam::123456789012:user/learner')
  })

  it('describe-vpcs shows the default VPC in the model’s member order', () => {
    const { Vpcs } = json('aws ec2 describe-vpcs')
    expect(Vpcs).toHaveLength(1)
    expect(Object.keys(Vpcs[0])).toEqual([
      'OwnerId', 'InstanceTenancy', 'Ipv6CidrBlockAssociationSet', 'CidrBlockAssociationSet', 'IsDefault', 'Tags',
      'BlockPublicAccessStates', 'VpcId', 'State', 'CidrBlock', 'DhcpOptionsId',
    ])
    expect(Vpcs[0]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available' })
  })

  it('describe-subnets shows one public /20 in each of three AZs with 4091 free addresses', () => {
    const { Subnets } = json('aws ec2 describe-subnets')
    expect(Subnets.map((s: { AvailabilityZone: string }) => s.AvailabilityZone).sort()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c'])
    for (const s of Subnets) {
      expect(s.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/)
      expect(s).toMatchObject({ AvailableIpAddressCount: 4091, MapPublicIpOnLaunch: true, DefaultForAz: true })
    }
    expect(Object.keys(Subnets[0]).slice(0, 3)).toEqual(['AvailabilityZoneId', 'MapCustomerOwnedIpOnLaunch', 'OwnerId'])
  })

  it('describe-security-groups shows the default group and web open on 80 and 8080', () => {
    const { SecurityGroups } = json('aws ec2 describe-security-groups')
    const web = SecurityGroups.find((g: { GroupName: string }) => g.GroupName === 'web')
    expect(web.IpPermissions.map((p: { FromPort: number }) => p.FromPort)).toEqual([80, 8080])
    expect(web.IpPermissions[0].IpRanges).toEqual([{ CidrIp: '0.0.0.0/0' }])
    expect(SecurityGroups.map((g: { GroupName: string }) => g.GroupName).sort()).toEqual(['default', 'web'])
  })

  it('describe-repositories shows pythonwebapp with its URI and an ISO timestamp', () => {
    const { repositories } = json('aws ecr describe-repositories')
    expect(repositories[0]).toMatchObject({
      repositoryName: 'pythonwebapp',
      repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp',
      createdAt: '2026-01-05T09:00:00+00:00',
    })
  })

  it('--query and --output text print the subnet IDs on one tab-separated line', () => {
    const out = createSandbox().exec("aws ec2 describe-subnets --query 'Subnets[].SubnetId' --output text").stdout
    expect(out).toMatch(/^subnet-[0-9a-f]{17}\tsubnet-[0-9a-f]{17}\tsubnet-[0-9a-f]{17}\n$/)
  })

  it('a variable captured with $(...) feeds the next command', () => {
    const sandbox = createSandbox()
    const result = sandbox.exec(
      "VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text) && aws ec2 describe-subnets --filters Name=vpc-id,Values=$VPC --query 'length(Subnets)'",
    )
    expect(result).toEqual({ stdout: '3\n', stderr: '', exitCode: 0 })
  })
})

describe('mistakes are answered in the AWS CLI’s own words', () => {
  it('a misspelt service suggests the right one', () => {
    const result = createSandbox().exec('aws albv2 create-target-group')
    expect(result.exitCode).toBe(252)
    expect(result.stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 'albv2'\n\nMaybe you meant:\n\n  * elbv2\n\n" +
        'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n',
    )
  })

  it('an unknown subnet is a service error with exit 254', () => {
    const result = createSandbox().exec('aws ec2 describe-subnets --subnet-ids subnet-0b745a24484d91131')
    expect(result).toEqual({
      stdout: '',
      stderr: "\naws: [ERROR]: An error occurred (InvalidSubnetID.NotFound) when calling the DescribeSubnets operation: The subnet ID 'subnet-0b745a24484d91131' does not exist\n",
      exitCode: 254,
    })
  })

  it('single-dash options are unknown, their values listed after them', () => {
    const result = createSandbox().exec('aws ec2 describe-vpcs -vpc-ids vpc-1')
    expect(result.exitCode).toBe(252)
    expect(result.stderr.endsWith('\naws: [ERROR]: Unknown options: -vpc-ids, vpc-1\n')).toBe(true)
  })

  it('an operation the sandbox does not simulate yet says so and names similar ones', () => {
    const result = createSandbox().exec('aws ec2 delete-vpc --vpc-id vpc-1')
    expect(result.exitCode).toBe(254)
    expect(result.stderr).toContain('Container Sandbox does not simulate "aws ec2 delete-vpc" yet.')
    expect(result.stderr).toContain('create-vpc')
  })

  it('an unknown program is bash’s command not found', () => {
    expect(createSandbox().exec('kubectl get pods')).toEqual({ stdout: '', stderr: 'bash: kubectl: command not found\n', exitCode: 127 })
  })
})
