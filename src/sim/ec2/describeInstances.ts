import { AwsError } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { applyFilters, type Filter } from './filters.ts'
import { IMAGES } from './images.ts'
import { INSTANCE_TYPES } from './instanceTypes.ts'
import { publicDnsName, type Instance } from './instance.ts'
import { rootDevice } from './rootVolume.ts'
import { impairedSince } from './statusChecks.ts'
import { blockDeviceMappings } from './volumeLookup.ts'

/** Instance IDs: `i-` and 8 or 17 hex digits (fidelity §3.1). */
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/

/** Every ID must be well formed and known (EC2 API Reference: InvalidInstanceID.Malformed / InvalidInstanceID.NotFound). */
export function instancesById(ctx: SimContext, ids: string[] | undefined): Instance[] {
  if (!ids?.length) return Object.values(ctx.world.ec2.instances)
  const malformed = ids.find((id) => !INSTANCE_ID.test(id))
  if (malformed !== undefined) throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${malformed}"`)
  const missing = ids.filter((id) => !Object.hasOwn(ctx.world.ec2.instances, id))
  if (missing.length)
    throw new AwsError('InvalidInstanceID.NotFound', missing.length === 1 ? `The instance ID '${missing[0]}' does not exist` : `The instance IDs '${missing.join(', ')}' do not exist`)
  return [...new Set(ids)].map((id) => ctx.world.ec2.instances[id])
}

/** The instance as EC2 describes it: its primary ENI (with the public address as an association) read from the ENI itself. */
export function describedInstance(ctx: SimContext, instance: Instance): object {
  const eniId = ctx.world.ec2.instanceData[instance.InstanceId]?.networkInterfaceId
  const eni = eniId ? ctx.world.ec2.networkInterfaces[eniId] : undefined
  const BlockDeviceMappings = blockDeviceMappings(ctx.world, instance.InstanceId)
  if (!eni) return { ...instance, BlockDeviceMappings, NetworkInterfaces: [] }
  const association = eni.PublicIp ? { IpOwnerId: 'amazon', PublicDnsName: publicDnsName(ctx.world.region, eni.PublicIp), PublicIp: eni.PublicIp } : undefined
  const { AttachTime, AttachmentId, DeleteOnTermination, DeviceIndex, Status, NetworkCardIndex } = eni.Attachment ?? { AttachTime: instance.LaunchTime, AttachmentId: '', DeleteOnTermination: true, DeviceIndex: 0, Status: 'attached', NetworkCardIndex: 0 }
  return {
    ...instance,
    BlockDeviceMappings,
    NetworkInterfaces: [{
      ...(association ? { Association: association } : {}),
      Attachment: { AttachTime, AttachmentId, DeleteOnTermination, DeviceIndex, Status, NetworkCardIndex },
      Description: eni.Description,
      Groups: eni.Groups,
      Ipv6Addresses: [],
      MacAddress: eni.MacAddress,
      NetworkInterfaceId: eni.NetworkInterfaceId,
      OwnerId: eni.OwnerId,
      PrivateDnsName: eni.PrivateDnsName,
      PrivateIpAddress: eni.PrivateIpAddress,
      PrivateIpAddresses: [{ ...(association ? { Association: association } : {}), Primary: true, PrivateDnsName: eni.PrivateDnsName, PrivateIpAddress: eni.PrivateIpAddress }],
      SourceDestCheck: true,
      Status: eni.Status,
      SubnetId: eni.SubnetId,
      VpcId: eni.VpcId,
      InterfaceType: eni.InterfaceType,
    }],
  }
}

/** Filter names from the EC2 API Reference, DescribeInstances. */
const instanceFilters = (ctx: SimContext) => ({
  'instance-id': (i: Instance) => i.InstanceId,
  'instance-state-name': (i: Instance) => i.State.Name,
  'instance-state-code': (i: Instance) => i.State.Code,
  'instance-type': (i: Instance) => i.InstanceType,
  'image-id': (i: Instance) => i.ImageId,
  'subnet-id': (i: Instance) => i.SubnetId,
  'vpc-id': (i: Instance) => i.VpcId,
  'availability-zone': (i: Instance) => i.Placement.AvailabilityZone,
  'placement.availability-zone': (i: Instance) => i.Placement.AvailabilityZone,
  'iam-instance-profile.arn': (i: Instance) => i.IamInstanceProfile?.Arn,
  'key-name': (i: Instance) => i.KeyName,
  'private-ip-address': (i: Instance) => i.PrivateIpAddress,
  'ip-address': (i: Instance) => i.PublicIpAddress,
  'instance.group-id': (i: Instance) => i.SecurityGroups.map((g) => g.GroupId),
  'reservation-id': (i: Instance) => ctx.world.ec2.instanceData[i.InstanceId]?.ReservationId,
})

