import { arn, AwsError, ec2Id, ownEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import { intToIp, isCidrBlock, parseCidr, usableAddressCount } from './cidr.ts'
import type { Subnet, Tag } from './state.ts'
import type { World } from '../world.ts'

/**
 * CreateSubnet / DeleteSubnet, with EC2's checks and words [seen in CLI/SDK output: InvalidSubnet.Conflict in
 * hashicorp/terraform#33470, the availabilityZone message in hashicorp/terraform#3434 and boto/boto#1904]:
 * the block must be a valid CIDR of /16 to /28 inside one of the VPC's blocks (InvalidSubnet.Range), must not overlap
 * another subnet of the VPC (InvalidSubnet.Conflict), and its zone must be one of the Region's. A new subnet is not a
 * default subnet and maps no public IP on launch (VPC User Guide, "Subnets for your VPC").
 */
interface CreateSubnetRequest {
  VpcId: string
  CidrBlock?: string
  AvailabilityZone?: string
  AvailabilityZoneId?: string
  TagSpecifications?: { ResourceType?: string; Tags?: Tag[] }[]
}

/** The Region's zones (name → id), as the world's subnets name them (describe-availability-zones reads the same). */
function zonesOf(world: World): Map<string, string> {
  const zones = new Map<string, string>()
  for (const s of Object.values(world.ec2.subnets).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone))) zones.set(s.AvailabilityZone, s.AvailabilityZoneId)
  return zones
}

const overlaps = (a: string, b: string) => {
  const x = parseCidr(a)
  const y = parseCidr(b)
  return x.base < y.base + y.size && y.base < x.base + x.size
}

export const createSubnet = handler((ctx, input: CreateSubnetRequest) => {
  const { world } = ctx
  const { ec2 } = world
  const vpc = ownEntry(ec2.vpcs, input.VpcId)
  if (!vpc) throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${input.VpcId}' does not exist`)
  const cidr = input.CidrBlock ?? ''
  if (!isCidrBlock(cidr)) throw new AwsError('InvalidParameterValue', `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`)
  const bits = Number(cidr.split('/')[1])
  const { base } = parseCidr(cidr)
  const block = `${intToIp(base)}/${bits}`
  const inVpc = vpc.CidrBlockAssociationSet.some((a) => {
    const outer = parseCidr(a.CidrBlock)
    return base >= outer.base && base + 2 ** (32 - bits) <= outer.base + outer.size
  })
  if (bits < 16 || bits > 28 || !inVpc) throw new AwsError('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`)
  if (Object.values(ec2.subnets).some((s) => s.VpcId === vpc.VpcId && overlaps(s.CidrBlock, block)))
    throw new AwsError('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`)
  const zones = zonesOf(world)
  const names = [...zones.keys()]
  let zone = input.AvailabilityZone
  if (zone === undefined && input.AvailabilityZoneId !== undefined) {
    zone = names.find((n) => zones.get(n) === input.AvailabilityZoneId)
    if (zone === undefined)
      throw new AwsError('InvalidParameterValue', `Value (${input.AvailabilityZoneId}) for parameter availabilityZoneId is invalid. Subnets can currently only be created in the following availability zones: ${[...zones.values()].join(', ')}.`)
  }
  // With no zone given, EC2 chooses one.
  zone ??= ctx.rng.pick(names)
  if (!zones.has(zone))
    throw new AwsError('InvalidParameterValue', `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${names.join(', ')}.`)
  const subnetId = ec2Id(ctx.rng, 'subnet')
  const tags = (input.TagSpecifications ?? []).filter((t) => t.ResourceType === 'subnet').flatMap((t) => t.Tags ?? [])
  const subnet: Subnet = {
    AvailabilityZoneId: zones.get(zone) ?? '',
    MapCustomerOwnedIpOnLaunch: false,
    OwnerId: world.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tags,
    SubnetArn: arn({ service: 'ec2', region: world.region, accountId: world.accountId, resource: `subnet/${subnetId}` }),
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    SubnetId: subnetId,
    State: 'available',
    VpcId: vpc.VpcId,
    CidrBlock: block,
    AvailableIpAddressCount: usableAddressCount(block),
    AvailabilityZone: zone,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
  }
  ec2.subnets[subnetId] = subnet
  ctx.log(subnetId, { kind: 'resource.created', type: 'AWS::EC2::Subnet', detail: `${block} in ${vpc.VpcId} (${zone}), ${subnet.AvailableIpAddressCount} addresses` })
  return { Subnet: { ...subnet, Tags: tags.length ? tags : undefined } }
})

/** DeleteSubnet: refused while any network interface (an instance's, a task's, a load balancer node's) is in it. */
export const deleteSubnet = handler((ctx, input: { SubnetId: string }) => {
  const { ec2 } = ctx.world
  const subnet = ownEntry(ec2.subnets, input.SubnetId)
  if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${input.SubnetId}' does not exist`)
  if (Object.values(ec2.networkInterfaces).some((n) => n.SubnetId === subnet.SubnetId))
    throw new AwsError('DependencyViolation', `The subnet '${subnet.SubnetId}' has dependencies and cannot be deleted.`)
  delete ec2.subnets[subnet.SubnetId]
  ctx.log(subnet.SubnetId, { kind: 'resource.deleted', type: 'AWS::EC2::Subnet' })
  return {}
})
