import { AwsError, ec2Id, step } from '../core/index.ts'
import { handler, type TimerHandler } from '../context.ts'
import { intToIp, isCidrBlock, parseCidr } from './cidr.ts'
import { defaultGroupIngress, newSecurityGroup } from './securityGroups.ts'
import type { Ec2State, Tag, Vpc } from './state.ts'
import { INITIAL_VPC_STATE, VPC_AVAILABLE_MS, vpcMachine } from './vpc.machine.ts'

interface CreateVpcRequest {
  CidrBlock?: string
  InstanceTenancy?: string
  TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[]
}

/** The account's default VPC, where calls that name a security group by `GroupName` look (EC2 User Guide, "Default VPCs"). */
export const defaultVpcId = (ec2: Ec2State): string | undefined => Object.values(ec2.vpcs).find((v) => v.IsDefault)?.VpcId

/**
 * CreateVpc: a VPC with its main route table (local route only, so its subnets are private until an internet
 * gateway and a route are added) and its `default` security group, as EC2 creates them. The answer says
 * `pending`; the scheduler makes it `available` (vpc.machine.ts).
 * Block sizes: /16 to /28 (VPC User Guide, "VPC CIDR blocks").
 */
export const createVpc = handler((ctx, input: CreateVpcRequest) => {
  const cidr = input.CidrBlock ?? ''
  if (!isCidrBlock(cidr)) throw new AwsError('InvalidParameterValue', `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`)
  const bits = Number(cidr.split('/')[1])
  if (bits < 16 || bits > 28) throw new AwsError('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`)
  const { accountId, region, ec2 } = ctx.world
  const { base } = parseCidr(cidr)
  const block = `${intToIp(base)}/${bits}`
  const vpcId = ec2Id(ctx.rng, 'vpc')
  const tags = (input.TagSpecifications ?? []).filter((t) => t.ResourceType === 'vpc').flatMap((t) => t.Tags ?? [])
  const vpc: Vpc = {
    OwnerId: accountId,
    InstanceTenancy: input.InstanceTenancy ?? 'default',
    Ipv6CidrBlockAssociationSet: [],
    CidrBlockAssociationSet: [{ AssociationId: ec2Id(ctx.rng, 'vpc-cidr-assoc'), CidrBlock: block, CidrBlockState: { State: 'associated' } }],
    IsDefault: false,
    Tags: tags,
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    VpcId: vpcId,
    State: INITIAL_VPC_STATE,
    CidrBlock: block,
    DhcpOptionsId: Object.values(ec2.vpcs)[0]?.DhcpOptionsId ?? ec2Id(ctx.rng, 'dopt'),
  }
  ec2.vpcs[vpcId] = vpc
  const rtbId = ec2Id(ctx.rng, 'rtb')
  ec2.routeTables[rtbId] = {
    Associations: [{ Main: true, RouteTableAssociationId: ec2Id(ctx.rng, 'rtbassoc'), RouteTableId: rtbId, AssociationState: { State: 'associated' } }],
    PropagatingVgws: [],
    RouteTableId: rtbId,
    Routes: [{ DestinationCidrBlock: block, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }],
    Tags: [],
    VpcId: vpcId,
    OwnerId: accountId,
  }
  const sg = newSecurityGroup(ctx.rng, { accountId, region, vpcId, name: 'default', description: 'default VPC security group', ingress: defaultGroupIngress(accountId) })
  ec2.securityGroups[sg.GroupId] = sg
  ctx.scheduler.schedule(ctx.now() + VPC_AVAILABLE_MS, 'ec2.vpc.step', { vpcId, event: 'AVAILABLE' })
  ctx.log(vpcId, { kind: 'resource.created', type: 'AWS::EC2::VPC', detail: `CIDR ${block}, State pending` })
  return { Vpc: { ...vpc, Tags: tags.length ? tags : undefined } }
})

/** Sends the scheduled event to the VPC's lifecycle machine and stores the state it lands in. */
export const vpcStep: TimerHandler = (ctx, payload) => {
  const vpc = ctx.world.ec2.vpcs[String(payload.vpcId)]
  if (!vpc) return
  const next = step(vpcMachine, vpc.State, { type: String(payload.event) })
  if (next === undefined || next === vpc.State) return
  ctx.log(vpc.VpcId, { kind: 'resource.status', type: 'AWS::EC2::VPC', attribute: 'State', from: vpc.State, to: next })
  vpc.State = next
}
