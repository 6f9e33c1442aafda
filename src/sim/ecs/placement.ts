import type { Rng } from '../core/index.ts'
import type { World } from '../world.ts'
import { chooseHost, type HostChoice, type PlacementConstraint, type PlacementStrategy } from './hostPlacement.ts'
import { eniDetail } from './attachments.ts'
import { invalidParameter } from './errors.ts'
import { findCapacityProvider, providerGroup } from './capacityProviders.ts'
import type { PlacementPass } from './placementPass.ts'
import type { AwsVpcConfiguration, Cluster, NetworkConfiguration, Task, TaskDefinition } from './state.ts'

/**
 * Where a task goes: the awsvpc network configuration checked as ECS checks it at run-task/create-service time,
 * and the subnet chosen for each new task — spread across Availability Zones, as the REPLICA scheduler does by
 * default ("attribute:ecs.availability-zone" spread, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html).
 */

/** The checked configuration with ECS's defaults filled in (the VPC's default group, assignPublicIp DISABLED). */
export function checkNetworkConfiguration(
  world: Readonly<World>,
  td: TaskDefinition,
  launchType: string,
  nc: NetworkConfiguration | undefined,
): NetworkConfiguration | undefined {
  if (td.networkMode !== 'awsvpc') {
    if (nc?.awsvpcConfiguration) throw invalidParameter('Network Configuration is not valid for the given networkMode of this task definition.')
    return undefined
  }
  const c = nc?.awsvpcConfiguration
  if (!c) throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.") // wording unverified
  if (!c.subnets?.length) throw invalidParameter('subnets can not be empty.')
  if (c.subnets.length > 16) throw invalidParameter('At most 16 subnets can be provided.') // wording unverified
  const { subnets, securityGroups, vpcs } = world.ec2
  // Wording after ECS's "Error retrieving subnet information for [...]" (unverified beyond its first words).
  const missing = c.subnets.filter((s) => !subnets[s])
  if (missing.length)
    throw invalidParameter(`Error retrieving subnet information for [${missing.join(', ')}]: The subnet ID '${missing[0]}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`)
  const vpcIds = new Set(c.subnets.map((s) => subnets[s].VpcId))
  if (vpcIds.size > 1) throw invalidParameter('The subnets must all be in the same VPC.') // wording unverified
  const [vpcId] = [...vpcIds]
  const groups = c.securityGroups?.length
    ? c.securityGroups
    : Object.values(securityGroups).filter((g) => g.VpcId === vpcId && g.GroupName === 'default').map((g) => g.GroupId)
  const missingGroups = groups.filter((g) => !securityGroups[g])
  if (missingGroups.length)
    throw invalidParameter(`Error retrieving security group information for [${missingGroups.join(', ')}]: The security group '${missingGroups[0]}' does not exist (ErrorCode: InvalidGroup.NotFound)`)
  if (groups.some((g) => securityGroups[g].VpcId !== vpcId))
    throw invalidParameter('Security groups and subnets must belong to the same VPC.') // wording unverified
  if (c.assignPublicIp === 'ENABLED' && launchType === 'EC2') throw invalidParameter('Assign public IP is not supported for this launch type.')
  if (!vpcs[vpcId]) throw invalidParameter(`The VPC of subnet ${c.subnets[0]} does not exist.`)
  const awsvpcConfiguration: AwsVpcConfiguration = { subnets: [...c.subnets], securityGroups: groups, assignPublicIp: c.assignPublicIp ?? 'DISABLED' }
  return { awsvpcConfiguration }
}

/**
 * The subnet for the next task of a group: the AZ with the fewest of the group's live tasks, then the subnet in that
 * AZ with the fewest; ties go to the order the subnets were given. `why` is what the event log says.
 */
