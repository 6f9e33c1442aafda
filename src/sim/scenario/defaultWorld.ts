import { arn, ec2Id, emptyEventLog, type Rng } from '../core/index.ts'
import type { World } from '../world.ts'
import type { IpPermission, Subnet } from '../ec2/state.ts'
import { defaultGroupIngress, newSecurityGroup, tcpFromAnywhere } from '../ec2/securityGroups.ts'
import { usableAddressCount } from '../ec2/cidr.ts'
import { emptyEfsState } from '../efs/state.ts'
import { PYTHON_WEBAPP_IMAGE } from '../runtime/images.ts'
import { emptyEcsState } from '../ecs/state.ts'
import { emptyElbv2State } from '../elbv2/state.ts'
import { emptyDockerState } from '../docker/state.ts'
import { emptyLogsState } from '../logs/state.ts'
import { emptyAutoScalingState } from '../autoscaling/state.ts'
import { emptyApplicationAutoScalingState } from '../applicationAutoscaling/state.ts'
import { emptyPricingState } from '../pricing/state.ts'
import { emptyCloudWatchState } from '../cloudwatch/state.ts'

/**
 * The starting world (documented in the README): account 123456789012 in us-east-1, a default VPC
 * 172.31.0.0/16 with one public /20 subnet in each of three AZs, an internet gateway and main route table,
 * the default security group and a `web` group allowing TCP 80 and 8080 from anywhere, the IAM roles the
 * course notes use, and the ECR repository `pythonwebapp` holding the course's web app.
 * All IDs come from the seeded RNG in AWS's formats (fidelity §3.1).
 */
export interface WorldOptions {
  accountId: string
  region: string
  /** Virtual time the world is created at (epoch ms). */
  createdAt: number
}

/** The default VPC's per-AZ subnets: AZ name, AZ ID (the mapping differs per account; this is one real one). */
const DEFAULT_SUBNETS = [
  { az: 'a', azId: 'use1-az6', cidr: '172.31.0.0/20' },
  { az: 'b', azId: 'use1-az1', cidr: '172.31.16.0/20' },
  { az: 'c', azId: 'use1-az2', cidr: '172.31.32.0/20' },
]

const blockOff = { InternetGatewayBlockMode: 'off' }

const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})
const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

