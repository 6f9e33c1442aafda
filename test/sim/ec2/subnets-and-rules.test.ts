import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>

function ok(sandbox: Sandbox, line: string) {
  const r = sandbox.exec(line)
  expect(r.stderr, line).toBe('')
  expect(r.exitCode, line).toBe(0)
  return r.stdout ? JSON.parse(r.stdout) : {}
}
const text = (sandbox: Sandbox, line: string) => {
  const r = sandbox.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}
const error = (code: string, op: string, message: string) => `\naws: [ERROR]: An error occurred (${code}) when calling the ${op} operation: ${message}\n`

function withVpc(): Sandbox {
  const sandbox = createSandbox()
  text(sandbox, 'VPC=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)')
  return sandbox
}

describe('aws ec2 create-subnet and delete-subnet', () => {
  it('creates a subnet inside the VPC in the zone asked for, not a default subnet, with its usable addresses', () => {
    const sandbox = withVpc()
    const { Subnet } = ok(sandbox, 'aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.1.0/24 --availability-zone us-east-1a')
    expect(Subnet).toMatchObject({ CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', AvailableIpAddressCount: 251, DefaultForAz: false, MapPublicIpOnLaunch: false, State: 'available' })
    expect(Subnet.SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${Subnet.SubnetId}`)
    expect(text(sandbox, `aws ec2 describe-subnets --subnet-ids ${Subnet.SubnetId} --query Subnets[0].VpcId --output text`)).toBe(text(sandbox, 'echo $VPC'))
  })

  it.each([
    ['a block outside the VPC', '--cidr-block 10.1.0.0/24', 'InvalidSubnet.Range', "The CIDR '10.1.0.0/24' is invalid."],
    ['a block larger than /16', '--cidr-block 10.0.0.0/15', 'InvalidSubnet.Range', "The CIDR '10.0.0.0/15' is invalid."],
    ['a block smaller than /28', '--cidr-block 10.0.1.0/29', 'InvalidSubnet.Range', "The CIDR '10.0.1.0/29' is invalid."],
    ['a block overlapping another subnet', '--cidr-block 10.0.1.128/25', 'InvalidSubnet.Conflict', "The CIDR '10.0.1.128/25' conflicts with another subnet"],
    ['a malformed block', '--cidr-block 10.0.300.0/24', 'InvalidParameterValue', 'Value (10.0.300.0/24) for parameter cidrBlock is invalid. This is not a valid CIDR block.'],
    [
      'a zone the Region does not have',
      '--cidr-block 10.0.2.0/24 --availability-zone us-east-1z',
      'InvalidParameterValue',
      'Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c.',
    ],
  ])('%s is refused in EC2’s words and nothing is created', (_what, args, code, message) => {
    const sandbox = withVpc()
    ok(sandbox, 'aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.1.0/24 --availability-zone us-east-1a')
    const before = text(sandbox, 'aws ec2 describe-subnets --query "length(Subnets)"')
    expect(sandbox.exec(`aws ec2 create-subnet --vpc-id $VPC ${args}`).stderr).toBe(error(code, 'CreateSubnet', message))
    expect(text(sandbox, 'aws ec2 describe-subnets --query "length(Subnets)"')).toBe(before)
  })

  it('a subnet in a VPC that does not exist is refused', () => {
    expect(createSandbox().exec('aws ec2 create-subnet --vpc-id vpc-0123456789abcdef0 --cidr-block 10.0.1.0/24').stderr).toBe(
      error('InvalidVpcID.NotFound', 'CreateSubnet', "The vpc ID 'vpc-0123456789abcdef0' does not exist"),
    )
  })

  it('delete-subnet removes an empty subnet and refuses one with network interfaces', () => {
    const sandbox = withVpc()
    const id = text(sandbox, 'aws ec2 create-subnet --vpc-id $VPC --cidr-block 10.0.1.0/24 --availability-zone us-east-1a --query Subnet.SubnetId --output text')
    expect(sandbox.exec(`aws ec2 delete-subnet --subnet-id ${id}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(sandbox.exec(`aws ec2 delete-subnet --subnet-id ${id}`).stderr).toBe(error('InvalidSubnetID.NotFound', 'DeleteSubnet', `The subnet ID '${id}' does not exist`))
    const busy = text(sandbox, 'aws ec2 describe-subnets --filters Name=default-for-az,Values=true --query Subnets[0].SubnetId --output text')
    text(sandbox, `aws ec2 run-instances --image-id $(aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text) --instance-type t3.micro --subnet-id ${busy}`)
    expect(sandbox.exec(`aws ec2 delete-subnet --subnet-id ${busy}`).stderr).toBe(error('DependencyViolation', 'DeleteSubnet', `The subnet '${busy}' has dependencies and cannot be deleted.`))
  })

  it('a load balancer in two subnets of one zone is refused, as ELB refuses it', () => {
    const sandbox = createSandbox()
    text(sandbox, 'VPC=$(aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text)')
    const a = text(sandbox, 'aws ec2 describe-subnets --filters Name=availability-zone,Values=us-east-1a --query Subnets[0].SubnetId --output text')
    const extra = text(sandbox, 'aws ec2 create-subnet --vpc-id $VPC --cidr-block 172.31.128.0/24 --availability-zone us-east-1a --query Subnet.SubnetId --output text')
    expect(sandbox.exec(`aws elbv2 create-load-balancer --name two-in-one --subnets ${a} ${extra}`).stderr).toBe(
      error('InvalidConfigurationRequest', 'CreateLoadBalancer', 'A load balancer cannot be attached to multiple subnets in the same Availability Zone'),
    )
  })
})

describe('security group rules', () => {
  function groups(): Sandbox {
    const sandbox = createSandbox()
    text(sandbox, 'VPC=$(aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text)')
    text(sandbox, 'ALB=$(aws ec2 create-security-group --group-name alb --description "load balancer" --vpc-id $VPC --query GroupId --output text)')
    text(sandbox, 'HOSTS=$(aws ec2 create-security-group --group-name hosts --description "container instances" --vpc-id $VPC --query GroupId --output text)')
    return sandbox
  }

  it('create-security-group answers with the group’s ARN', () => {
    const sandbox = createSandbox()
    const out = ok(sandbox, 'aws ec2 create-security-group --group-name x --description x')
    expect(Object.keys(out)).toEqual(['GroupId', 'SecurityGroupArn'])
    expect(out.SecurityGroupArn).toBe(`arn:aws:ec2:us-east-1:123456789012:security-group/${out.GroupId}`)
  })

  it('ingress from a source group on the ephemeral range, in JSON or shorthand, shows as one rule with its sgr- ID', () => {
    const sandbox = groups()
    const [alb, hosts] = [text(sandbox, 'echo $ALB'), text(sandbox, 'echo $HOSTS')]
    const added = ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id $HOSTS --ip-permissions '[{"IpProtocol":"tcp","FromPort":32768,"ToPort":65535,"UserIdGroupPairs":[{"GroupId":"${alb}","Description":"ALB to dynamic ports"}]}]'`)
    expect(added.SecurityGroupRules).toHaveLength(1)
    const rule = added.SecurityGroupRules[0]
    expect(rule).toMatchObject({ GroupId: hosts, IsEgress: false, IpProtocol: 'tcp', FromPort: 32768, ToPort: 65535, ReferencedGroupInfo: { GroupId: alb, UserId: '123456789012' }, Description: 'ALB to dynamic ports' })
    expect(rule.SecurityGroupRuleId).toMatch(/^sgr-[0-9a-f]{17}$/)
    const listed = ok(sandbox, 'aws ec2 describe-security-group-rules --filters Name=group-id,Values=$HOSTS').SecurityGroupRules
    expect(listed.map((r: { SecurityGroupRuleId: string; IsEgress: boolean }) => [r.SecurityGroupRuleId, r.IsEgress])).toEqual([
      [rule.SecurityGroupRuleId, false],
      [expect.stringMatching(/^sgr-/), true],
    ])
    // The same rule in shorthand is a duplicate.
    expect(sandbox.exec(`aws ec2 authorize-security-group-ingress --group-id $HOSTS --ip-permissions IpProtocol=tcp,FromPort=32768,ToPort=65535,UserIdGroupPairs=[{GroupId=${alb}}]`).stderr).toBe(
      error('InvalidPermission.Duplicate', 'AuthorizeSecurityGroupIngress', `the specified rule "peer: ${alb}, TCP, from port: 32768, to port: 65535, ALLOW" already exists`),
    )
    expect(ok(sandbox, `aws ec2 describe-security-group-rules --security-group-rule-ids ${rule.SecurityGroupRuleId}`).SecurityGroupRules[0].SecurityGroupRuleArn).toBe(
      `arn:aws:ec2:us-east-1:123456789012:security-group-rule/${rule.SecurityGroupRuleId}`,
    )
  })

  it('egress can be revoked and authorized again, naming a destination group and port', () => {
    const sandbox = groups()
    const revoked = ok(sandbox, 'aws ec2 revoke-security-group-egress --group-id $ALB --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]')
    expect(revoked.RevokedSecurityGroupRules).toEqual([expect.objectContaining({ IsEgress: true, IpProtocol: '-1', CidrIpv4: '0.0.0.0/0' })])
    expect(ok(sandbox, 'aws ec2 describe-security-groups --group-ids $ALB').SecurityGroups[0].IpPermissionsEgress).toEqual([])
    ok(sandbox, 'aws ec2 authorize-security-group-egress --group-id $ALB --protocol tcp --port 32768-65535 --source-group $HOSTS')
    const hosts = text(sandbox, 'echo $HOSTS')
    expect(ok(sandbox, 'aws ec2 describe-security-groups --group-ids $ALB').SecurityGroups[0].IpPermissionsEgress).toEqual([
      { IpProtocol: 'tcp', FromPort: 32768, ToPort: 65535, UserIdGroupPairs: [{ UserId: '123456789012', GroupId: hosts }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
    ])
    expect(sandbox.exec('aws ec2 revoke-security-group-egress --group-id $ALB --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]').stderr).toBe(
      error('InvalidPermission.NotFound', 'RevokeSecurityGroupEgress', 'The specified rule does not exist in this security group.'),
    )
  })

  it('describe-security-group-rules with an unknown ID is refused', () => {
    expect(createSandbox().exec('aws ec2 describe-security-group-rules --security-group-rule-ids sgr-0123456789abcdef0').stderr).toBe(
      error('InvalidSecurityGroupRuleId.NotFound', 'DescribeSecurityGroupRules', "The security group rule ID 'sgr-0123456789abcdef0' does not exist"),
    )
  })
})
