import { AwsError, ec2Id, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { findInstanceProfile } from '../iam/index.ts'
import { imageFacts } from './images.ts'
import { INSTANCE_TIMINGS, STATE_CODES, initialInstanceState } from './instance.machine.ts'
import { instanceMachine, PENDING_REASON, setPublicIp, type Instance, type InstanceData } from './instance.ts'
import { describedInstance } from './describeInstances.ts'
import { instanceTypeFacts } from './instanceTypes.ts'
import { keyPairNotFound } from './keyPairs.ts'
import { resolveLaunchTemplate, type LaunchTemplateData } from './launchTemplate.ts'
import { createNetworkInterface, publicIpAddress } from './networkInterfaces.ts'
import { createRootVolume } from './rootVolume.ts'
import type { Subnet, Tag } from './state.ts'

export interface RunInstancesRequest extends LaunchTemplateData {
  MinCount: number
  MaxCount: number
  SubnetId?: string
  SecurityGroups?: string[]
  LaunchTemplate?: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string }
  ClientToken?: string
}

/** AMI IDs: `ami-` and 8 or 17 hex digits (fidelity §3.1). */
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/

/** RunInstances' default instance type when none is given (EC2 API Reference, RunInstances InstanceType: "Default: m1.small"). */
const DEFAULT_INSTANCE_TYPE = 'm1.small'

/** User data is at most 16 KB before base64 (EC2 User Guide, "Run commands when you launch an EC2 instance with user data input"). */
const USER_DATA_MAX_BYTES = 16 * 1024

/**
 * RunInstances: the launch template's data (if any) under the request's own values, every reference checked before
 * anything is made, then one instance per count, each with its primary ENI from the subnet, starting `pending`.
 * Errors are EC2's (fidelity §3, and the EC2 API Reference "Error codes").
 */
export const runInstances = handler((ctx, input: RunInstancesRequest) => {
  const { ReservationId, instances } = launchInstances(ctx, input)
  return { ReservationId, OwnerId: ctx.world.accountId, Groups: [], Instances: instances.map((i) => describedInstance(ctx, i)) }
})

/**
 * RunInstances' work without its answer, for a service that launches instances itself and reads only what it made
 * (Auto Scaling, one instance per launch): describing each new instance (its volumes, its ENI) was a good part of a
 * group's launch, and nothing printed it.
 */
