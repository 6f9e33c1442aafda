import { arn, ecsTaskId, initialState, isAwsError, ownEntry } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import { attachNetworkInterface, createNetworkInterface } from '../ec2/index.ts'
import type { World } from '../world.ts'
import { activeCluster, countTaskTransition } from './clusters.ts'
import { invalidParameter, serviceNotFound, unableToAssumeRole, unsupportedLaunchType } from './errors.ts'
import { strategyFor, strategyLaunchType } from './capacityProviders.ts'
import { checkVolumeConfigurations, provisionManagedVolumes, type TaskVolumeConfiguration } from './managedEbs.ts'
import { attachmentOf, eniDetail } from './attachments.ts'
import { indexEndpoints } from './endpoints.ts'
import { checkNetworkConfiguration, missingCapacity, NO_CONTAINER_INSTANCES, placeTask, type Placement } from './placement.ts'
import { awaitCapacity, launchProvider } from './managedScaling.ts'
import { splitTasks } from './strategySplit.ts'
import { countHostTransition } from './containerInstances.ts'
import { placeOnHost } from './hostTasks.ts'
import { PlacementFailure, type PlacementConstraint, type PlacementStrategy } from './hostPlacement.ts'
import type { PlacementPass } from './placementPass.ts'
import { checkPlacement, runTaskReason } from './placementRules.ts'
import type { Attachment, Cluster, ContainerOverride, NetworkConfiguration, Tag, Task, TaskDefinition } from './state.ts'
import { taskDefinitionToRun } from './taskDefinitions.ts'
import { scheduleStep } from './taskTimers.ts'
import { taskMachine, type TaskStatus } from './task.machine.ts'
import { TIMINGS } from './timings.ts'
import { requestReconcile, serviceArnOfTask } from './wakeups.ts'
import { trustedPrincipals } from '../views/accounts.ts'

const INITIAL_STATUS = initialState(taskMachine) as TaskStatus

/** Tasks: run-task, start-task, stop-task, list-tasks, describe-tasks, and creating/stopping a task for a service. */

export interface NewTask {
  cluster: Cluster
  taskDefinition: TaskDefinition
  launchType: string
  networkConfiguration?: NetworkConfiguration
  /** `service:<name>` or `family:<family>`. */
  group: string
  startedBy?: string
  overrides?: ContainerOverride[]
  tags?: Tag[]
  /** The group's existing tasks, for spreading across AZs. */
  groupTasks: readonly Task[]
  /** Kept across a pass placing several of the group's tasks (hostPlacement.ts). */
  pass?: PlacementPass
  placementStrategy?: readonly PlacementStrategy[]
  placementConstraints?: readonly PlacementConstraint[]
  /** A daemon task: only this container instance. */
  onlyOn?: string
  /** The capacity provider the task is launched through (the Task's `capacityProviderName`). */
  capacityProviderName?: string
  /** Its provider scales the group for it: with no room, the task waits in PROVISIONING (managedScaling.ts). */
  waitForCapacity?: boolean
}

/** The trust policy must let ECS tasks assume the role (defaultWorld's roles carry it URL-encoded, as IAM does). */
export function checkRolesAssumable(world: Readonly<World>, td: TaskDefinition): void {
  for (const roleArn of [td.executionRoleArn, td.taskRoleArn]) {
    if (!roleArn) continue
    const role = ownEntry(world.iam.roles, roleArn.slice(roleArn.lastIndexOf('/') + 1))
    if (!role || !trustedPrincipals(role).includes('ecs-tasks.amazonaws.com')) throw unableToAssumeRole(roleArn)
  }
}

/**
 * Creates a task in PROVISIONING: its ENI in the chosen subnet, containers PENDING, the first lifecycle step scheduled.
 * A task launched through a capacity provider with managed scaling that fits on no instance (or finds none) waits in
 * PROVISIONING instead, with no instance yet: ECS places it when the group's new instances join (managedScaling.ts).
 */