export function chooseSubnet(
  world: Readonly<World>,
  config: AwsVpcConfiguration,
  groupTasks: readonly Task[],
): { subnetId: string; availabilityZone: string; why: string } {
  const { subnets } = world.ec2
  // An Availability Zone taken down by a live drill (../drills) gets nothing new while another zone is left.
  const down = world.drills?.zonesDown ?? []
  const up = config.subnets.filter((s) => !down.includes(subnets[s].AvailabilityZone))
  if (up.length && up.length < config.subnets.length) config = { ...config, subnets: up }
  const perAz = new Map<string, number>()
  const perSubnet = new Map<string, number>()
  for (const s of config.subnets) perAz.set(subnets[s].AvailabilityZone, 0)
  for (const t of groupTasks) {
    if (t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED' || !t.availabilityZone) continue
    if (perAz.has(t.availabilityZone)) perAz.set(t.availabilityZone, perAz.get(t.availabilityZone)! + 1)
    const subnetId = eniDetail(t, 'subnetId')
    if (subnetId) perSubnet.set(subnetId, (perSubnet.get(subnetId) ?? 0) + 1)
  }
  let best = config.subnets[0]
  const score = (s: string) => [perAz.get(subnets[s].AvailabilityZone)!, perSubnet.get(s) ?? 0]
  for (const s of config.subnets) {
    const [az, sub] = score(s)
    const [bestAz, bestSub] = score(best)
    if (az < bestAz || (az === bestAz && sub < bestSub)) best = s
  }
  const availabilityZone = subnets[best].AvailabilityZone
  const why = perAz.size > 1 ? `placed in ${availabilityZone} to spread across AZs` : `placed in ${availabilityZone}, the only AZ of its subnets`
  return { subnetId: best, availabilityZone, why }
}

/**
 * Where a new task lands, as a value the task's creation acts on:
 * - `eni`: an ENI in this subnet (awsvpc on Fargate). The task gets its own address.
 * - `containerInstance`: this container instance (EC2 launch type, hostPlacement.ts), with the host ports bound to
 *   the containers' ports (bridge/host) or the subnet of the task's ENI (awsvpc on EC2).
 * - `none`: no network placement to make.
 */
export type Placement =
  | { kind: 'eni'; subnetId: string; availabilityZone: string; why: string }
  | { kind: 'containerInstance'; host: HostChoice }
  | { kind: 'none' }

/** What ECS answers when an EC2 task has nowhere to go [seen: CloudTrail errorCode in linz/geostore#1687, aws/amazon-ecs-cli#1122]. */
export const NO_CONTAINER_INSTANCES = 'No Container Instances were found in your cluster.'

/** Whether the cluster has capacity for the launch type; the reason when it has none. */
export function missingCapacity(cluster: Cluster, launchType: string): string | undefined {
  if (launchType === 'EC2' && cluster.registeredContainerInstancesCount === 0) return NO_CONTAINER_INSTANCES
  return undefined
}

export interface PlacementRequest {
  cluster: Cluster
  launchType: string
  taskDefinition: TaskDefinition
  group: string
  networkConfiguration?: NetworkConfiguration
  /** The group's existing tasks, for spreading across AZs (and instances). */
  groupTasks: readonly Task[]
  /** Kept across a pass placing several of the group's tasks (hostPlacement.ts). */
  pass?: PlacementPass
  placementStrategy?: readonly PlacementStrategy[]
  placementConstraints?: readonly PlacementConstraint[]
  /** A daemon task: only this container instance. */
  onlyOn?: string
  /** Launched through this capacity provider: only its group's instances take it (managedScaling.ts). */
  capacityProviderName?: string
}

/**
 * Places one task. EC2 tasks go on a container instance (hostPlacement.ts; PlacementFailure when none fits — callers
 * check `missingCapacity` first, before changing anything). Fargate awsvpc tasks get an ENI in the chosen subnet.
 */
export function placeTask(world: Readonly<World>, rng: Rng, req: PlacementRequest): Placement {
  const noCapacity = missingCapacity(req.cluster, req.launchType)
  if (noCapacity) throw invalidParameter(noCapacity)
  if (req.launchType === 'EC2') {
    const eligible = req.capacityProviderName ? providerInstances(world, req.capacityProviderName) : undefined
    return { kind: 'containerInstance', host: chooseHost(world, rng, eligible ? { ...req, eligible } : req) }
  }
  const awsvpc = req.networkConfiguration?.awsvpcConfiguration
  if (awsvpc) return { kind: 'eni', ...chooseSubnet(world, awsvpc, req.groupTasks) }
  return { kind: 'none' }
}

/**
 * The EC2 instances of a capacity provider's Auto Scaling group: "the container instances associated with the capacity
 * provider" that its tasks are placed on (ECS Developer Guide, asg-capacity-providers.html).
 */
function providerInstances(world: Readonly<World>, name: string): ReadonlySet<string> | undefined {
  const provider = findCapacityProvider(world, name)
  if (!provider) return undefined
  const group = providerGroup(world, provider)
  return new Set(group?.Instances.map((m) => m.InstanceId) ?? [])
}
