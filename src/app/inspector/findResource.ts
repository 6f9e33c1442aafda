import type { World } from '../../sandbox/index.ts'
import { imagesOfRepository, isoTimestamp, repositoryNamed, roleNamed } from '../../sandbox/views.ts'
import { dockerContainerFinder } from './dockerFinder.ts'
import { instanceFinder, volumeFinder } from './ec2Finders.ts'
import { autoScalingGroupFinder, capacityProviderFinder } from './scalingFinders.ts'
import { serviceFinders } from './serviceFinders.ts'

/** What the inspector shows for one selected diagram node. */
export interface FoundResource {
  /** AWS's word for the kind, as in the diagram ("Subnet", "IAM role"). */
  kind: string
  /** The id the diagram selected. */
  id: string
  /** The id the event log knows it by, when it is drawn in several places under other ids (an Auto Scaling group per subnet). */
  resourceId?: string
  /** Name or ID, for the heading. */
  title: string
  /** The resource in the API's shape (as describe-* or get-* would return it). */
  data: unknown
  /** The CLI command that describes exactly this resource. */
  describeCommand: string
  /** What a learner looks for first (IDs, ARNs, DNS name, IPs, ports), as label → value. */
  facts?: [label: string, value: string][]
}

/** One resource kind: recognises its ids and finds the resource. A later issue adds a finder per new kind. */
export interface ResourceFinder {
  kind: string
  find(world: Readonly<World>, id: string): FoundResource | undefined
}

const nameOr = (id: string, tags?: readonly { Key: string; Value: string }[]) => tags?.find((t) => t.Key === 'Name')?.Value ?? id

/** Decodes IAM's URL-encoded policy document the way the AWS CLI prints it: as JSON. */
function policyDocument(encoded: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(encoded))
  } catch {
    return encoded
  }
}

const region: ResourceFinder = {
  kind: 'Region',
  find: (world, id) =>
    id === world.region
      ? {
          kind: 'Region',
          id,
          title: id,
          data: { RegionName: id, Endpoint: `ec2.${id}.amazonaws.com`, OptInStatus: 'opt-in-not-required' },
          describeCommand: `aws ec2 describe-regions --region-names ${id}`,
        }
      : undefined,
}

const vpc: ResourceFinder = {
  kind: 'VPC',
  find: (world, id) => {
    const v = world.ec2.vpcs[id]
    return v && { kind: 'VPC', id, title: nameOr(id, v.Tags), data: v, describeCommand: `aws ec2 describe-vpcs --vpc-ids ${id}` }
  },
}

/** The diagram draws an AZ per VPC (`vpc-…/us-east-1a`); a bare zone name works too. */
const availabilityZone: ResourceFinder = {
  kind: 'Availability Zone',
  find: (world, id) => {
    const slash = id.lastIndexOf('/')
    const vpcId = slash >= 0 ? id.slice(0, slash) : undefined
    const zoneName = id.slice(slash + 1)
    if (vpcId !== undefined && world.ec2.vpcs[vpcId] === undefined) return undefined
    const subnets = Object.values(world.ec2.subnets).filter(
      (s) => s.AvailabilityZone === zoneName && (vpcId === undefined || s.VpcId === vpcId),
    )
    if (subnets.length === 0) return undefined
    return {
      kind: 'Availability Zone',
      id,
      title: zoneName,
      data: {
        ZoneName: zoneName,
        ZoneId: subnets[0].AvailabilityZoneId,
        RegionName: world.region,
        State: 'available',
        ZoneType: 'availability-zone',
        ...(vpcId !== undefined ? { VpcId: vpcId } : {}),
        SubnetIds: subnets.map((s) => s.SubnetId),
      },
      describeCommand: `aws ec2 describe-availability-zones --zone-names ${zoneName}`,
    }
  },
}

const subnet: ResourceFinder = {
  kind: 'Subnet',
  find: (world, id) => {
    const s = world.ec2.subnets[id]
    return s && { kind: 'Subnet', id, title: nameOr(id, s.Tags), data: s, describeCommand: `aws ec2 describe-subnets --subnet-ids ${id}` }
  },
}