export function createTask(ctx: SimContext, req: NewTask): Task {
  const { world } = ctx
  const td = req.taskDefinition
  const id = ecsTaskId(ctx.rng)
  const clusterName = req.cluster.clusterName
  const taskArn = arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `task/${clusterName}/${id}` })
  const fargate = req.launchType === 'FARGATE'
  let placed: Placement | undefined
  try {
    placed = placeTask(world, ctx.rng, req)
  } catch (e) {
    if (!req.waitForCapacity || !(e instanceof PlacementFailure || (isAwsError(e) && e.message === NO_CONTAINER_INSTANCES))) throw e
  }
  // The ENI first, then the containers' ARNs: the order the seeded RNG is drawn in (saved worlds replay it).
  const eni = placed ? taskEni(ctx, taskArn, placed, req.networkConfiguration) : undefined
  const overrides = td.containerDefinitions.map((c) => ({ name: c.name, ...req.overrides?.find((o) => o.name === c.name) }))
  const task: Task = {
    attachments: eni ? [eni] : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: undefined,
    ...(req.capacityProviderName ? { capacityProviderName: req.capacityProviderName } : {}),
    clusterArn: req.cluster.clusterArn,
    containerInstanceArn: undefined,
    containers: td.containerDefinitions.map((c) => ({
      containerArn: arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `container/${clusterName}/${id}/${ctx.rng.uuid()}` }),
      taskArn,
      name: c.name,
      image: c.image,
      lastStatus: 'PENDING',
      networkBindings: [],
      networkInterfaces: [],
      healthStatus: 'UNKNOWN',
      cpu: String(c.cpu),
      memory: c.memory === undefined ? undefined : String(c.memory),
      memoryReservation: c.memoryReservation === undefined ? undefined : String(c.memoryReservation),
    })),
    cpu: td.cpu,
    createdAt: ctx.now(),
    desiredStatus: 'RUNNING',
    enableExecuteCommand: false,
    group: req.group,
    healthStatus: 'UNKNOWN',
    lastStatus: INITIAL_STATUS,
    launchType: req.launchType,
    memory: td.memory,
    overrides: { containerOverrides: overrides, inferenceAcceleratorOverrides: [] },
    platformVersion: fargate ? '1.4.0' : undefined,
    platformFamily: fargate ? 'Linux' : undefined,
    startedBy: req.startedBy,
    tags: req.tags ?? [],
    taskArn,
    taskDefinitionArn: td.taskDefinitionArn,
    version: 1,
    ephemeralStorage: fargate ? { sizeInGiB: 20 } : undefined,
  }
  world.ecs.tasks[taskArn] = task
  countTaskTransition(req.cluster, undefined, task.lastStatus)
  if (!placed) {
    awaitCapacity(ctx, task, req)
    return task
  }
  settleTask(ctx, task, td, placed, req.networkConfiguration, true)
  return task
}

/** The task's ENI in its placement's subnet (awsvpc), created and attached to its instance (EC2): its attachment. */
function taskEni(ctx: SimContext, taskArn: string, placed: Placement, networkConfiguration: NetworkConfiguration | undefined): Attachment | undefined {
  const { world } = ctx
  const host = placed.kind === 'containerInstance' ? placed.host : undefined
  const eniSubnet = placed.kind === 'eni' ? placed.subnetId : host?.subnetId
  if (!eniSubnet) return undefined
  const awsvpc = networkConfiguration?.awsvpcConfiguration
  const attachmentId = ctx.rng.uuid()
  const eni = createNetworkInterface(ctx, {
    subnetId: eniSubnet,
    groupIds: awsvpc?.securityGroups ?? [],
    description: arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `attachment/${attachmentId}` }),
    interfaceType: 'interface',
    requesterId: taskArn,
    assignPublicIp: awsvpc?.assignPublicIp === 'ENABLED',
  })
  // awsvpc on EC2: the task's ENI is attached to its container instance (Fargate's belong to no instance of yours).
  if (host) attachNetworkInterface(ctx, eni, host.containerInstance.ec2InstanceId)
  return {
    id: attachmentId,
    type: 'ElasticNetworkInterface',
    status: 'PRECREATED',
    details: [
      { name: 'subnetId', value: eniSubnet },
      { name: 'networkInterfaceId', value: eni.NetworkInterfaceId },
      { name: 'macAddress', value: eni.MacAddress },
      { name: 'privateDnsName', value: eni.PrivateDnsName },
      { name: 'privateIPv4Address', value: eni.PrivateIpAddress },
    ],
  }
}

