import type { SimContext, TimerHandler } from '../context.ts'
import { instanceNotRunning, instanceRunning } from '../pricing/meter.ts'
import { deleteNetworkInterface, publicIpAddress } from './networkInterfaces.ts'
import { INSTANCE_TIMINGS, instanceMachineWith, sendInstance, type InstanceEvent, type InstanceStateName } from './instance.machine.ts'
import type { Tag } from './state.ts'
import { releaseInstanceVolumes } from './volumeAttachments.ts'

/** An instance in the API's `Instance` shape (times as epoch ms); describe-instances returns it as it is. */
export interface Instance {
  Architecture: string
  BlockDeviceMappings: unknown[]
  ClientToken: string
  EbsOptimized: boolean
  EnaSupport: boolean
  Hypervisor: string
  IamInstanceProfile?: { Arn: string; Id: string }
  RootDeviceName: string
  RootDeviceType: string
  SecurityGroups: { GroupId: string; GroupName: string }[]
  SourceDestCheck: boolean
  StateReason?: { Code: string; Message: string }
  Tags: Tag[]
  VirtualizationType: string
  CpuOptions: { CoreCount: number; ThreadsPerCore: number }
  MetadataOptions: { State: string; HttpTokens: string; HttpPutResponseHopLimit: number; HttpEndpoint: string; HttpProtocolIpv6: string; InstanceMetadataTags: string }
  PlatformDetails: string
  UsageOperation: string
  InstanceId: string
  ImageId: string
  State: { Code: number; Name: InstanceStateName }
  PrivateDnsName: string
  PublicDnsName: string
  StateTransitionReason: string
  KeyName?: string
  AmiLaunchIndex: number
  ProductCodes: unknown[]
  InstanceType: string
  LaunchTime: number
  Placement: { GroupName: string; Tenancy: string; AvailabilityZone: string }
  Monitoring: { State: string }
  SubnetId?: string
  VpcId?: string
  PrivateIpAddress?: string
  PublicIpAddress?: string
}

/**
 * What EC2 keeps about an instance beside its `Instance` shape: the reservation it was launched in, its user data
 * (base64, as DescribeInstanceAttribute returns it), its primary ENI, the instance profile's role (what the ECS agent
 * will run as), and whether its image starts the ECS agent.
 */
export interface InstanceData {
  ReservationId: string
  userData?: string
  networkInterfaceId?: string
  instanceProfileName?: string
  roleName?: string
  ecsAgent: boolean
  /** Launched with a public IPv4 address (the subnet maps one, or --associate-public-ip-address): a start gets a new one. */
  publicIp: boolean
  launchTemplate?: { LaunchTemplateId: string; Version: string }
  /** While RebootInstances restarts the OS (the State stays `running`): when the boot ends (reboot.ts). */
  rebootingUntil?: number
  /** Since when its system status check fails (statusChecks.ts: a drill's impaired host); gone once it stops. */
  impairedSince?: number
}

/** "User initiated (2026-01-05 09:00:00 GMT)": the StateTransitionReason a stop or a termination leaves. */
export const userInitiated = (ms: number) => `User initiated (${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} GMT)`

/** The StateReason of an instance stopped or terminated by a call (EC2 API Reference, StateReason). */
export const USER_SHUTDOWN = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' }

/** The StateReason a new instance carries while pending. */
export const PENDING_REASON = { Code: 'pending', Message: 'pending' }

/**
 * Software on the instance hears of its state: the ECS agent (src/sim/ecs/agent.ts) starts once the instance runs and
 * disconnects when it stops or terminates. A timer of ECS's, so EC2 knows nothing of what the agent does.
 */
const HOST_STATE_TIMER = 'ecs.agent.host'
export const tellHostOf = (ctx: SimContext, instanceId: string) => ctx.scheduler.schedule(ctx.now(), HOST_STATE_TIMER, { instanceId })
const tellHost = (event: InstanceEvent) => tellHostOf(event.ctx, event.instance.InstanceId)

const later = (event: InstanceEvent, ms: number, next: InstanceEvent['type']) =>
  event.ctx.scheduler.schedule(event.ctx.now() + ms, 'ec2.instance.step', { instanceId: event.instance.InstanceId, event: next })