export function defaultWorld(rng: Rng, opts: WorldOptions): World {
  const { accountId, region, createdAt } = opts
  const vpcId = ec2Id(rng, 'vpc')
  const world: World = {
    accountId,
    region,
    ec2: { vpcs: {}, subnets: {}, securityGroups: {}, internetGateways: {}, routeTables: {}, networkInterfaces: {}, privateIpIndex: {}, instances: {}, instanceData: {}, launchTemplates: {}, launchTemplateVersions: {}, keyPairs: {}, volumes: {}, snapshots: {}, volumeModifications: {} },
    iam: {
      roles: {},
      instanceProfiles: {},
      user: { UserName: 'learner', UserId: `AIDA${rng.hex(17).toUpperCase()}`, Arn: `arn:aws:iam::${accountId}:user/learner` },
    },
    ecr: { repositories: {}, images: [] },
    ecs: emptyEcsState(),
    elbv2: emptyElbv2State(),
    docker: emptyDockerState(),
    logs: emptyLogsState(),
    autoscaling: emptyAutoScalingState(),
    pricing: emptyPricingState(),
    efs: emptyEfsState(),
    cloudwatch: emptyCloudWatchState(),
    log: emptyEventLog(),
    applicationAutoscaling: emptyApplicationAutoScalingState(),
  }
  const { ec2 } = world
  ec2.vpcs[vpcId] = {
    OwnerId: accountId,
    InstanceTenancy: 'default',
    Ipv6CidrBlockAssociationSet: [],
    CidrBlockAssociationSet: [{ AssociationId: ec2Id(rng, 'vpc-cidr-assoc'), CidrBlock: '172.31.0.0/16', CidrBlockState: { State: 'associated' } }],
    IsDefault: true,
    Tags: [],
    BlockPublicAccessStates: blockOff,
    VpcId: vpcId,
    State: 'available',
    CidrBlock: '172.31.0.0/16',
    DhcpOptionsId: ec2Id(rng, 'dopt'),
  }
  for (const s of DEFAULT_SUBNETS) {
    const subnetId = ec2Id(rng, 'subnet')
    const subnet: Subnet = {
      AvailabilityZoneId: s.azId,
      MapCustomerOwnedIpOnLaunch: false,
      OwnerId: accountId,
      AssignIpv6AddressOnCreation: false,
      Ipv6CidrBlockAssociationSet: [],
      Tags: [],
      SubnetArn: arn({ service: 'ec2', region, accountId, resource: `subnet/${subnetId}` }),
      EnableDns64: false,
      Ipv6Native: false,
      PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
      BlockPublicAccessStates: blockOff,
      SubnetId: subnetId,
      State: 'available',
      VpcId: vpcId,
      CidrBlock: s.cidr,
      AvailableIpAddressCount: usableAddressCount(s.cidr),
      AvailabilityZone: `${region}${s.az}`,
      DefaultForAz: true,
      MapPublicIpOnLaunch: true,
    }
    ec2.subnets[subnetId] = subnet
  }
  const igwId = ec2Id(rng, 'igw')
  ec2.internetGateways[igwId] = { Attachments: [{ State: 'available', VpcId: vpcId }], InternetGatewayId: igwId, OwnerId: accountId, Tags: [] }
  const rtbId = ec2Id(rng, 'rtb')
  ec2.routeTables[rtbId] = {
    Associations: [{ Main: true, RouteTableAssociationId: ec2Id(rng, 'rtbassoc'), RouteTableId: rtbId, AssociationState: { State: 'associated' } }],
    PropagatingVgws: [],
    RouteTableId: rtbId,
    Routes: [
      { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId, Origin: 'CreateRoute', State: 'active' },
    ],
    Tags: [],
    VpcId: vpcId,
    OwnerId: accountId,
  }
  const group = (name: string, description: string, ingress: (id: string) => IpPermission[]) => {
    const sg = newSecurityGroup(rng, { accountId, region, vpcId, name, description, ingress })
    ec2.securityGroups[sg.GroupId] = sg
  }
  group('default', 'default VPC security group', defaultGroupIngress(accountId))
  group('web', 'HTTP to the load balancer (80) and the containers (8080)', () => [tcpFromAnywhere(80), tcpFromAnywhere(8080)])

  const role = (name: string, trust: string, description: string, policies: string[]) => {
    world.iam.roles[name] = {
      Path: '/',
      RoleName: name,
      RoleId: `AROA${rng.hex(17).toUpperCase()}`,
      Arn: `arn:aws:iam::${accountId}:role/${name}`,
      CreateDate: createdAt,
      AssumeRolePolicyDocument: encodeURIComponent(trust),
      Description: description,
      MaxSessionDuration: 3600,
      AttachedPolicyArns: policies,
    }
  }
  role('ecsTaskExecutionRole', ECS_TASKS_TRUST, 'Lets ECS pull images from ECR and write logs on the task\'s behalf', [
    'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  ])
  role('PythonECSTask', ECS_TASKS_TRUST, 'The python web app\'s own permissions (task role)', [])
  role('ecsInstanceRole', EC2_TRUST, 'Lets the ECS agent on an EC2 container instance join a cluster', [
    'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
  ])

  const repositoryName = 'pythonwebapp'
  world.ecr.repositories[repositoryName] = {
    repositoryArn: `arn:aws:ecr:${region}:${accountId}:repository/${repositoryName}`,
    registryId: accountId,
    repositoryName,
    repositoryUri: `${accountId}.dkr.ecr.${region}.amazonaws.com/${repositoryName}`,
    createdAt,
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  }
  world.ecr.images.push({ ...PYTHON_WEBAPP_IMAGE, repositoryName, pushedAt: createdAt })
  return world
}