/**
 * Puts a task where its placement says (an ENI in its subnet, its container instance with the host ports bound), then
 * takes it from PROVISIONING on: at creation, or later for a task that waited for capacity.
 */
export function settleTask(ctx: SimContext, task: Task, td: TaskDefinition, placed: Placement, networkConfiguration: NetworkConfiguration | undefined, eniMade = false): void {
  const { world } = ctx
  const host = placed.kind === 'containerInstance' ? placed.host : undefined
  const eniSubnet = placed.kind === 'eni' ? placed.subnetId : host?.subnetId
  if (!eniMade) {
    const eni = taskEni(ctx, task.taskArn, placed, networkConfiguration)
    if (eni) task.attachments.push(eni)
  }
  let why = ''
  if (placed.kind === 'eni' || host) {
    task.availabilityZone = placed.kind === 'eni' ? placed.availabilityZone : host!.availabilityZone
    why = placed.kind === 'eni' ? placed.why : host!.why
  }
  const eniAttachment = attachmentOf(task, 'ElasticNetworkInterface')
  const ip = eniDetail(task, 'privateIPv4Address')
  for (const c of task.containers) {
    c.networkBindings = host?.bindings[c.name] ?? []
    c.networkInterfaces = eniAttachment && ip ? [{ attachmentId: eniAttachment.id, privateIpv4Address: ip }] : []
  }
  if (host) {
    task.containerInstanceArn = host.containerInstance.containerInstanceArn
    placeOnHost(world, task, td, host.containerInstance)
  }
  indexEndpoints(world, task)
  countHostTransition(world, task, undefined, task.lastStatus)
  ctx.log(task.taskArn, { kind: 'task.created', lastStatus: task.lastStatus, reason: why || undefined })
  scheduleStep(ctx, task, eniSubnet ? TIMINGS.provisioningMs : TIMINGS.ec2ProvisioningMs, 'PROVISIONED')
}

/**
 * Asks a task to stop: desiredStatus STOPPED with its stopCode and stoppedReason (the first reason wins), the
 * lifecycle's STOP sent at once. Returns false when it was already stopping.
 */
export function requestStop(ctx: SimContext, task: Task, stopCode: string, reason: string): boolean {
  if (task.desiredStatus === 'STOPPED' || task.lastStatus === 'STOPPED') return false
  task.desiredStatus = 'STOPPED'
  task.stopCode = stopCode
  task.stoppedReason = reason
  task.stoppingAt = ctx.now()
  task.version++
  ctx.log(task.taskArn, { kind: 'task.status', attribute: 'desiredStatus', from: 'RUNNING', to: 'STOPPED', reason })
  scheduleStep(ctx, task, 0, 'STOP')
  const serviceArn = serviceArnOfTask(ctx.world, task)
  if (serviceArn) {
    const service = ctx.world.ecs.services[serviceArn]
    const deployment = service?.deployments.find((d) => d.id === task.startedBy)
    // The circuit breaker counts tasks that failed to start or to stay healthy (deployment-circuit-breaker.html).
    const failed = stopCode === 'TaskFailedToStart' || stopCode === 'EssentialContainerExited' || reason.startsWith('Task failed ELB health checks')
    if (deployment?.rolloutState === 'IN_PROGRESS' && failed) deployment.failedTasks++
    requestReconcile(ctx, serviceArn, TIMINGS.schedulerReactionMs)
  }
  return true
}

