import type { Instance, InstanceData } from './instance.ts'
import type { KeyPair } from './keyPairs.ts'
import type { LaunchTemplate, LaunchTemplateVersion } from './launchTemplate.ts'
import type { VolumeModification } from './modifyVolume.ts'
import type { Snapshot } from './snapshots.ts'
import type { Volume } from './volumes.ts'

/**
 * EC2 slice of the world. Resources are stored in the EC2 API's own shapes and member names
 * (`Vpc`, `Subnet`, `SecurityGroup`), so describe-* returns them as they are.
 */
export interface Tag {
  Key: string
  Value: string
}

export interface Vpc {
  OwnerId: string
  InstanceTenancy: string
  Ipv6CidrBlockAssociationSet: unknown[]
  CidrBlockAssociationSet: { AssociationId: string; CidrBlock: string; CidrBlockState: { State: string } }[]
  IsDefault: boolean
  Tags: Tag[]
  BlockPublicAccessStates: { InternetGatewayBlockMode: string }
  VpcId: string
  State: string
  CidrBlock: string
  DhcpOptionsId: string
}

export interface Subnet {
  AvailabilityZoneId: string
  MapCustomerOwnedIpOnLaunch: boolean
  OwnerId: string
  AssignIpv6AddressOnCreation: boolean
  Ipv6CidrBlockAssociationSet: unknown[]
  Tags: Tag[]
  SubnetArn: string
  EnableDns64: boolean
  Ipv6Native: boolean
  PrivateDnsNameOptionsOnLaunch: { HostnameType: string; EnableResourceNameDnsARecord: boolean; EnableResourceNameDnsAAAARecord: boolean }
  BlockPublicAccessStates: { InternetGatewayBlockMode: string }
  SubnetId: string
  State: string
  VpcId: string
  CidrBlock: string
  AvailableIpAddressCount: number
  AvailabilityZone: string
  DefaultForAz: boolean
  MapPublicIpOnLaunch: boolean
}

export interface IpRange {
  CidrIp: string
  Description?: string
}

export interface UserIdGroupPair {
  UserId: string
  GroupId: string
  Description?: string
}

export interface IpPermission {
  IpProtocol: string
  FromPort?: number
  ToPort?: number
  UserIdGroupPairs: UserIdGroupPair[]
  IpRanges: IpRange[]
  Ipv6Ranges: unknown[]
  PrefixListIds: unknown[]
}

export interface SecurityGroup {
  GroupId: string
  IpPermissionsEgress: IpPermission[]
  Tags: Tag[]
  VpcId: string
  SecurityGroupArn: string
  OwnerId: string
  GroupName: string
  Description: string
  IpPermissions: IpPermission[]
}

export interface InternetGateway {
  Attachments: { State: string; VpcId: string }[]
  InternetGatewayId: string
  OwnerId: string
  Tags: Tag[]
}

export interface RouteTable {
  Associations: { Main: boolean; RouteTableAssociationId: string; RouteTableId: string; AssociationState: { State: string } }[]
  PropagatingVgws: unknown[]
  RouteTableId: string
  Routes: { DestinationCidrBlock: string; GatewayId: string; Origin: string; State: string }[]
  Tags: Tag[]
  VpcId: string
  OwnerId: string
}

/** An elastic network interface, e.g. a Fargate task's ENI or a load balancer node's. */
export interface NetworkInterface {
  NetworkInterfaceId: string
  SubnetId: string
  VpcId: string
  AvailabilityZone: string
  PrivateIpAddress: string
  PrivateDnsName: string
  MacAddress: string
  /** Public IPv4 address when the interface has one (assignPublicIp ENABLED in a public subnet). */
  PublicIp?: string
  Groups: { GroupId: string; GroupName: string }[]
  Description: string
  InterfaceType: string
  Status: string
  /** Who asked for it (`ecs` task ARN, `ELB app/...`), so it can be released with its owner. */
  RequesterId: string
  OwnerId: string
  /** Set on an instance's primary interface: which instance it is attached to, as EC2 describes it. */
  Attachment?: NetworkInterfaceAttachment
}

export interface NetworkInterfaceAttachment {
  AttachTime: number
  AttachmentId: string
  DeleteOnTermination: boolean
  DeviceIndex: number
  NetworkCardIndex: number
  InstanceId: string
  InstanceOwnerId: string
  Status: string
}

export interface Ec2State {
  vpcs: Record<string, Vpc>
  subnets: Record<string, Subnet>
  securityGroups: Record<string, SecurityGroup>
  internetGateways: Record<string, InternetGateway>
  routeTables: Record<string, RouteTable>
  networkInterfaces: Record<string, NetworkInterface>
  /** `<SubnetId>/<PrivateIpAddress>` → ENI ID: which addresses are taken, without scanning every interface. */
  privateIpIndex: Record<string, string>
  /** EC2 instances in the API's `Instance` shape (instance.ts), and what EC2 keeps about each beside it. */
  instances: Record<string, Instance>
  instanceData: Record<string, InstanceData>
  /** Launch templates by ID, and their versions (oldest first). */
  launchTemplates: Record<string, LaunchTemplate>
  launchTemplateVersions: Record<string, LaunchTemplateVersion[]>
  /** Key pairs by name. */
  keyPairs: Record<string, KeyPair>
  /** EBS volumes by ID (their attachments inside them), and snapshots by ID (volumes.ts, snapshots.ts). */
  volumes: Record<string, Volume>
  snapshots: Record<string, Snapshot>
  /** Each volume's latest Elastic Volumes modification, by volume ID (modifyVolume.ts). */
  volumeModifications: Record<string, VolumeModification>
}
