import { arn, ec2Id, type Rng } from '../core/index.ts'
import type { IpPermission, SecurityGroup } from './state.ts'

/** Outbound to anywhere on every protocol: what EC2 gives every new security group (EC2 User Guide, "Security group rules"). */
const allEgress = (): IpPermission => ({
  IpProtocol: '-1',
  UserIdGroupPairs: [],
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
  Ipv6Ranges: [],
  PrefixListIds: [],
})

export const tcpFromAnywhere = (port: number): IpPermission => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  UserIdGroupPairs: [],
  IpRanges: [{ CidrIp: '0.0.0.0/0' }],
  Ipv6Ranges: [],
  PrefixListIds: [],
})

export interface NewSecurityGroup {
  accountId: string
  region: string
  vpcId: string
  name: string
  description: string
  /** Inbound rules; given the new group's ID so the default group can refer to itself. */
  ingress: (groupId: string) => IpPermission[]
}

export function newSecurityGroup(rng: Rng, g: NewSecurityGroup): SecurityGroup {
  const id = ec2Id(rng, 'sg')
  return {
    GroupId: id,
    IpPermissionsEgress: [allEgress()],
    Tags: [],
    VpcId: g.vpcId,
    SecurityGroupArn: arn({ service: 'ec2', region: g.region, accountId: g.accountId, resource: `security-group/${id}` }),
    OwnerId: g.accountId,
    GroupName: g.name,
    Description: g.description,
    IpPermissions: g.ingress(id),
  }
}

/** Every VPC's `default` group lets its members reach each other on everything (EC2 User Guide, "Default security groups"). */
export const defaultGroupIngress =
  (accountId: string) =>
  (id: string): IpPermission[] => [
    { IpProtocol: '-1', UserIdGroupPairs: [{ UserId: accountId, GroupId: id }], IpRanges: [], Ipv6Ranges: [], PrefixListIds: [] },
  ]