/** DescribeInstances: the instances grouped by the reservation they were launched in, as EC2 answers. */
export const describeInstances = handler((ctx, input: { InstanceIds?: string[]; Filters?: Filter[] }) => {
  const instances = applyFilters(instancesById(ctx, input.InstanceIds), input.Filters, instanceFilters(ctx))
  const reservations = new Map<string, object[]>()
  for (const instance of instances) {
    const id = ctx.world.ec2.instanceData[instance.InstanceId]?.ReservationId ?? ''
    if (!reservations.has(id)) reservations.set(id, [])
    reservations.get(id)?.push(describedInstance(ctx, instance))
  }
  return { Reservations: [...reservations].map(([ReservationId, list]) => ({ ReservationId, OwnerId: ctx.world.accountId, Groups: [], Instances: list })) }
})

/**
 * DescribeInstanceStatus: running instances only, unless IncludeAllInstances (EC2 API Reference). Status checks pass
 * at once in the sandbox (on AWS they show `initializing` for a few minutes after boot), unless a drill impaired the
 * instance (statusChecks.ts): then both checks are `impaired`, their reachability `failed` since then.
 */
export const describeInstanceStatus = handler((ctx, input: { InstanceIds?: string[]; Filters?: Filter[]; IncludeAllInstances?: boolean }) => {
  const instances = instancesById(ctx, input.InstanceIds).filter((i) => input.IncludeAllInstances || i.State.Name === 'running')
  const statuses = instances.map((i) => {
    const running = i.State.Name === 'running'
    const since = impairedSince(ctx.world, i.InstanceId)
    const summary = !running
      ? { Status: 'not-applicable' }
      : since === undefined
        ? { Details: [{ Name: 'reachability', Status: 'passed' }], Status: 'ok' }
        : { Details: [{ Name: 'reachability', Status: 'failed', ImpairedSince: since }], Status: 'impaired' }
    return { AvailabilityZone: i.Placement.AvailabilityZone, InstanceId: i.InstanceId, InstanceState: i.State, InstanceStatus: summary, SystemStatus: summary }
  })
  return {
    InstanceStatuses: applyFilters(statuses, input.Filters, {
      'instance-state-name': (s) => s.InstanceState.Name,
      'instance-status.status': (s) => s.InstanceStatus.Status,
      'availability-zone': (s) => s.AvailabilityZone,
    }),
  }
})

/** DescribeInstanceAttribute for the attributes the sandbox keeps; user data is returned base64, as stored. */
export const describeInstanceAttribute = handler((ctx, input: { InstanceId: string; Attribute: string }) => {
  const [instance] = instancesById(ctx, [input.InstanceId])
  const data = ctx.world.ec2.instanceData[instance.InstanceId]
  const answers: Record<string, () => object> = {
    userData: () => ({ UserData: data?.userData !== undefined ? { Value: data.userData } : {} }),
    instanceType: () => ({ InstanceType: { Value: instance.InstanceType } }),
    groupSet: () => ({ Groups: instance.SecurityGroups }),
    disableApiTermination: () => ({ DisableApiTermination: { Value: false } }),
    instanceInitiatedShutdownBehavior: () => ({ InstanceInitiatedShutdownBehavior: { Value: 'stop' } }),
    rootDeviceName: () => ({ RootDeviceName: { Value: instance.RootDeviceName } }),
  }
  const answer = Object.hasOwn(answers, input.Attribute) ? answers[input.Attribute] : undefined
  if (!answer) throw new AwsError('InvalidParameterValue', `Value (${input.Attribute}) for parameter attribute is invalid. Unknown attribute.`)
  return { InstanceId: instance.InstanceId, ...answer() }
})

