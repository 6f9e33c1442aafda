import { isAwsError, ownEntry } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { counts } from '../autoscaling/lifecycle.machine.ts'
import type { AutoScalingGroup } from '../autoscaling/index.ts'
import { MINUTE_MS } from '../cloudwatch/model.ts'
import { putSample } from '../cloudwatch/series.ts'
import { instanceTypeFacts } from '../ec2/index.ts'
import { resolveLaunchTemplate } from '../ec2/launchTemplate.ts'
import type { World } from '../world.ts'
import { findCapacityProvider, providerGroup } from './capacityProviders.ts'
import { FARGATE_PROVIDERS } from './hostState.ts'
import { MANAGED_NAMESPACE, RESERVATION_METRIC, reservationDimensions } from './reservationMetric.ts'
import { liveTasksOn } from './containerInstances.ts'
import { fixedHostPorts, taskReservation } from './containerResources.ts'
import { osReservedMiB } from './hostFacts.ts'
import { PlacementFailure, type PlacementConstraint, type PlacementStrategy } from './hostPlacement.ts'
import { placeTask } from './placement.ts'
import type { CapacityProvider, CapacityProviderStrategyItem, Cluster, NetworkConfiguration, Task, TaskDefinition } from './state.ts'
import { requestStop, settleTask } from './tasks.ts'

/**
 * ECS cluster auto scaling: a capacity provider with managed scaling, associated with a cluster, scales its Auto
 * Scaling group through a target tracking policy on the `CapacityProviderReservation` metric (ECS Developer Guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html):
 * - ECS creates the policy (`ECSManagedAutoScalingPolicy-<uuid>`, target = targetCapacity, the warm-up =
 *   instanceWarmupPeriod) on association and removes it when the provider leaves the cluster or stops scaling;
 * - every minute it publishes CapacityProviderReservation (namespace AWS/ECS/ManagedScaling, dimensions
 *   CapacityProviderName and ClusterName) = M / N × 100, N the instances in the group, M the instances needed: those
 *   running non-daemon tasks, plus, for tasks waiting in PROVISIONING, what a binpack of them onto new instances of the
 *   group's type needs (at least minimumScalingStepSize, at most maximumScalingStepSize more). 100 when N = M; with
 *   N = 0, 100 when nothing waits and 200 when tasks do ("Managed scale-out behavior", "Managed scale-in behavior");
 * - tasks that fit nowhere wait in PROVISIONING and are placed when the new instances register; "provisioning tasks will
 *   wait for capacity for between 10 and 30 minutes before transitioning to stopped" (AWS Containers blog, "Deep Dive
 *   on Amazon ECS Cluster Auto Scaling", quoted in aws/containers-roadmap#2381): here 30 minutes, then STOPPED with
 *   stop code TaskFailedToStart (the stoppedReason's wording is the sandbox's own, unverified);
 * - with managed termination protection, instances running non-daemon tasks are protected from scale in and empty
 *   ones are not ("Managed termination protection"), through Auto Scaling's SetInstanceProtection.
 */
export const MANAGED_SCALING_TIMER = 'ecs.managedScaling.pass'
/** The pass runs near the end of each minute, so CloudWatch's evaluation just after the minute sees its datapoint. */
const PASS_OFFSET_MS = 55_000
const POLICY_PREFIX = 'ECSManagedAutoScalingPolicy-'
/** The longest a task waits in PROVISIONING for capacity (the blog's upper bound, above). */
export const PROVISIONING_TIMEOUT_MS = 30 * MINUTE_MS
export const PROVISIONING_TIMEOUT_REASON = 'Task did not find capacity: no container instance of the capacity provider could run it within 30 minutes.'

/** The Auto Scaling group provider a daemon's tasks launch through (the first one its strategy names), and whether it scales. */
export function managedProvider(world: Readonly<World>, strategy: readonly CapacityProviderStrategyItem[] | undefined): { name: string; managed: boolean } | undefined {
  for (const item of strategy ?? []) {
    if (FARGATE_PROVIDERS.includes(item.capacityProvider)) continue
    const provider = findCapacityProvider(world, item.capacityProvider)
    if (provider) return { name: provider.name, managed: provider.autoScalingGroupProvider.managedScaling.status === 'ENABLED' }
  }
  return undefined
}

/**
 * What launching a task through the named provider means for it: the Task's `capacityProviderName`, and whether, with
 * no room on the provider's instances, it waits in PROVISIONING for that provider's group to grow (managed scaling).
 */