interface RunTaskRequest {
  cluster?: string
  count?: number
  launchType?: string
  capacityProviderStrategy?: { capacityProvider: string }[]
  networkConfiguration?: NetworkConfiguration
  overrides?: { containerOverrides?: ContainerOverride[] }
  startedBy?: string
  group?: string
  tags?: Tag[]
  taskDefinition: string
  placementStrategy?: PlacementStrategy[]
  placementConstraints?: PlacementConstraint[]
  volumeConfigurations?: TaskVolumeConfiguration[]
}

/**
 * The launch type a request ends up with: given, or from its capacity provider strategy (its own, else the cluster's
 * default; capacityProviders.ts), else EC2.
 */
function launchTypeOf(strategy: readonly { capacityProvider: string }[] | undefined, launchType: string | undefined): string {
  return launchType ?? (strategy ? strategyLaunchType(strategy) : 'EC2')
}

/** Everything run-task checks before starting anything (fidelity §2.6). */
export function checkLaunch(world: Readonly<World>, td: TaskDefinition, launchType: string, overrides?: ContainerOverride[]): void {
  if (launchType === 'FARGATE' && !td.compatibilities.includes('FARGATE')) throw unsupportedLaunchType('FARGATE')
  for (const o of overrides ?? [])
    if (!td.containerDefinitions.some((c) => c.name === o.name)) throw invalidParameter(`Override for container named ${o.name} is not a container in the TaskDefinition.`)
  checkRolesAssumable(world, td)
}

export const runTask = handler((ctx, input: RunTaskRequest) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const td = taskDefinitionToRun(ctx.world, input.taskDefinition)
  const strategy = strategyFor(cluster, input.launchType, input.capacityProviderStrategy)
  const launchType = launchTypeOf(strategy, input.launchType)
  const count = input.count ?? 1
  if (!Number.isInteger(count) || count < 1 || count > 10) throw invalidParameter('count must be between 1 and 10.') // wording unverified
  // The strategy's base and weights share the call's tasks out (strategySplit.ts); each task remembers its provider.
  const providers = strategy ? splitTasks(strategy, count).map((name) => launchProvider(ctx.world, name)) : []
  const overrides = input.overrides?.containerOverrides
  checkLaunch(ctx.world, td, launchType, overrides)
  const networkConfiguration = checkNetworkConfiguration(ctx.world, td, launchType, input.networkConfiguration)
  checkVolumeConfigurations(ctx.world, td, input.volumeConfigurations) // ECS-managed EBS volumes (managedEbs.ts)
  // No EC2 capacity: ECS refuses the call itself, before starting anything (placement.ts), unless every task goes
  // through a provider with managed scaling (it waits for the group to grow: managedScaling.ts).
  const noCapacity = missingCapacity(cluster, launchType)
  if (noCapacity && (!providers.length || providers.some((p) => !p.waitForCapacity))) throw invalidParameter(noCapacity)
  if (launchType === 'EC2') checkPlacement(input.placementStrategy, input.placementConstraints)
  const group = input.group ?? `family:${td.family}`
  const groupTasks = Object.values(ctx.world.ecs.tasks).filter((t) => t.clusterArn === cluster.clusterArn && t.group === group)
  const tasks: Task[] = []
  const failures: { arn: string; reason: string }[] = []
  for (let i = 0; i < count; i++) {
    try {
      const task = createTask(ctx, {
        cluster, taskDefinition: td, launchType, networkConfiguration, group, startedBy: input.startedBy, overrides, tags: input.tags,
        groupTasks: [...groupTasks, ...tasks], placementStrategy: input.placementStrategy, placementConstraints: input.placementConstraints,
        ...providers[i],
      })
      provisionManagedVolumes(ctx, task, input.volumeConfigurations)
      tasks.push(task)
    } catch (e) {
      // Tasks that do not fit anywhere come back in `failures`, one per container instance with its reason (fidelity §2.6).
      if (!(e instanceof PlacementFailure)) throw e
      for (const f of e.failures) failures.push({ arn: f.arn, reason: runTaskReason(f.reason) })
      break
    }
  }
  return { tasks, failures }
})

