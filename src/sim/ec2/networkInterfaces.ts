import { AwsError, ec2Id, ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { intToIp, parseCidr } from './cidr.ts'
import type { NetworkInterface } from './state.ts'
import { isPublicSubnet, vpcHasInternetRoute } from '../views/network.ts'
import { startSettling } from '../pricing/meter.ts'

export interface NewNetworkInterface {
  subnetId: string
  groupIds: string[]
  description: string
  interfaceType: string
  requesterId: string
  /** Ask for a public IPv4 address; granted only in a subnet with a route to an internet gateway. */
  assignPublicIp?: boolean
}

/**
 * Creates an ENI with a free private address from the subnet's range (first four and last address reserved),
 * the way ECS does for an awsvpc task and ELB does for a load balancer node.
 */
export function createNetworkInterface(ctx: SimContext, req: NewNetworkInterface): NetworkInterface {
  const { ec2 } = ctx.world
  const subnet = ownEntry(ec2.subnets, req.subnetId)
  if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${req.subnetId}' does not exist`)
  if (subnet.AvailableIpAddressCount <= 0)
    throw new AwsError('InsufficientFreeAddressesInSubnet', `Insufficient free IP addresses in subnet ${req.subnetId}.`)
  const taken = (ip: string) => `${subnet.SubnetId}/${ip}` in ec2.privateIpIndex
  // Every ECS task in awsvpc mode (every Fargate task) gets its ENI here: the cost meter must settle it before ECS
  // forgets it, an hour after it stops (src/sim/pricing/meter.ts).
  if (req.requesterId.startsWith('arn:aws:ecs:')) startSettling(ctx)
  const { base, size } = parseCidr(subnet.CidrBlock)
  let ip = ''
  // Random start, then linear probe: spread like AWS's addresses, and always terminates.
  const start = ctx.rng.int(4, size - 2)
  for (let i = 0; i < size - 5; i++) {
    const candidate = intToIp(base + 4 + ((start - 4 + i) % (size - 5)))
    if (!taken(candidate)) {
      ip = candidate
      break
    }
  }
  const eni: NetworkInterface = {
    NetworkInterfaceId: ec2Id(ctx.rng, 'eni'),
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    AvailabilityZone: subnet.AvailabilityZone,
    PrivateIpAddress: ip,
    PrivateDnsName: `ip-${ip.replaceAll('.', '-')}.ec2.internal`,
    MacAddress: Array.from({ length: 6 }, () => ctx.rng.hex(2)).join(':'),
    Groups: req.groupIds.map((id) => ({ GroupId: id, GroupName: ec2.securityGroups[id]?.GroupName ?? id })),
    Description: req.description,
    InterfaceType: req.interfaceType,
    Status: 'in-use',
    RequesterId: req.requesterId,
    OwnerId: ctx.world.accountId,
  }
  if (req.assignPublicIp) {
    const publicIp = publicIpAddress(ctx, subnet.SubnetId)
    if (publicIp) eni.PublicIp = publicIp
  }
  ec2.networkInterfaces[eni.NetworkInterfaceId] = eni
  ec2.privateIpIndex[`${subnet.SubnetId}/${ip}`] = eni.NetworkInterfaceId
  subnet.AvailableIpAddressCount--
  ctx.log(eni.NetworkInterfaceId, { kind: 'resource.created', type: 'AWS::EC2::NetworkInterface', detail: `${req.description} in ${subnet.SubnetId} (${subnet.AvailabilityZone}), ${ip}` })
  return eni
}

/**
 * Attaches a service-made interface to a running instance as its next device (an awsvpc task's ENI on a container
 * instance: ECS Developer Guide, "Amazon ECS task networking options for EC2", awsvpc mode: each task gets its own
 * ENI attached to the instance). `describe-network-interfaces` then shows the instance as its attachment.
 */
export function attachNetworkInterface(ctx: SimContext, eni: NetworkInterface, instanceId: string): void {
  let device = 0
  for (const other of Object.values(ctx.world.ec2.networkInterfaces))
    if (other.Attachment?.InstanceId === instanceId) device = Math.max(device, other.Attachment.DeviceIndex + 1)
  eni.Attachment = {
    AttachTime: ctx.now(), AttachmentId: ec2Id(ctx.rng, 'eni-attach'), DeleteOnTermination: true, DeviceIndex: device, NetworkCardIndex: 0,
    InstanceId: instanceId, InstanceOwnerId: ctx.world.accountId, Status: 'attached',
  }
  ctx.log(eni.NetworkInterfaceId, { kind: 'resource.modified', type: 'AWS::EC2::NetworkInterface', detail: `attached to ${instanceId} as device ${device}` })
}

export function deleteNetworkInterface(ctx: SimContext, eniId: string): void {
  const { ec2 } = ctx.world
  const eni = ec2.networkInterfaces[eniId]
  if (!eni) return
  delete ec2.networkInterfaces[eniId]
  delete ec2.privateIpIndex[`${eni.SubnetId}/${eni.PrivateIpAddress}`]
  const subnet = ec2.subnets[eni.SubnetId]
  if (subnet) subnet.AvailableIpAddressCount++
  ctx.log(eniId, { kind: 'resource.deleted', type: 'AWS::EC2::NetworkInterface', detail: `released ${eni.PrivateIpAddress}` })
}

/** Whether the VPC's route tables reach an internet gateway: the read model's rule (../views/network.ts). */
export const hasInternetRoute = (ctx: SimContext, vpcId: string): boolean => vpcHasInternetRoute(ctx.world, vpcId)

/** A public IPv4 address from Amazon's pool, granted only in a public subnet (a route to an internet gateway). */
export function publicIpAddress(ctx: SimContext, subnetId: string): string | undefined {
  if (!isPublicSubnet(ctx.world, subnetId)) return undefined
  return `${ctx.rng.pick([3, 18, 34, 44, 52, 54])}.${ctx.rng.int(0, 255)}.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`
}