export function launchProvider(world: Readonly<World>, name: string): { capacityProviderName: string; waitForCapacity: boolean } {
  const provider = FARGATE_PROVIDERS.includes(name) ? undefined : findCapacityProvider(world, name)
  return { capacityProviderName: name, waitForCapacity: provider?.autoScalingGroupProvider.managedScaling.status === 'ENABLED' }
}

/** A task that fits nowhere yet: it waits in PROVISIONING, with what placing it later needs. */
export function awaitCapacity(
  ctx: SimContext,
  task: Task,
  req: { capacityProviderName?: string; networkConfiguration?: NetworkConfiguration; placementStrategy?: readonly PlacementStrategy[]; placementConstraints?: readonly PlacementConstraint[] },
): void {
  const provider = req.capacityProviderName ?? ''
  ;(ctx.world.ecs.provisioning ??= {})[task.taskArn] = {
    capacityProvider: provider,
    since: ctx.now(),
    ...(req.networkConfiguration ? { networkConfiguration: req.networkConfiguration } : {}),
    ...(req.placementStrategy ? { placementStrategy: [...req.placementStrategy] } : {}),
    ...(req.placementConstraints ? { placementConstraints: [...req.placementConstraints] } : {}),
  }
  ctx.log(task.taskArn, { kind: 'task.created', lastStatus: task.lastStatus, reason: `waiting in PROVISIONING for capacity provider ${provider} to add instances` })
}

/** Places the cluster's waiting tasks that fit now (new instances joined), oldest first. */
export function placeWaitingTasks(ctx: SimContext, clusterArn: string): void {
  const waiting = ctx.world.ecs.provisioning
  if (!waiting) return
  const { ecs } = ctx.world
  const cluster = ecs.clusters[clusterArn]
  const byGroup = new Map<string, Task[]>()
  for (const taskArn of Object.keys(waiting)) {
    const task = ecs.tasks[taskArn]
    if (!task || task.desiredStatus !== 'RUNNING' || task.lastStatus !== 'PROVISIONING') {
      delete waiting[taskArn]
      continue
    }
    if (task.clusterArn !== clusterArn || !cluster || cluster.registeredContainerInstancesCount === 0) continue
    const td = ecs.taskDefinitions[task.taskDefinitionArn]
    if (!td) continue
    let groupTasks = byGroup.get(task.group)
    if (!groupTasks) {
      groupTasks = Object.values(ecs.tasks).filter((t) => t.clusterArn === clusterArn && t.group === task.group && t.containerInstanceArn)
      byGroup.set(task.group, groupTasks)
    }
    const w = waiting[taskArn]
    try {
      const placed = placeTask(ctx.world, ctx.rng, {
        cluster, launchType: 'EC2', taskDefinition: td, group: task.group, groupTasks, capacityProviderName: w.capacityProvider,
        networkConfiguration: w.networkConfiguration, placementStrategy: w.placementStrategy, placementConstraints: w.placementConstraints,
      })
      delete waiting[taskArn]
      settleTask(ctx, task, td, placed, w.networkConfiguration)
      groupTasks.push(task)
    } catch (e) {
      if (!(e instanceof PlacementFailure)) throw e
    }
  }
}

/** Tasks that waited too long stop (see above); a service's scheduler launches new ones, which wait again. */
function giveUpWaiting(ctx: SimContext, clusterArn: string): void {
  const waiting = ctx.world.ecs.provisioning ?? {}
  for (const [taskArn, w] of Object.entries(waiting)) {
    const task = ctx.world.ecs.tasks[taskArn]
    if (task?.clusterArn !== clusterArn || ctx.now() - w.since < PROVISIONING_TIMEOUT_MS) continue
    delete waiting[taskArn]
    requestStop(ctx, task, 'TaskFailedToStart', PROVISIONING_TIMEOUT_REASON)
  }
}

const policyOf = (world: Readonly<World>, group: AutoScalingGroup) =>
  Object.values(world.autoscaling.policies).find((p) => p.AutoScalingGroupName === group.AutoScalingGroupName && p.PolicyName.startsWith(POLICY_PREFIX))

const dimensions = (provider: string, cluster: Cluster) => reservationDimensions(provider, cluster.clusterName)

/**
 * After the cluster's providers or a provider's settings change: each associated provider with managed scaling gets
 * its target tracking policy (created or updated through Auto Scaling's PutScalingPolicy) and its minute pass; one
 * that left the cluster, or stopped scaling, loses its policy.
 */