/** StartTask places on named container instances; a Fargate-only cluster has none, so each is MISSING. */
export const startTask = handler((ctx, input: { cluster?: string; containerInstances: string[]; taskDefinition: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  taskDefinitionToRun(ctx.world, input.taskDefinition)
  const failures = input.containerInstances.map((ref) => ({
    arn: ref.startsWith('arn:') ? ref : arn({ service: 'ecs', region: ctx.world.region, accountId: ctx.world.accountId, resource: `container-instance/${cluster.clusterName}/${ref}` }),
    reason: 'MISSING',
  }))
  return { tasks: [], failures }
})

/** The task a `--task` value names (ARN or id) in the cluster. */
function findTask(world: Readonly<World>, clusterArn: string, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) return world.ecs.tasks[ref]?.clusterArn === clusterArn ? world.ecs.tasks[ref] : undefined
  const clusterName = clusterArn.slice(clusterArn.indexOf(':cluster/') + ':cluster/'.length)
  return world.ecs.tasks[arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `task/${clusterName}/${ref}` })]
}

export const stopTask = handler((ctx, input: { cluster?: string; task: string; reason?: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const task = findTask(ctx.world, cluster.clusterArn, input.task)
  if (!task) throw invalidParameter('The referenced task was not found.')
  requestStop(ctx, task, 'UserInitiated', input.reason ?? 'Task stopped by user')
  return { task }
})

interface ListTasksRequest {
  cluster?: string
  containerInstance?: string
  family?: string
  startedBy?: string
  serviceName?: string
  desiredStatus?: string
  launchType?: string
}

export const listTasks = handler((ctx, input: ListTasksRequest) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const desired = input.desiredStatus ?? 'RUNNING'
  const { taskDefinitions } = ctx.world.ecs
  const serviceGroup = input.serviceName && `service:${input.serviceName.slice(input.serviceName.lastIndexOf('/') + 1)}`
  if (input.serviceName) {
    const name = input.serviceName.slice(input.serviceName.lastIndexOf('/') + 1)
    const serviceArn = cluster.clusterArn.replace(':cluster/', ':service/') + `/${name}`
    if (!ctx.world.ecs.services[serviceArn]) throw serviceNotFound()
  }
  // `--container-instance` takes the container instance's ID or full ARN (API ListTasks.containerInstance).
  const instance = input.containerInstance && (input.containerInstance.startsWith('arn:') ? input.containerInstance : `${cluster.clusterArn.replace(':cluster/', ':container-instance/')}/${input.containerInstance}`)
  const taskArns = Object.values(ctx.world.ecs.tasks)
    .filter(
      (t) =>
        t.clusterArn === cluster.clusterArn &&
        // desiredStatus PENDING lists nothing on Fargate; RUNNING lists tasks not asked to stop.
        t.desiredStatus === desired &&
        (!input.family || taskDefinitions[t.taskDefinitionArn]?.family === input.family) &&
        (!serviceGroup || t.group === serviceGroup) &&
        (!input.startedBy || t.startedBy === input.startedBy) &&
        (!input.launchType || t.launchType === input.launchType) &&
        (!instance || t.containerInstanceArn === instance),
    )
    .map((t) => t.taskArn)
  return { taskArns }
})

export const describeTasks = handler((ctx, input: { cluster?: string; tasks: string[] }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const tasks: Task[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of input.tasks) {
    const task = findTask(ctx.world, cluster.clusterArn, ref)
    if (task) tasks.push(task)
    else
      failures.push({
        arn: ref.startsWith('arn:') ? ref : arn({ service: 'ecs', region: ctx.world.region, accountId: ctx.world.accountId, resource: `task/${cluster.clusterName}/${ref}` }),
        reason: 'MISSING',
      })
  }
  return { tasks, failures }
})