/** The instance lifecycle with its effects: timers through the sandbox's scheduler, addresses through the ENI code. */
export const instanceMachine = instanceMachineWith({
  scheduleBoot: ({ event }) => later(event, INSTANCE_TIMINGS.pendingMs, 'BOOTED'),
  scheduleStopped: ({ event }) => later(event, INSTANCE_TIMINGS.stoppingMs, 'STOPPED'),
  scheduleTerminated: ({ event }) => later(event, INSTANCE_TIMINGS.shuttingDownMs, 'TERMINATED'),
  userShutdown: ({ event }) => {
    // Billing stops when the instance leaves `running` (the cost meter, src/sim/pricing).
    instanceNotRunning(event.ctx, event.instance.InstanceId)
    event.instance.StateTransitionReason = userInitiated(event.ctx.now())
    event.instance.StateReason = USER_SHUTDOWN
    // A stop or a termination ends a reboot under way: the OS shuts down instead of booting again.
    const data = event.ctx.world.ec2.instanceData[event.instance.InstanceId]
    if (data) delete data.rebootingUntil
    // A stop moves it to another host: an impaired system status check passes again (statusChecks.ts).
    if (data) delete data.impairedSince
    tellHost(event)
  },
  booted: ({ event }) => {
    delete event.instance.StateReason
    instanceRunning(event.ctx, event.instance.InstanceId, event.instance.InstanceType)
    tellHost(event)
  },
  releasePublicIp: ({ event }) => setPublicIp(event.ctx, event.instance, undefined),
  restarting: ({ event }) => {
    const { instance, ctx } = event
    instance.StateTransitionReason = ''
    instance.StateReason = PENDING_REASON
    // Pending again, and a new public address: one is not kept across a stop (EC2 User Guide, "Public IPv4 addresses").
    if (ctx.world.ec2.instanceData[instance.InstanceId]?.publicIp) setPublicIp(ctx, instance, publicIpAddress(ctx, instance.SubnetId ?? ''))
  },
  released: ({ event }) => {
    const { ctx, instance } = event
    const data = ctx.world.ec2.instanceData[instance.InstanceId]
    if (data?.networkInterfaceId) deleteNetworkInterface(ctx, data.networkInterfaceId)
    if (data) delete data.networkInterfaceId
    releaseInstanceVolumes(ctx, instance.InstanceId)
    instance.SecurityGroups = []
    instance.PrivateDnsName = ''
    instance.PublicDnsName = ''
    delete instance.PrivateIpAddress
    delete instance.PublicIpAddress
    delete instance.SubnetId
    delete instance.VpcId
    tellHost(event)
    ctx.scheduler.schedule(ctx.now() + INSTANCE_TIMINGS.terminatedVisibleMs, 'ec2.instance.forget', { instanceId: instance.InstanceId })
  },
})

/** Sets (or, with undefined, removes) the instance's public IPv4 address, on the instance and its primary ENI. */
export function setPublicIp(ctx: SimContext, instance: Instance, ip: string | undefined): void {
  if (ip === undefined && instance.PublicIpAddress === undefined) return
  const data = ctx.world.ec2.instanceData[instance.InstanceId]
  const eni = data?.networkInterfaceId ? ctx.world.ec2.networkInterfaces[data.networkInterfaceId] : undefined
  if (ip === undefined) {
    delete instance.PublicIpAddress
    instance.PublicDnsName = ''
    if (eni) delete eni.PublicIp
    return
  }
  instance.PublicIpAddress = ip
  instance.PublicDnsName = publicDnsName(ctx.world.region, ip)
  if (eni) eni.PublicIp = ip
}

/** us-east-1 public names end `compute-1.amazonaws.com`, other Regions `<region>.compute.amazonaws.com` (EC2 User Guide, "Amazon EC2 instance hostname types"). */
export const publicDnsName = (region: string, ip: string) =>
  `ec2-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`}`

/** Timer: the scheduled step of an instance's lifecycle. */
export const instanceStep: TimerHandler = (ctx, payload) => {
  const instance = ctx.world.ec2.instances[String(payload.instanceId)]
  if (!instance) return
  sendInstance(instanceMachine, { type: String(payload.event) as InstanceEvent['type'], ctx, instance })
}

/** Timer: a terminated instance drops out of describe calls. */
export const instanceForget: TimerHandler = (ctx, payload) => {
  const id = String(payload.instanceId)
  const instance = ctx.world.ec2.instances[id]
  if (instance?.State.Name !== 'terminated') return
  delete ctx.world.ec2.instances[id]
  delete ctx.world.ec2.instanceData[id]
  ctx.log(id, { kind: 'resource.deleted', type: 'AWS::EC2::Instance', detail: 'no longer listed, an hour after its termination' })
}