export function syncManagedScaling(ctx: SimContext, cluster: Cluster): void {
  const { world } = ctx
  const books = (world.ecs.managedScaling ??= {})
  for (const name of cluster.capacityProviders) {
    const provider = findCapacityProvider(world, name)
    const group = provider && providerGroup(world, provider)
    if (!provider || !group || provider.autoScalingGroupProvider.managedScaling.status !== 'ENABLED') continue
    const scaling = provider.autoScalingGroupProvider.managedScaling
    ctx.call('autoscaling', 'PutScalingPolicy', {
      AutoScalingGroupName: group.AutoScalingGroupName,
      PolicyName: policyOf(world, group)?.PolicyName ?? `${POLICY_PREFIX}${ctx.rng.uuid()}`,
      PolicyType: 'TargetTrackingScaling',
      EstimatedInstanceWarmup: scaling.instanceWarmupPeriod,
      TargetTrackingConfiguration: {
        CustomizedMetricSpecification: { MetricName: RESERVATION_METRIC, Namespace: MANAGED_NAMESPACE, Dimensions: dimensions(name, cluster), Statistic: 'Average' },
        TargetValue: scaling.targetCapacity,
        DisableScaleIn: false,
      },
    })
    const book = ownEntry(books, name)
    if (book?.clusterArn === cluster.clusterArn) continue
    const passAt = Math.floor(ctx.now() / MINUTE_MS) * MINUTE_MS + PASS_OFFSET_MS + (ctx.now() % MINUTE_MS >= PASS_OFFSET_MS ? MINUTE_MS : 0)
    books[name] = { clusterArn: cluster.clusterArn, passAt }
    ctx.scheduler.schedule(passAt, MANAGED_SCALING_TIMER, { provider: name, at: passAt })
  }
  for (const [name, book] of Object.entries(books)) {
    if (book.clusterArn !== cluster.clusterArn) continue
    const provider = findCapacityProvider(world, name)
    if (provider && cluster.status === 'ACTIVE' && cluster.capacityProviders.includes(name) && provider.autoScalingGroupProvider.managedScaling.status === 'ENABLED') continue
    stopManagedScaling(ctx, name)
  }
}

/** The provider no longer scales its group: the policy (and with it its alarms) goes, the pass stops. */
function stopManagedScaling(ctx: SimContext, name: string): void {
  const books = ctx.world.ecs.managedScaling
  if (books) delete books[name]
  const provider = findCapacityProvider(ctx.world, name)
  const group = provider && providerGroup(ctx.world, provider)
  const policy = group && policyOf(ctx.world, group)
  if (group && policy) ctx.call('autoscaling', 'DeletePolicy', { AutoScalingGroupName: group.AutoScalingGroupName, PolicyName: policy.PolicyName })
}

/** Each minute: place what fits, publish the reservation, keep scale-in protection on the instances that run tasks. */
export const managedScalingPass: TimerHandler = (ctx, payload) => {
  const name = String(payload.provider)
  const { world } = ctx
  const book = world.ecs.managedScaling ? ownEntry(world.ecs.managedScaling, name) : undefined
  if (!book || book.passAt !== payload.at) return
  const provider = findCapacityProvider(world, name)
  const cluster = world.ecs.clusters[book.clusterArn]
  if (!provider || !cluster || cluster.status !== 'ACTIVE' || !cluster.capacityProviders.includes(name) || provider.autoScalingGroupProvider.managedScaling.status !== 'ENABLED') {
    delete world.ecs.managedScaling![name]
    return
  }
  book.passAt = ctx.now() + MINUTE_MS
  ctx.scheduler.schedule(book.passAt, MANAGED_SCALING_TIMER, { provider: name, at: book.passAt })
  const group = providerGroup(world, provider)
  if (!group || group.Status) return
  giveUpWaiting(ctx, cluster.clusterArn)
  placeWaitingTasks(ctx, cluster.clusterArn)
  const usage = groupUsage(world, cluster, group)
  const value = reservation(ctx, provider, cluster, group, usage)
  // Written into CloudWatch's series directly, as AWS's own services publish: PutMetricData refuses `AWS/` namespaces.
  putSample(ctx.world.cloudwatch, MANAGED_NAMESPACE, RESERVATION_METRIC, dimensions(name, cluster), 'Percent', ctx.now(), value)
  if (provider.autoScalingGroupProvider.managedTerminationProtection === 'ENABLED') protectBusy(ctx, group, usage.busy)
}

