import { isPublicSubnet } from '../../../sandbox/views.ts'
import { statusOf } from '../status.ts'
import { creationOrder, labelOf, type ResourceMapper } from './registry.ts'

/** Node id of an Availability Zone drawn inside a VPC: the zone name, scoped by VPC so two VPCs never collide. */
export const azNodeId = (vpcId: string, zoneName: string): string => `${vpcId}/${zoneName}`

const REGION_NAMES: Readonly<Record<string, string>> = {
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-central-1': 'Europe (Frankfurt)',
}

export const SIZES = {
  subnet: { width: 250, height: 84 },
  az: { width: 282, height: 150 },
  vpc: { width: 320, height: 200 },
  region: { width: 360, height: 240 },
  internetGateway: { width: 200, height: 56 },
  securityGroup: { width: 180, height: 36 },
  ecrRepository: { width: 230, height: 64 },
  iamRole: { width: 250, height: 64 },
} as const

export const regionMapper: ResourceMapper = {
  kind: 'Region',
  map(world, out) {
    const name = REGION_NAMES[world.region]
    out.addNode({
      id: world.region,
      nodeType: 'group',
      section: 'regions',
      order: '0',
      size: SIZES.region,
      data: {
        kind: 'Region',
        label: world.region,
        detail: name ?? '',
        status: 'neutral',
        ariaLabel: `Region ${world.region}${name ? ` ${name}` : ''}`,
      },
    })
  },
}

export const vpcMapper: ResourceMapper = {
  kind: 'VPC',
  map(world, out) {
    Object.values(world.ec2.vpcs).forEach((vpc, i) => {
      const label = labelOf(vpc.VpcId, vpc.Tags)
      const detail = `${vpc.CidrBlock}${vpc.IsDefault ? ' · default' : ''}`
      out.addNode({
        id: vpc.VpcId,
        parentId: world.region,
        nodeType: 'group',
        section: 'network',
        order: creationOrder(i),
        size: SIZES.vpc,
        data: {
          kind: 'VPC',
          label,
          detail,
          state: vpc.State,
          status: statusOf(vpc.State),
          ariaLabel: `VPC ${label} ${vpc.CidrBlock}${vpc.IsDefault ? ' default' : ''}, ${vpc.State}`,
        },
      })
    })
  },
}

/** AZs are drawn where a VPC has subnets, as AWS diagrams do: one column per zone, ordered by zone name. */
export const availabilityZoneMapper: ResourceMapper = {
  kind: 'Availability Zone',
  map(world, out) {
    const zones = new Map<string, { vpcId: string; zoneName: string; zoneId: string }>()
    for (const s of Object.values(world.ec2.subnets)) {
      const id = azNodeId(s.VpcId, s.AvailabilityZone)
      if (!zones.has(id)) zones.set(id, { vpcId: s.VpcId, zoneName: s.AvailabilityZone, zoneId: s.AvailabilityZoneId })
    }
    for (const [id, z] of zones) {
      out.addNode({
        id,
        parentId: z.vpcId,
        nodeType: 'group',
        section: 'zones',
        order: z.zoneName,
        size: SIZES.az,
        data: {
          kind: 'Availability Zone',
          label: z.zoneName,
          detail: z.zoneId,
          state: 'available',
          status: 'neutral',
          ariaLabel: `Availability Zone ${z.zoneName} (${z.zoneId}), available`,
        },
      })
    }
  },
}

export const subnetMapper: ResourceMapper = {
  kind: 'Subnet',
  map(world, out) {
    Object.values(world.ec2.subnets).forEach((s, i) => {
      const label = labelOf(s.SubnetId, s.Tags)
      // Public or private is the network's own rule (route to an internet gateway), asked of the read model.
      const pub = isPublicSubnet(world, s.SubnetId)
      const reach = pub ? 'public' : 'private'
      out.addNode({
        id: s.SubnetId,
        parentId: azNodeId(s.VpcId, s.AvailabilityZone),
        nodeType: 'group',
        section: 'subnets',
        order: creationOrder(i),
        size: SIZES.subnet,
        data: {
          kind: 'Subnet',
          label,
          detail: `${s.CidrBlock} · ${reach} · ${s.AvailableIpAddressCount} IPs free`,
          state: s.State,
          status: statusOf(s.State),
          variant: reach,
          ariaLabel: `Subnet ${label} ${s.AvailabilityZone} ${s.CidrBlock}, ${reach}, ${s.AvailableIpAddressCount} free IPs, ${s.State}`,
        },
      })
    })
  },
}

export const internetGatewayMapper: ResourceMapper = {
  kind: 'Internet gateway',
  map(world, out) {
    Object.values(world.ec2.internetGateways).forEach((igw, i) => {
      const label = labelOf(igw.InternetGatewayId, igw.Tags)
      const attachment = igw.Attachments.find((a) => world.ec2.vpcs[a.VpcId] !== undefined)
      // An internet gateway with no attachment reports no state; the console shows it as "detached".
      const state = attachment?.State ?? 'detached'
      out.addNode({
        id: igw.InternetGatewayId,
        parentId: world.region,
        nodeType: 'resource',
        section: 'gateways',
        order: creationOrder(i),
        size: SIZES.internetGateway,
        anchorAbove: attachment?.VpcId,
        data: {
          kind: 'Internet gateway',
          label,
          detail: attachment ? `attached to ${attachment.VpcId}` : 'detached',
          state,
          status: statusOf(state),
          ariaLabel: `Internet gateway ${label}${attachment ? ` attached to ${attachment.VpcId}` : ''}, ${state}`,
        },
      })
      if (attachment) {
        out.addEdge({
          id: `${igw.InternetGatewayId}->${attachment.VpcId}`,
          source: igw.InternetGatewayId,
          target: attachment.VpcId,
          label: 'attached',
          zIndex: 10,
          data: { relation: `${igw.InternetGatewayId} is attached to ${attachment.VpcId}` },
        })
      }
    })
  },
}

export const securityGroupMapper: ResourceMapper = {
  kind: 'Security group',
  map(world, out) {
    Object.values(world.ec2.securityGroups).forEach((sg, i) => {
      const rules = sg.IpPermissions.length
      const ruleText = `${rules} inbound rule${rules === 1 ? '' : 's'}`
      out.addNode({
        id: sg.GroupId,
        parentId: sg.VpcId,
        nodeType: 'badge',
        section: 'securityGroups',
        order: creationOrder(i),
        size: SIZES.securityGroup,
        data: {
          kind: 'Security group',
          label: sg.GroupName,
          detail: `${sg.GroupId} · ${ruleText}`,
          status: 'neutral',
          ariaLabel: `Security group ${sg.GroupName} (${sg.GroupId}), ${ruleText}`,
        },
      })
    })
  },
}
