import { describe, expect, it } from 'vitest'
import { findResource } from '../../../src/app/inspector/index.ts'
import { toGraph } from '../../../src/app/diagram/toGraph.ts'
import { startingWorld } from '../diagram/world.ts'

const world = startingWorld()
const vpc = Object.values(world.ec2.vpcs)[0]
const subnet = Object.values(world.ec2.subnets).find((s) => s.AvailabilityZone === 'us-east-1a')!
const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')!
const igw = Object.values(world.ec2.internetGateways)[0]
const rtb = Object.values(world.ec2.routeTables)[0]
const role = world.iam.roles.ecsTaskExecutionRole
const repo = world.ecr.repositories.pythonwebapp

describe('findResource', () => {
  it('finds a VPC', () => {
    expect(findResource(world, vpc.VpcId)).toEqual({
      kind: 'VPC',
      id: vpc.VpcId,
      title: vpc.VpcId,
      data: vpc,
      describeCommand: `aws ec2 describe-vpcs --vpc-ids ${vpc.VpcId}`,
    })
  })

  it('finds a subnet', () => {
    expect(findResource(world, subnet.SubnetId)).toMatchObject({
      kind: 'Subnet',
      data: subnet,
      describeCommand: `aws ec2 describe-subnets --subnet-ids ${subnet.SubnetId}`,
    })
  })

  it('finds an Availability Zone drawn in a VPC, and by bare zone name', () => {
    const found = findResource(world, `${vpc.VpcId}/us-east-1a`)
    expect(found).toMatchObject({
      kind: 'Availability Zone',
      title: 'us-east-1a',
      data: { ZoneName: 'us-east-1a', ZoneId: 'use1-az6', RegionName: 'us-east-1', State: 'available', SubnetIds: [subnet.SubnetId] },
      describeCommand: 'aws ec2 describe-availability-zones --zone-names us-east-1a',
    })
    expect(findResource(world, 'us-east-1b')).toMatchObject({ kind: 'Availability Zone', title: 'us-east-1b' })
    expect(findResource(world, 'vpc-00000000000000000/us-east-1a')).toBeUndefined()
  })

  it('finds a security group', () => {
    expect(findResource(world, web.GroupId)).toMatchObject({
      kind: 'Security group',
      title: 'web',
      data: web,
      describeCommand: `aws ec2 describe-security-groups --group-ids ${web.GroupId}`,
    })
  })

  it('finds an internet gateway and a route table', () => {
    expect(findResource(world, igw.InternetGatewayId)).toMatchObject({
      kind: 'Internet gateway',
      describeCommand: `aws ec2 describe-internet-gateways --internet-gateway-ids ${igw.InternetGatewayId}`,
    })
    expect(findResource(world, rtb.RouteTableId)).toMatchObject({
      kind: 'Route table',
      describeCommand: `aws ec2 describe-route-tables --route-table-ids ${rtb.RouteTableId}`,
    })
  })

  it('finds an IAM role by ARN, with its trust policy decoded and its date readable', () => {
    const found = findResource(world, role.Arn)
    expect(found).toMatchObject({ kind: 'IAM role', title: 'ecsTaskExecutionRole', describeCommand: 'aws iam get-role --role-name ecsTaskExecutionRole' })
    expect(found?.data).toMatchObject({
      Arn: role.Arn,
      CreateDate: '1970-01-01T00:00:00+00:00',
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'ecs-tasks.amazonaws.com' } }] },
    })
    expect(findResource(world, 'ecsInstanceRole')).toMatchObject({ kind: 'IAM role', title: 'ecsInstanceRole' })
  })

  it('finds the ECR repository by ARN, with its images', () => {
    const found = findResource(world, repo.repositoryArn)
    expect(found).toMatchObject({
      kind: 'ECR repository',
      title: 'pythonwebapp',
      describeCommand: 'aws ecr describe-repositories --repository-names pythonwebapp',
      data: { repositoryUri: repo.repositoryUri, images: [expect.objectContaining({ imageTags: ['latest'] })] },
    })
  })

  it('finds the region', () => {
    expect(findResource(world, 'us-east-1')).toMatchObject({ kind: 'Region', describeCommand: 'aws ec2 describe-regions --region-names us-east-1' })
  })

  it('finds a resource for every node the diagram draws', () => {
    for (const node of toGraph(world).nodes) {
      expect(findResource(world, node.id)?.kind, node.id).toBe(node.data.kind)
    }
  })

  it('returns undefined for something that no longer exists', () => {
    expect(findResource(world, 'subnet-0000000000000000f')).toBeUndefined()
    expect(findResource(world, '')).toBeUndefined()
  })
})
