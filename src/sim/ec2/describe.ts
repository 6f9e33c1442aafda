import { AwsError } from '../core/index.ts'
import { handler } from '../context.ts'
import { applyFilters, pickByIds, type Filter } from './filters.ts'
import { checkGroupIdFormat, groupNameNotFound } from './securityGroupOps.ts'
import type { NetworkInterface, Subnet } from './state.ts'
import { defaultVpcId } from './vpcs.ts'

/**
 * The EC2 Describe* calls over the world's VPC resources, with IDs and Filters as the EC2 API takes them.
 * Filter names follow the EC2 API Reference of each call.
 */
const notFound = (code: string, noun: string) => (missing: string[]) =>
  new AwsError(code, missing.length === 1 ? `The ${noun} '${missing[0]}' does not exist` : `The ${noun}s '${missing.join(', ')}' do not exist`)

export const describeVpcs = handler((ctx, input: { VpcIds?: string[]; Filters?: Filter[] }) => {
  const vpcs = pickByIds(ctx.world.ec2.vpcs, input.VpcIds, notFound('InvalidVpcID.NotFound', 'vpc ID'))
  return {
    Vpcs: applyFilters(vpcs, input.Filters, {
      'vpc-id': (v) => v.VpcId,
      'cidr': (v) => v.CidrBlock,
      'cidr-block-association.cidr-block': (v) => v.CidrBlockAssociationSet.map((a) => a.CidrBlock),
      'is-default': (v) => v.IsDefault,
      'state': (v) => v.State,
      'owner-id': (v) => v.OwnerId,
      'dhcp-options-id': (v) => v.DhcpOptionsId,
    }),
  }
})

const subnetFilters = {
  'subnet-id': (s: Subnet) => s.SubnetId,
  'vpc-id': (s: Subnet) => s.VpcId,
  'availability-zone': (s: Subnet) => s.AvailabilityZone,
  'availability-zone-id': (s: Subnet) => s.AvailabilityZoneId,
  'cidr-block': (s: Subnet) => s.CidrBlock,
  'default-for-az': (s: Subnet) => s.DefaultForAz,
  'map-public-ip-on-launch': (s: Subnet) => s.MapPublicIpOnLaunch,
  'state': (s: Subnet) => s.State,
  'owner-id': (s: Subnet) => s.OwnerId,
  'subnet-arn': (s: Subnet) => s.SubnetArn,
  'available-ip-address-count': (s: Subnet) => s.AvailableIpAddressCount,
}

export const describeSubnets = handler((ctx, input: { SubnetIds?: string[]; Filters?: Filter[] }) => {
  const subnets = pickByIds(ctx.world.ec2.subnets, input.SubnetIds, notFound('InvalidSubnetID.NotFound', 'subnet ID'))
  return { Subnets: applyFilters(subnets, input.Filters, subnetFilters) }
})

export const describeSecurityGroups = handler((ctx, input: { GroupIds?: string[]; GroupNames?: string[]; Filters?: Filter[] }) => {
  const { securityGroups } = ctx.world.ec2
  input.GroupIds?.forEach(checkGroupIdFormat)
  let groups = pickByIds(securityGroups, input.GroupIds, (missing) =>
    new AwsError('InvalidGroup.NotFound', `The security group '${missing.join("', '")}' does not exist`))
  if (input.GroupNames?.length) {
    const names = input.GroupNames
    const missing = names.filter((n) => !groups.some((g) => g.GroupName === n))
    if (missing.length) throw groupNameNotFound(missing[0], defaultVpcId(ctx.world.ec2) ?? '')
    groups = groups.filter((g) => names.includes(g.GroupName))
  }
  return {
    SecurityGroups: applyFilters(groups, input.Filters, {
      'group-id': (g) => g.GroupId,
      'group-name': (g) => g.GroupName,
      'vpc-id': (g) => g.VpcId,
      'description': (g) => g.Description,
      'owner-id': (g) => g.OwnerId,
      'ip-permission.from-port': (g) => g.IpPermissions.flatMap((p) => (p.FromPort === undefined ? [] : [String(p.FromPort)])),
      'ip-permission.to-port': (g) => g.IpPermissions.flatMap((p) => (p.ToPort === undefined ? [] : [String(p.ToPort)])),
      'ip-permission.cidr': (g) => g.IpPermissions.flatMap((p) => p.IpRanges.map((r) => r.CidrIp)),
      'ip-permission.protocol': (g) => g.IpPermissions.map((p) => p.IpProtocol),
    }),
  }
})

export const describeInternetGateways = handler((ctx, input: { InternetGatewayIds?: string[]; Filters?: Filter[] }) => {
  const igws = pickByIds(ctx.world.ec2.internetGateways, input.InternetGatewayIds, notFound('InvalidInternetGatewayID.NotFound', 'internet gateway ID'))
  return {
    InternetGateways: applyFilters(igws, input.Filters, {
      'internet-gateway-id': (g) => g.InternetGatewayId,
      'attachment.vpc-id': (g) => g.Attachments.map((a) => a.VpcId),
      'attachment.state': (g) => g.Attachments.map((a) => a.State),
      'owner-id': (g) => g.OwnerId,
    }),
  }
})