/** DescribeImages over the sandbox's images (images.ts); `--owners amazon` or an owner's account ID. */
export const describeImages = handler((_ctx, input: { ImageIds?: string[]; Owners?: string[]; Filters?: Filter[] }) => {
  const missing = input.ImageIds?.find((id) => !IMAGES.some((i) => i.ImageId === id))
  if (missing !== undefined) throw new AwsError('InvalidAMIID.NotFound', `The image id '[${missing}]' does not exist`)
  const images = IMAGES.filter((i) => !input.ImageIds?.length || input.ImageIds.includes(i.ImageId))
    .filter((i) => !input.Owners?.length || input.Owners.some((o) => o === 'amazon' || o === i.OwnerId))
    .map((i) => ({
      PlatformDetails: 'Linux/UNIX', UsageOperation: 'RunInstances',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, SnapshotId: rootDevice(i).snapshotId, VolumeSize: rootDevice(i).sizeGiB, VolumeType: rootDevice(i).volumeType, Encrypted: false } }],
      Description: i.Description, EnaSupport: true, Hypervisor: 'xen', ImageOwnerAlias: 'amazon', Name: i.Name,
      RootDeviceName: '/dev/xvda', RootDeviceType: 'ebs', SriovNetSupport: 'simple', VirtualizationType: 'hvm', BootMode: 'uefi-preferred',
      ImdsSupport: 'v2.0', ImageId: i.ImageId, ImageLocation: `amazon/${i.Name}`, State: 'available', OwnerId: i.OwnerId,
      CreationDate: i.CreationDate, Public: true, Architecture: i.Architecture, ImageType: 'machine',
    }))
  return {
    Images: applyFilters(images, input.Filters, {
      'name': (i) => i.Name, 'image-id': (i) => i.ImageId, 'owner-id': (i) => i.OwnerId, 'owner-alias': (i) => i.ImageOwnerAlias,
      'architecture': (i) => i.Architecture, 'state': (i) => i.State, 'description': (i) => i.Description,
    }),
  }
})

/** DescribeInstanceTypes over the sandbox's types (instanceTypes.ts, with its sources). */
export const describeInstanceTypes = handler((_ctx, input: { InstanceTypes?: string[]; Filters?: Filter[] }) => {
  const unknown = input.InstanceTypes?.filter((t) => !Object.hasOwn(INSTANCE_TYPES, t)) ?? []
  if (unknown.length) throw new AwsError('InvalidInstanceType', `The following supplied instance types do not exist: [${unknown.join(', ')}]`)
  const names = input.InstanceTypes?.length ? input.InstanceTypes : Object.keys(INSTANCE_TYPES)
  const types = names.map((name) => {
    const t = INSTANCE_TYPES[name]
    return {
      InstanceType: name, CurrentGeneration: name !== 't2.micro' && name !== 'm1.small', FreeTierEligible: t.freeTier,
      SupportedUsageClasses: ['on-demand', 'spot'], SupportedRootDeviceTypes: ['ebs'], SupportedVirtualizationTypes: ['hvm'], BareMetal: false,
      Hypervisor: name.startsWith('t2') || name.startsWith('m1') ? 'xen' : 'nitro',
      ProcessorInfo: { SupportedArchitectures: [t.architecture] },
      VCpuInfo: { DefaultVCpus: t.vCpus, DefaultCores: Math.max(1, t.vCpus / 2), DefaultThreadsPerCore: t.vCpus > 1 ? 2 : 1 },
      MemoryInfo: { SizeInMiB: t.memoryMiB },
      InstanceStorageSupported: false,
      NetworkInfo: { MaximumNetworkInterfaces: t.maxEnis, Ipv4AddressesPerInterface: t.ipv4PerEni, Ipv6Supported: !name.startsWith('m1'), EnaSupport: name.startsWith('t2') || name.startsWith('m1') ? 'unsupported' : 'required' },
      BurstablePerformanceSupported: t.burstable,
    }
  })
  return {
    InstanceTypes: applyFilters(types, input.Filters, {
      'instance-type': (t) => t.InstanceType, 'vcpu-info.default-vcpus': (t) => t.VCpuInfo.DefaultVCpus,
      'memory-info.size-in-mib': (t) => t.MemoryInfo.SizeInMiB, 'processor-info.supported-architecture': (t) => t.ProcessorInfo.SupportedArchitectures,
      'current-generation': (t) => t.CurrentGeneration, 'free-tier-eligible': (t) => t.FreeTierEligible,
    }),
  }
})