/** The group's instances (those that count), and which of them run non-daemon tasks (pending ones included). */
function groupUsage(world: Readonly<World>, cluster: Cluster, group: AutoScalingGroup): { members: string[]; busy: Set<string> } {
  const members = group.Instances.filter((m) => counts(m.LifecycleState)).map((m) => m.InstanceId)
  const ids = new Set(members)
  const prefix = cluster.clusterArn.replace(':cluster/', ':container-instance/') + '/'
  const daemons = new Set(
    Object.values(world.ecs.services).filter((s) => s.clusterArn === cluster.clusterArn && s.schedulingStrategy === 'DAEMON').map((s) => `service:${s.serviceName}`),
  )
  const busy = new Set<string>()
  for (const ci of Object.values(world.ecs.containerInstances)) {
    if (!ci.containerInstanceArn.startsWith(prefix) || ci.status === 'INACTIVE' || !ids.has(ci.ec2InstanceId)) continue
    if (liveTasksOn(world, ci.containerInstanceArn).some((t) => t.desiredStatus === 'RUNNING' && !daemons.has(t.group))) busy.add(ci.ec2InstanceId)
  }
  return { members, busy }
}

/** CapacityProviderReservation, by the formula above. */
function reservation(ctx: SimContext, provider: CapacityProvider, cluster: Cluster, group: AutoScalingGroup, usage: { members: string[]; busy: Set<string> }): number {
  const n = usage.members.length
  const extra = instancesForWaiting(ctx, provider, cluster, group)
  const scaling = provider.autoScalingGroupProvider.managedScaling
  const m = extra > 0 ? n + Math.min(Math.max(extra, scaling.minimumScalingStepSize), scaling.maximumScalingStepSize) : usage.busy.size
  if (n === 0) return m > 0 ? 200 : 100
  return Math.round((m / n) * 100 * 100) / 100
}

/** How many new instances of the group's type the waiting tasks need, binpacked (tasks too big for one are left out). */
function instancesForWaiting(ctx: SimContext, provider: CapacityProvider, cluster: Cluster, group: AutoScalingGroup): number {
  const { world } = ctx
  const waiting = world.ecs.provisioning
  if (!waiting) return 0
  const typeName = group.Instances[0]?.InstanceType ?? templateInstanceType(ctx, group)
  const type = typeName ? instanceTypeFacts(typeName) : undefined
  if (!type) return 0
  const cpu = type.vCpus * 1024
  const memory = type.memoryMiB - osReservedMiB(type.memoryMiB)
  const bins: { cpu: number; memory: number; ports: Set<number> }[] = []
  for (const [taskArn, w] of Object.entries(waiting)) {
    const task = world.ecs.tasks[taskArn]
    if (w.capacityProvider !== provider.name || task?.clusterArn !== cluster.clusterArn || task.lastStatus !== 'PROVISIONING' || task.desiredStatus !== 'RUNNING') continue
    const td: TaskDefinition | undefined = world.ecs.taskDefinitions[task.taskDefinitionArn]
    if (!td) continue
    const need = taskReservation(td)
    const ports = fixedHostPorts(td, 'tcp')
    if (need.cpu > cpu || need.memory > memory) continue
    let bin = bins.find((b) => b.cpu >= need.cpu && b.memory >= need.memory && ports.every((p) => !b.ports.has(p)))
    if (!bin) bins.push((bin = { cpu, memory, ports: new Set() }))
    bin.cpu -= need.cpu
    bin.memory -= need.memory
    for (const p of ports) bin.ports.add(p)
  }
  return bins.length
}

/** The instance type the group's launch template names (the version the group launches), through EC2's lookup. */
function templateInstanceType(ctx: SimContext, group: AutoScalingGroup): string | undefined {
  try {
    return resolveLaunchTemplate(ctx, group.LaunchTemplate).data.InstanceType
  } catch (e) {
    if (isAwsError(e)) return undefined
    throw e
  }
}

/** Managed termination protection: busy instances protected from scale in, empty ones not (only changes are sent). */
function protectBusy(ctx: SimContext, group: AutoScalingGroup, busy: Set<string>): void {
  const change = { protect: [] as string[], release: [] as string[] }
  for (const m of group.Instances) {
    if (m.LifecycleState !== 'InService') continue
    const wanted = busy.has(m.InstanceId)
    // An instance whose agent has not registered yet keeps the protection it was launched with.
    const registered = Object.values(ctx.world.ecs.containerInstances).some((ci) => ci.ec2InstanceId === m.InstanceId && ci.status !== 'INACTIVE')
    if (!registered || wanted === m.ProtectedFromScaleIn) continue
    ;(wanted ? change.protect : change.release).push(m.InstanceId)
  }
  for (const [ids, protect] of [[change.protect, true], [change.release, false]] as const)
    if (ids.length) ctx.call('autoscaling', 'SetInstanceProtection', { AutoScalingGroupName: group.AutoScalingGroupName, InstanceIds: ids, ProtectedFromScaleIn: protect })
}