const internetGateway: ResourceFinder = {
  kind: 'Internet gateway',
  find: (world, id) => {
    const g = world.ec2.internetGateways[id]
    return (
      g && {
        kind: 'Internet gateway',
        id,
        title: nameOr(id, g.Tags),
        data: g,
        describeCommand: `aws ec2 describe-internet-gateways --internet-gateway-ids ${id}`,
      }
    )
  },
}

const securityGroup: ResourceFinder = {
  kind: 'Security group',
  find: (world, id) => {
    const g = world.ec2.securityGroups[id]
    return g && { kind: 'Security group', id, title: g.GroupName, data: g, describeCommand: `aws ec2 describe-security-groups --group-ids ${id}` }
  },
}

const routeTable: ResourceFinder = {
  kind: 'Route table',
  find: (world, id) => {
    const t = world.ec2.routeTables[id]
    return t && { kind: 'Route table', id, title: nameOr(id, t.Tags), data: t, describeCommand: `aws ec2 describe-route-tables --route-table-ids ${id}` }
  },
}

const networkInterface: ResourceFinder = {
  kind: 'Network interface',
  find: (world, id) => {
    const e = world.ec2.networkInterfaces[id]
    return (
      e && {
        kind: 'Network interface',
        id,
        title: id,
        data: e,
        facts: [
          ['Private IP', e.PrivateIpAddress],
          ...(e.PublicIp ? [['Public IP', e.PublicIp] as [string, string]] : []),
          ['Subnet', `${e.SubnetId} (${e.AvailabilityZone})`],
          ['Security groups', e.Groups.map((g) => `${g.GroupName} (${g.GroupId})`).join(', ')],
          ['Attached to', e.RequesterId],
        ],
        describeCommand: `aws ec2 describe-network-interfaces --network-interface-ids ${id}`,
      }
    )
  },
}

/** By ARN (the diagram's id) or by role name. */
const iamRole: ResourceFinder = {
  kind: 'IAM role',
  find: (world, id) => {
    const role = roleNamed(world, id)
    return (
      role && {
        kind: 'IAM role',
        id,
        title: role.RoleName,
        data: { ...role, CreateDate: isoTimestamp(role.CreateDate), AssumeRolePolicyDocument: policyDocument(role.AssumeRolePolicyDocument) },
        describeCommand: `aws iam get-role --role-name ${role.RoleName}`,
      }
    )
  },
}

/** By ARN (the diagram's id) or by repository name; lists its images as describe-images would. */
const ecrRepository: ResourceFinder = {
  kind: 'ECR repository',
  find: (world, id) => {
    const repo = repositoryNamed(world, id)
    if (!repo) return undefined
    const images = imagesOfRepository(world, repo.repositoryName).map((img) => ({
        imageDigest: img.digest,
        imageTags: [img.tag],
        imageSizeInBytes: img.layers.reduce((n, l) => n + l.size, 0),
        imagePushedAt: isoTimestamp(img.pushedAt),
      }))
    return {
      kind: 'ECR repository',
      id,
      title: repo.repositoryName,
      data: { ...repo, createdAt: isoTimestamp(repo.createdAt), images },
      describeCommand: `aws ecr describe-repositories --repository-names ${repo.repositoryName}`,
    }
  },
}

/** Tried in order; the first finder that recognises the id wins. */
export const resourceFinders: readonly ResourceFinder[] = [
  vpc,
  subnet,
  securityGroup,
  internetGateway,
  routeTable,
  networkInterface,
  iamRole,
  ecrRepository,
  instanceFinder,
  volumeFinder,
  autoScalingGroupFinder,
  ...serviceFinders,
  capacityProviderFinder,
  region,
  availabilityZone,
  dockerContainerFinder,
]

/** The resource a diagram node stands for, or undefined when it no longer exists. */
export function findResource(world: Readonly<World>, id: string): FoundResource | undefined {
  for (const finder of resourceFinders) {
    const found = finder.find(world, id)
    if (found) return found
  }
  return undefined
}
