import { AwsError, ec2Id, step } from '../core/index.ts'
import { handler, type SimContext, type TimerHandler } from '../context.ts'
import { createNetworkInterface, deleteNetworkInterface } from '../ec2/index.ts'
import { fileSystemById } from './fileSystems.ts'
import { EFS_TIMINGS, INITIAL_EFS_STATE, efsLifecycle } from './lifecycle.machine.ts'

/** A mount target in the API's `MountTargetDescription` shape: an ENI of the file system in one subnet. */
export interface MountTarget {
  OwnerId: string
  MountTargetId: string
  FileSystemId: string
  SubnetId: string
  LifeCycleState: string
  IpAddress: string
  NetworkInterfaceId: string
  AvailabilityZoneId: string
  AvailabilityZoneName: string
  VpcId: string
}

function mountTargetById(ctx: SimContext, id: string): MountTarget {
  const mt = Object.hasOwn(ctx.world.efs.mountTargets, id) ? ctx.world.efs.mountTargets[id] : undefined
  if (!mt) throw new AwsError('MountTargetNotFound', `Mount target '${id}' does not exist.`) // unverified wording
  return mt
}

/**
 * CreateMountTarget: one per Availability Zone per file system, all in one VPC (EFS User Guide, "Managing mount
 * targets"); a second in the same zone is MountTargetConflict, in EFS's words ("mount target already exists in this
 * AZ", seen). The mount target is an ENI in the subnet with the given security groups (the VPC's default one if
 * none), `creating` and then `available` on the clock. A One Zone file system takes a mount target in its zone only.
 */
export const createMountTarget = handler((ctx, input: { FileSystemId: string; SubnetId: string; IpAddress?: string; SecurityGroups?: string[] }) => {
  const fs = fileSystemById(ctx, input.FileSystemId)
  if (fs.LifeCycleState !== 'available')
    throw new AwsError('IncorrectFileSystemLifeCycleState', `File system '${fs.FileSystemId}' is '${fs.LifeCycleState}'. It must be 'available'.`) // unverified wording
  const subnet = Object.hasOwn(ctx.world.ec2.subnets, input.SubnetId) ? ctx.world.ec2.subnets[input.SubnetId] : undefined
  if (!subnet) throw new AwsError('SubnetNotFound', `The subnet ID '${input.SubnetId}' does not exist`) // unverified wording
  const siblings = Object.values(ctx.world.efs.mountTargets).filter((m) => m.FileSystemId === fs.FileSystemId)
  if (siblings.some((m) => m.AvailabilityZoneName === subnet.AvailabilityZone)) throw new AwsError('MountTargetConflict', 'mount target already exists in this AZ')
  if (siblings.some((m) => m.VpcId !== subnet.VpcId)) throw new AwsError('MountTargetConflict', `Mount targets of file system '${fs.FileSystemId}' must all be in one VPC.`) // unverified wording
  if (fs.AvailabilityZoneName !== undefined && fs.AvailabilityZoneName !== subnet.AvailabilityZone)
    throw new AwsError('BadRequest', `One Zone file system '${fs.FileSystemId}' takes a mount target in ${fs.AvailabilityZoneName} only.`) // unverified wording
  const groups = input.SecurityGroups?.length ? input.SecurityGroups : Object.values(ctx.world.ec2.securityGroups).filter((g) => g.VpcId === subnet.VpcId && g.GroupName === 'default').map((g) => g.GroupId)
  for (const id of groups) {
    const group = Object.hasOwn(ctx.world.ec2.securityGroups, id) ? ctx.world.ec2.securityGroups[id] : undefined
    if (!group) throw new AwsError('SecurityGroupNotFound', `Security group '${id}' does not exist.`) // unverified wording
    if (group.VpcId !== subnet.VpcId) throw new AwsError('SecurityGroupMismatch', `Security group '${id}' is not in the subnet's VPC.`) // unverified wording
  }
  const mountTargetId = ec2Id(ctx.rng, 'fsmt')
  const eni = createNetworkInterface(ctx, { subnetId: subnet.SubnetId, groupIds: groups, description: `EFS mount target for ${fs.FileSystemId} (${mountTargetId})`, interfaceType: 'efs', requesterId: mountTargetId })
  const mt: MountTarget = {
    OwnerId: ctx.world.accountId,
    MountTargetId: mountTargetId,
    FileSystemId: fs.FileSystemId,
    SubnetId: subnet.SubnetId,
    LifeCycleState: INITIAL_EFS_STATE,
    IpAddress: eni.PrivateIpAddress,
    NetworkInterfaceId: eni.NetworkInterfaceId,
    AvailabilityZoneId: subnet.AvailabilityZoneId,
    AvailabilityZoneName: subnet.AvailabilityZone,
    VpcId: subnet.VpcId,
  }
  ctx.world.efs.mountTargets[mountTargetId] = mt
  fs.NumberOfMountTargets++
  ctx.scheduler.schedule(ctx.now() + EFS_TIMINGS.mountTargetCreatingMs, 'efs.mountTarget.step', { mountTargetId, event: 'AVAILABLE' })
  ctx.log(mountTargetId, { kind: 'resource.created', type: 'AWS::EFS::MountTarget', detail: `${fs.FileSystemId} in ${subnet.SubnetId} (${subnet.AvailabilityZone}), ${eni.PrivateIpAddress}` })
  return mt
})