export function launchInstances(ctx: SimContext, input: RunInstancesRequest): { ReservationId: string; instances: Instance[] } {
  const template = input.LaunchTemplate ? resolveLaunchTemplate(ctx, input.LaunchTemplate) : undefined
  const req = { ...(template?.data ?? {}), ...definedOnly(input) } as RunInstancesRequest
  const iface = req.NetworkInterfaces?.[0]

  if (req.ImageId === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId')
  if (!AMI_ID.test(req.ImageId)) throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${req.ImageId}" (expecting "ami-...")`)
  const image = imageFacts(req.ImageId)
  if (!image) throw new AwsError('InvalidAMIID.NotFound', `The image id '[${req.ImageId}]' does not exist`)
  const instanceType = req.InstanceType ?? DEFAULT_INSTANCE_TYPE
  const type = instanceTypeFacts(instanceType)
  if (!type) throw new AwsError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`)
  if (type.architecture !== image.Architecture)
    throw new AwsError('InvalidParameterValue', `The architecture '${type.architecture}' of the specified instance type does not match the architecture '${image.Architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.`)
  if (req.MinCount < 1) throw new AwsError('InvalidParameterValue', `Value (${req.MinCount}) for parameter minCount is invalid. Expected a positive number.`)
  if (req.MaxCount < req.MinCount) throw new AwsError('InvalidParameterValue', `Value (${req.MaxCount}) for parameter maxCount is invalid. Expected a number greater than or equal to minCount (${req.MinCount}).`)

  const subnet = launchSubnet(ctx, iface?.SubnetId ?? req.SubnetId)
  const groups = launchGroups(ctx, subnet, iface?.Groups ?? req.SecurityGroupIds, req.SecurityGroups)
  if (req.KeyName !== undefined && !ownEntry(ctx.world.ec2.keyPairs, req.KeyName)) throw keyPairNotFound(req.KeyName)
  const profile = req.IamInstanceProfile ? findInstanceProfileFor(ctx, req.IamInstanceProfile) : undefined
  const userData = req.UserData
  if (userData !== undefined) checkUserData(userData)
  const count = Math.min(req.MaxCount, subnet.AvailableIpAddressCount)
  if (count < req.MinCount)
    throw new AwsError('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`)

  const reservationId = ec2Id(ctx.rng, 'r')
  const wantsPublicIp = iface?.AssociatePublicIpAddress ?? subnet.MapPublicIpOnLaunch
  const tags = tagsFor(req.TagSpecifications, 'instance')
  const launchTime = ctx.now()
  const clientToken = req.ClientToken ?? `${ctx.rng.hex(8)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(4)}-${ctx.rng.hex(12)}`
  const instances: Instance[] = []
  for (let i = 0; i < count; i++) {
    const instanceId = ec2Id(ctx.rng, 'i')
    const eni = createNetworkInterface(ctx, { subnetId: subnet.SubnetId, groupIds: groups.map((g) => g.GroupId), description: '', interfaceType: 'interface', requesterId: instanceId })
    eni.Attachment = {
      AttachTime: launchTime, AttachmentId: ec2Id(ctx.rng, 'eni-attach'), DeleteOnTermination: true, DeviceIndex: 0, NetworkCardIndex: 0,
      InstanceId: instanceId, InstanceOwnerId: ctx.world.accountId, Status: 'attached',
    }
    const state = initialInstanceState(instanceMachine)
    const instance: Instance = {
      Architecture: image.Architecture,
      BlockDeviceMappings: [],
      ClientToken: clientToken,
      EbsOptimized: false,
      EnaSupport: true,
      Hypervisor: 'xen',
      ...(profile ? { IamInstanceProfile: { Arn: profile.Arn, Id: profile.InstanceProfileId } } : {}),
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      SecurityGroups: groups,
      SourceDestCheck: true,
      StateReason: PENDING_REASON,
      Tags: tags,
      VirtualizationType: 'hvm',
      CpuOptions: { CoreCount: Math.max(1, type.vCpus / (type.vCpus > 1 ? 2 : 1)), ThreadsPerCore: type.vCpus > 1 ? 2 : 1 },
      MetadataOptions: { State: 'pending', HttpTokens: 'required', HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
      PlatformDetails: 'Linux/UNIX',
      UsageOperation: 'RunInstances',
      InstanceId: instanceId,
      ImageId: image.ImageId,
      State: { Code: STATE_CODES[state], Name: state },
      PrivateDnsName: eni.PrivateDnsName,
      PublicDnsName: '',
      StateTransitionReason: '',
      ...(req.KeyName !== undefined ? { KeyName: req.KeyName } : {}),
      AmiLaunchIndex: i,
      ProductCodes: [],
      InstanceType: instanceType,
      LaunchTime: launchTime,
      Placement: { GroupName: '', Tenancy: 'default', AvailabilityZone: subnet.AvailabilityZone },
      Monitoring: { State: 'disabled' },
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      PrivateIpAddress: eni.PrivateIpAddress,
    }
    const data: InstanceData = {
      ReservationId: reservationId,
      ...(userData !== undefined ? { userData } : {}),
      networkInterfaceId: eni.NetworkInterfaceId,
      ...(profile ? { instanceProfileName: profile.InstanceProfileName, ...(profile.roleName ? { roleName: profile.roleName } : {}) } : {}),
      ecsAgent: image.ecsAgent,
      publicIp: wantsPublicIp,
      ...(template ? { launchTemplate: { LaunchTemplateId: template.LaunchTemplateId, Version: String(template.VersionNumber) } } : {}),
    }
    ctx.world.ec2.instances[instanceId] = instance
    ctx.world.ec2.instanceData[instanceId] = data
    createRootVolume(ctx, instance, image)
    if (wantsPublicIp) setPublicIp(ctx, instance, publicIpAddress(ctx, subnet.SubnetId))
    ctx.scheduler.schedule(ctx.now() + INSTANCE_TIMINGS.pendingMs, 'ec2.instance.step', { instanceId, event: 'BOOTED' })
    ctx.log(instanceId, { kind: 'resource.created', type: 'AWS::EC2::Instance', detail: `${instanceType} from ${image.ImageId} (${image.Name}) in ${subnet.SubnetId} (${subnet.AvailabilityZone}), ${eni.PrivateIpAddress}` })
    instances.push(instance)
  }
  return { ReservationId: reservationId, instances }
}

const definedOnly = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>

/** The tags of TagSpecifications for one resource type (`instance`, `volume`, `network-interface`). */
export const tagsFor = (specs: { ResourceType?: string; Tags?: Tag[] }[] | undefined, resourceType: string): Tag[] =>
  (specs ?? []).filter((t) => t.ResourceType === resourceType).flatMap((t) => t.Tags ?? [])

/** The subnet asked for, or a default subnet of the default VPC (EC2 User Guide, "Default VPCs": AWS picks the AZ). */
function launchSubnet(ctx: SimContext, subnetId: string | undefined): Subnet {
  const { subnets } = ctx.world.ec2
  if (subnetId !== undefined) {
    const subnet = ownEntry(subnets, subnetId)
    if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`)
    return subnet
  }
  const defaults = Object.values(subnets).filter((s) => s.DefaultForAz)
  if (!defaults.length) throw new AwsError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.')
  return ctx.rng.pick(defaults)
}

/** Security groups by ID (or, in the default VPC, by name), all in the subnet's VPC; none given: the VPC's `default` group. */
function launchGroups(ctx: SimContext, subnet: Subnet, ids: string[] | undefined, names: string[] | undefined): { GroupId: string; GroupName: string }[] {
  const all = Object.values(ctx.world.ec2.securityGroups)
  const groups = []
  for (const id of ids ?? []) {
    const group = ownEntry(ctx.world.ec2.securityGroups, id)
    if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`)
    if (group.VpcId !== subnet.VpcId) throw new AwsError('InvalidParameter', `Security group ${id} and subnet ${subnet.SubnetId} belong to different networks.`)
    groups.push(group)
  }
  for (const name of names ?? []) {
    const group = all.find((g) => g.GroupName === name && g.VpcId === subnet.VpcId)
    if (!group) throw new AwsError('InvalidGroup.NotFound', `The security group '${name}' does not exist in VPC '${subnet.VpcId}'`)
    groups.push(group)
  }
  if (!groups.length) {
    const fallback = all.find((g) => g.GroupName === 'default' && g.VpcId === subnet.VpcId)
    if (fallback) groups.push(fallback)
  }
  return groups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }))
}