export const describeRouteTables = handler((ctx, input: { RouteTableIds?: string[]; Filters?: Filter[] }) => {
  const tables = pickByIds(ctx.world.ec2.routeTables, input.RouteTableIds, notFound('InvalidRouteTableID.NotFound', 'route table ID'))
  return {
    RouteTables: applyFilters(tables, input.Filters, {
      'route-table-id': (t) => t.RouteTableId,
      'vpc-id': (t) => t.VpcId,
      'association.main': (t) => t.Associations.map((a) => String(a.Main)),
      'route.gateway-id': (t) => t.Routes.map((r) => r.GatewayId),
      'route.destination-cidr-block': (t) => t.Routes.map((r) => r.DestinationCidrBlock),
    }),
  }
})

export const describeNetworkInterfaces = handler((ctx, input: { NetworkInterfaceIds?: string[]; Filters?: Filter[] }) => {
  const enis = pickByIds(ctx.world.ec2.networkInterfaces, input.NetworkInterfaceIds, notFound('InvalidNetworkInterfaceID.NotFound', 'network interface ID'))
  return {
    NetworkInterfaces: applyFilters(
      enis.map((n) => ({ ...describedInterface(n, ctx.world.region), TagSet: [] })),
      input.Filters,
      {
        'network-interface-id': (n) => n.NetworkInterfaceId,
        'subnet-id': (n) => n.SubnetId,
        'vpc-id': (n) => n.VpcId,
        'availability-zone': (n) => n.AvailabilityZone,
        'private-ip-address': (n) => n.PrivateIpAddress,
        'group-id': (n) => n.Groups.map((g) => g.GroupId),
        'status': (n) => n.Status,
        'description': (n) => n.Description,
        'association.public-ip': (n) => n.Association?.PublicIp,
        'association.ip-owner-id': (n) => n.Association?.IpOwnerId,
        'association.public-dns-name': (n) => n.Association?.PublicDnsName,
        'attachment.instance-id': (n) => n.Attachment?.InstanceId,
        'attachment.status': (n) => n.Attachment?.Status,
        'attachment.device-index': (n) => n.Attachment?.DeviceIndex,
        'interface-type': (n) => n.InterfaceType,
        'requester-id': (n) => n.RequesterId,
      },
    ),
  }
})

/**
 * An interface as EC2 describes it: an auto-assigned public address is an `Association` owned by `amazon`, with
 * its public DNS name (EC2 API Reference, NetworkInterfaceAssociation; us-east-1 names end `compute-1.amazonaws.com`,
 * other Regions `<region>.compute.amazonaws.com`, per "Amazon EC2 instance hostname types").
 */
interface DescribedInterface extends Omit<NetworkInterface, 'PublicIp'> {
  Association?: { IpOwnerId: string; PublicDnsName: string; PublicIp: string }
}

function describedInterface({ PublicIp, ...interface_ }: NetworkInterface, region: string): DescribedInterface {
  // An instance's own interface was not made by a service on its behalf: no RequesterId (kept internally to release it).
  // A task's ENI attached to a container instance was (ECS asked for it), so it keeps its requester.
  const { RequesterId: _requester, ...rest } = interface_
  const eni = interface_.Attachment?.InstanceId === interface_.RequesterId ? (rest as NetworkInterface) : interface_
  if (!PublicIp) return eni
  const domain = region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`
  return { ...eni, Association: { IpOwnerId: 'amazon', PublicDnsName: `ec2-${PublicIp.replaceAll('.', '-')}.${domain}`, PublicIp } }
}

/** The Region's zones, named from the subnets' AZs the world was created with (three in the starting world). */
export const describeAvailabilityZones = handler((ctx, input: { ZoneNames?: string[]; Filters?: Filter[] }) => {
  const seen = new Map<string, string>()
  for (const s of Object.values(ctx.world.ec2.subnets)) seen.set(s.AvailabilityZone, s.AvailabilityZoneId)
  const zones = [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([ZoneName, ZoneId]) => ({
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: ctx.world.region,
    ZoneName,
    ZoneId,
    GroupName: ctx.world.region,
    NetworkBorderGroup: ctx.world.region,
    ZoneType: 'availability-zone',
    State: 'available',
  }))
  const named = input.ZoneNames?.length ? zones.filter((z) => input.ZoneNames?.includes(z.ZoneName)) : zones
  return { AvailabilityZones: applyFilters(named, input.Filters, { 'zone-name': (z) => z.ZoneName, 'zone-id': (z) => z.ZoneId, 'state': (z) => z.State }) }
})