/** DescribeMountTargets: by file system or by mount target (one of them is required: EFS API Reference). */
export const describeMountTargets = handler((ctx, input: { FileSystemId?: string; MountTargetId?: string }) => {
  if (input.MountTargetId !== undefined) return { MountTargets: [mountTargetById(ctx, input.MountTargetId)] }
  if (input.FileSystemId === undefined) throw new AwsError('BadRequest', 'FileSystemId or MountTargetId is required.') // unverified wording
  const fs = fileSystemById(ctx, input.FileSystemId)
  return { MountTargets: Object.values(ctx.world.efs.mountTargets).filter((m) => m.FileSystemId === fs.FileSystemId) }
})

export const deleteMountTarget = handler((ctx, input: { MountTargetId: string }) => {
  const mt = mountTargetById(ctx, input.MountTargetId)
  const next = step(efsLifecycle, mt.LifeCycleState, { type: 'DELETE' })
  if (next === undefined) throw new AwsError('IncorrectMountTargetState', `Mount target '${mt.MountTargetId}' is '${mt.LifeCycleState}'.`) // unverified wording
  setState(ctx, mt, next)
  ctx.scheduler.schedule(ctx.now() + EFS_TIMINGS.mountTargetDeletingMs, 'efs.mountTarget.step', { mountTargetId: mt.MountTargetId, event: 'DELETED' })
  return {}
})

function setState(ctx: SimContext, mt: MountTarget, to: string): void {
  ctx.log(mt.MountTargetId, { kind: 'resource.status', type: 'AWS::EFS::MountTarget', attribute: 'State', from: mt.LifeCycleState, to })
  mt.LifeCycleState = to
}

/** Timer: a mount target becomes available, or, deleted, releases its ENI and leaves the file system. */
export const mountTargetStep: TimerHandler = (ctx, payload) => {
  const mt = ctx.world.efs.mountTargets[String(payload.mountTargetId)]
  if (!mt) return
  const next = step(efsLifecycle, mt.LifeCycleState, { type: String(payload.event) })
  if (next === undefined) return
  setState(ctx, mt, next)
  if (next !== 'deleted') return
  deleteNetworkInterface(ctx, mt.NetworkInterfaceId)
  delete ctx.world.efs.mountTargets[mt.MountTargetId]
  const fs = ctx.world.efs.fileSystems[mt.FileSystemId]
  if (fs) fs.NumberOfMountTargets--
}