/** `--iam-instance-profile Name=...` or `Arn=...`: EC2's words when IAM has no such profile (seen in SDK and Terraform reports). */
function findInstanceProfileFor(ctx: SimContext, spec: { Name?: string; Arn?: string }) {
  if (spec.Arn !== undefined) {
    const name = /^arn:aws:iam::\d{12}:instance-profile\/(?:.*\/)?([^/]+)$/.exec(spec.Arn)?.[1]
    const profile = name === undefined ? undefined : findInstanceProfile(ctx, name)
    if (!profile || profile.Arn !== spec.Arn) throw new AwsError('InvalidParameterValue', `Value (${spec.Arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`)
    return profile
  }
  const name = spec.Name ?? ''
  const profile = findInstanceProfile(ctx, name)
  if (!profile) throw new AwsError('InvalidParameterValue', `Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`)
  return profile
}

/** User data arrives base64-encoded (the CLI encodes `--user-data`; a launch template's is given encoded). */
export function checkUserData(userData: string): void {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(userData) || userData.length % 4 !== 0) throw new AwsError('InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.')
  if ((userData.length / 4) * 3 > USER_DATA_MAX_BYTES + 2)
    throw new AwsError('InvalidParameterValue', `User data is limited to ${USER_DATA_MAX_BYTES} bytes`)
}
