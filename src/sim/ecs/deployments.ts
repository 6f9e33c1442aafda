import { because, deploymentId, isAwsError, lastEntry, worldVersion } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { EVENT_TEXT, postEvent } from './events.ts'
import { INITIAL_DEPLOYMENT_STATUS, INITIAL_ROLLOUT_STATE, sendDeploymentStatus, sendRollout } from './deployment.machine.ts'
import { missingCapacity } from './placement.ts'
import { launchProvider, managedProvider } from './managedScaling.ts'
import { providerCounts, scaleInOrder, splitTasks } from './strategySplit.ts'
import { containerInstanceId } from './containerInstances.ts'
import { PlacementFailure, type PlacementConstraint, type PlacementStrategy } from './hostPlacement.ts'
import { closestMatchText } from './placementRules.ts'
import { PlacementPass } from './placementPass.ts'
import { reconcileDaemon } from './daemon.ts'
import { sendService } from './service.machine.ts'
import { NO_TARGETS, taskHealth, type TaskHealthView } from './serviceHealth.ts'
import type { ContainerInstance, Deployment, Service, Task } from './state.ts'
import { PENDING_STATUSES } from './task.machine.ts'
import { provisionManagedVolumes } from './managedEbs.ts'
import { checkRolesAssumable, createTask, requestStop } from './tasks.ts'
import { TIMINGS } from './timings.ts'
import { isQuiet, markQuiet, requestReconcile, takeCurrent } from './wakeups.ts'

/**
 * The REPLICA service scheduler: one pass (`ecs.service.reconcile`) keeps a service at its desired count and rolls
 * deployments within minimumHealthyPercent/maximumPercent, replaces stopped or unhealthy tasks, trips the circuit
 * breaker, and posts ECS's service events. Rules:
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html (rolling update),
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html (threshold
 * = 0.5 × desired count, at least 3, at most 200; rollback to the last deployment that completed).
 */
export function newDeployment(ctx: SimContext, service: Pick<Service, 'launchType' | 'networkConfiguration'>, taskDefinition: string, reason?: string): Deployment {
  const id = deploymentId(ctx.rng)
  const fargate = service.launchType === 'FARGATE'
  return {
    id,
    status: INITIAL_DEPLOYMENT_STATUS,
    taskDefinition,
    desiredCount: 0,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
    launchType: service.launchType,
    platformVersion: fargate ? '1.4.0' : undefined,
    platformFamily: fargate ? 'Linux' : undefined,
    networkConfiguration: service.networkConfiguration,
    rolloutState: INITIAL_ROLLOUT_STATE,
    rolloutStateReason: reason ?? `ECS deployment ${id} in progress.`,
  }
}

/** Makes `deployment` the service's PRIMARY; the previous PRIMARY becomes ACTIVE and drains (update-service). */
export function startDeployment(ctx: SimContext, service: Service, deployment: Deployment): void {
  for (const d of service.deployments) sendDeploymentStatus({ type: 'SUPERSEDED', deployment: d })
  service.deployments.unshift(deployment)
  service.taskDefinition = deployment.taskDefinition
  ctx.log(service.serviceArn, { kind: 'deployment.status', deploymentId: deployment.id, status: 'PRIMARY', reason: `task definition ${deployment.taskDefinition}` })
}

const failureThreshold = (desired: number) => Math.min(200, Math.max(3, Math.ceil(desired * 0.5)))
const isPending = (t: Task) => PENDING_STATUSES.has(t.lastStatus)
export const stopReason = (d: Deployment) => `Scaling activity initiated by (deployment ${d.id})`

export const serviceReconcile: TimerHandler = (ctx, payload) => {
  const serviceArn = String(payload.serviceArn)
  const { ecs } = ctx.world
  if (!takeCurrent(ctx, serviceArn)) return
  const service = ecs.services[serviceArn]
  if (!service || service.status === 'INACTIVE') return
  const all: Task[] = []
  for (const taskArn of ecs.serviceTasks[serviceArn] ?? []) {
    const t = ecs.tasks[taskArn]
    if (t !== undefined) all.push(t)
  }
  if (isQuiet(ctx, serviceArn)) return pollHealth(ctx, service, all)
  const versionAtStart = worldVersion(ctx.world.log)
  const name = service.serviceName
  const health = taskHealth(ctx, service)
  const waitingOnClock = stopUnhealthy(ctx, service, all, health)

  const primary = service.deployments[0]
  const desired = service.desiredCount
  const cfg = service.deploymentConfiguration
  let live = all.filter((t) => t.desiredStatus === 'RUNNING')
  const healthy = (t: Task) => t.lastStatus === 'RUNNING' && health.isHealthy(t)
  if (service.schedulingStrategy === 'DAEMON') {
    reconcileDaemon(ctx, service, all, healthy)
    return afterPass(ctx, service, all, versionAtStart, waitingOnClock)
  }
  // Tasks on a DRAINING container instance are replaced like an older deployment's (container-instance-draining.html).
  // A pass only creates and stops tasks (no instance changes status during it), so the DRAINING instances are listed
  // once rather than looked up for each task each time a filter asks (a service of 1,000 tasks asks thousands of times).
  const draining = drainingInstances(ecs.containerInstances)
  const drained = (t: Task) => draining.size > 0 && !!t.containerInstanceArn && draining.has(t.containerInstanceArn)
  const isCurrent = (t: Task, id: string) => t.startedBy === id && !drained(t)

  // Circuit breaker (before launching more of a failing revision).
  if (primary.rolloutState === 'IN_PROGRESS' && cfg.deploymentCircuitBreaker.enable && primary.failedTasks >= failureThreshold(desired))
    tripCircuitBreaker(ctx, service)
  else if (primary.rolloutState === 'IN_PROGRESS' && !cfg.deploymentCircuitBreaker.enable && primary.failedTasks >= 10)
    postEventOnce(service, ctx, EVENT_TEXT.notConsistent(name), primary.createdAt)
  const current = service.deployments[0]

  // Launch up to desired, within maximumPercent.
  const maxTotal = Math.floor((desired * cfg.maximumPercent) / 100)
  const primaryLive = live.filter((t) => isCurrent(t, current.id))
  const toStart = Math.min(desired - primaryLive.length, maxTotal - live.length)
  if (toStart > 0 && current.rolloutState !== 'FAILED') {
    const launched = launch(ctx, service, current, toStart, all)
    live = live.concat(launched)
    all.push(...launched)
  }

  // Scale in the primary beyond desired (pending ones first, then the AZ with the most tasks).
  const stopped: Task[] = []
  const currentLive = live.filter((t) => isCurrent(t, current.id))
  if (currentLive.length > desired) {
    const byAz = [...currentLive].sort((a, b) => Number(isPending(b)) - Number(isPending(a)) || azLoad(currentLive, b) - azLoad(currentLive, a))
    // With a strategy, the tasks stopped are those of the providers above their share, so the split holds (strategySplit.ts).
    const excess = service.capacityProviderStrategy?.length ? scaleInOrder(service.capacityProviderStrategy, byAz, currentLive.length - desired, isPending) : byAz
    for (const t of excess.slice(0, currentLive.length - desired)) if (requestStop(ctx, t, 'ServiceSchedulerInitiated', stopReason(current))) stopped.push(t)
  }
  // Drain older deployments while keeping minimumHealthyPercent healthy.
  const minHealthy = Math.ceil((desired * cfg.minimumHealthyPercent) / 100)
  const old = live.filter((t) => !isCurrent(t, current.id) && t.desiredStatus === 'RUNNING')
  let healthyNow = live.filter((t) => t.desiredStatus === 'RUNNING' && healthy(t)).length
  for (const t of [...old].sort((a, b) => Number(healthy(a)) - Number(healthy(b)))) {
    if (healthy(t)) {
      if (healthyNow - 1 < minHealthy) continue
      healthyNow--
    }
    if (requestStop(ctx, t, 'ServiceSchedulerInitiated', stopReason(current))) stopped.push(t)
  }
  const stoppedRunning = stopped.filter((t) => !isPending(t))
  if (stoppedRunning.length) postEvent(ctx, service, EVENT_TEXT.stopped(name, stoppedRunning.map((t) => t.taskArn)))
  live = live.filter((t) => t.desiredStatus === 'RUNNING')

  const remainingOld = live.filter((t) => !isCurrent(t, current.id))
  if (remainingOld.length && toStart <= 0 && stopped.length === 0 && !live.some(isPending) && live.filter((t) => isCurrent(t, current.id)).length < desired)
    postEvent(ctx, service, EVENT_TEXT.deploymentConfiguration(name))

  updateCounts(ctx, service, all, live)
  finishDeployments(ctx, service, all, live, healthy)
  afterPass(ctx, service, all, versionAtStart, waitingOnClock)
}

function drainingInstances(containerInstances: Readonly<Record<string, ContainerInstance>>): ReadonlySet<string> {
  const out = new Set<string>()
  for (const ciArn in containerInstances) if (containerInstances[ciArn].status === 'DRAINING') out.add(ciArn)
  return out
}

/** The end of a pass: a DRAINING service with nothing left becomes INACTIVE; otherwise the next health poll. */
function afterPass(ctx: SimContext, service: Service, all: Task[], versionAtStart: number, waitingOnClock: boolean): void {
  const serviceArn = service.serviceArn
  if (service.status === 'DRAINING' && all.every((t) => t.lastStatus === 'STOPPED')) {
    sendService({ type: 'TASKS_STOPPED', ctx, service })
    ctx.log(service.serviceArn, { kind: 'resource.status', type: 'AWS::ECS::Service', attribute: 'status', from: 'DRAINING', to: 'INACTIVE', reason: 'all tasks stopped' })
    return markQuiet(ctx, serviceArn, false)
  }
  pollHealth(ctx, service, all)
  markQuiet(ctx, serviceArn, worldVersion(ctx.world.log) === versionAtStart && !waitingOnClock)
}

/**
 * Behind a load balancer the scheduler keeps watching target health; otherwise task changes wake it.
 * Health only changes on ELB's check rounds (30 s by default): poll often while something is in flight.
 */
function pollHealth(ctx: SimContext, service: Service, all: Task[]): void {
  if (!service.loadBalancers.length || all.every((t) => t.lastStatus === 'STOPPED')) return
  const inFlight =
    service.deployments.length > 1 || service.deployments[0].rolloutState === 'IN_PROGRESS' || all.some((t) => t.lastStatus !== 'STOPPED' && t.lastStatus !== 'RUNNING')
  requestReconcile(ctx, service.serviceArn, inFlight ? TIMINGS.healthPollMs : TIMINGS.steadyHealthPollMs, 'poll')
}

function azLoad(tasks: Task[], t: Task): number {
  return tasks.filter((o) => o.availabilityZone === t.availabilityZone).length
}

function postEventOnce(service: Service, ctx: SimContext, message: string, since: number): void {
  if (!service.events.some((e) => e.message === message && e.createdAt >= since)) postEvent(ctx, service, message)
}

export function launch(ctx: SimContext, service: Service, deployment: Deployment, count: number, all: Task[], onlyOn?: string): Task[] {
  const { ecs } = ctx.world
  const cluster = ecs.clusters[service.clusterArn]
  const td = ecs.taskDefinitions[deployment.taskDefinition]
  if (!cluster || !td) return []
  // The service's strategy decides each new task's provider from how many the service already runs on each
  // (strategySplit.ts); a daemon's task goes through the first Auto Scaling group provider. Through a provider with
  // managed scaling, tasks with no room wait in PROVISIONING for that provider's group (managedScaling.ts).
  const strategy = service.capacityProviderStrategy
  const daemonProvider = onlyOn ? managedProvider(ctx.world, strategy) : undefined
  const providers = strategy?.length
    ? onlyOn
      ? daemonProvider ? Array.from({ length: count }, () => ({ capacityProviderName: daemonProvider.name, waitForCapacity: false })) : []
      : splitTasks(strategy, count, providerCounts(all.filter((t) => t.desiredStatus === 'RUNNING'))).map((name) => launchProvider(ctx.world, name))
    : []
  const canWait = onlyOn ? !!daemonProvider?.managed : providers.length > 0 && providers.every((p) => p.waitForCapacity)
  if (missingCapacity(cluster, deployment.launchType) && !canWait) {
    postEvent(ctx, service, EVENT_TEXT.noContainerInstances(service.serviceName))
    return []
  }
  try {
    checkRolesAssumable(ctx.world, td)
  } catch (e) {
    if (!isAwsError(e)) throw e
    postEvent(ctx, service, EVENT_TEXT.failedToLaunch(service.serviceName, e.message))
    return []
  }
  const started: Task[] = []
  // One array the placements share (not a copy per task: a service of 1,000 tasks places them in one pass).
  const groupTasks = [...all]
  const pass = new PlacementPass(ctx.world, cluster.clusterArn, groupTasks)
  for (let i = 0; i < count; i++) {
    try {
      const task = createTask(ctx, {
        cluster,
        taskDefinition: td,
        launchType: deployment.launchType,
        networkConfiguration: deployment.networkConfiguration,
        group: `service:${service.serviceName}`,
        startedBy: deployment.id,
        groupTasks,
        pass,
        placementStrategy: service.placementStrategy as PlacementStrategy[],
        placementConstraints: service.placementConstraints as PlacementConstraint[],
        onlyOn,
        ...providers[i],
      })
      provisionManagedVolumes(ctx, task, deployment.volumeConfigurations) // one ECS-managed EBS volume per task, in its zone
      started.push(task)
      groupTasks.push(task)
      ;(ecs.serviceTasks[service.serviceArn] ??= []).push(task.taskArn)
    } catch (e) {
      if (e instanceof PlacementFailure) {
        if (e.closest) postEvent(ctx, service, EVENT_TEXT.closestMatch(service.serviceName, containerInstanceId(e.closest.arn), closestMatchText(e.closest.reason)))
        else postEvent(ctx, service, EVENT_TEXT.noContainerInstances(service.serviceName))
        break
      }
      if (!isAwsError(e)) throw e
      postEvent(ctx, service, EVENT_TEXT.unableToPlace(service.serviceName, e.message.replace(/\.$/, '')))
      break
    }
  }
  if (started.length) postEvent(ctx, service, EVENT_TEXT.started(service.serviceName, started.map((t) => t.taskArn)))
  return started
}

/** Stops RUNNING tasks whose targets are unhealthy; true when one was spared only by its grace period (for now). */
function stopUnhealthy(ctx: SimContext, service: Service, all: Task[], health: TaskHealthView): boolean {
  if (health === NO_TARGETS) return false // no target is unhealthy: nothing to stop, nothing spared
  const stopped: Task[] = []
  let spared = false
  for (const t of all) {
    if (t.desiredStatus !== 'RUNNING' || t.lastStatus !== 'RUNNING') continue
    const failing = health.unhealthyIn(t)
    if (!failing) continue
    if ((t.startedAt ?? 0) + service.healthCheckGracePeriodSeconds * 1000 > ctx.now()) {
      spared = true
      continue
    }
    // Caused by the target going unhealthy (core/causes.ts): the service scheduler acts on ELBv2's answer.
    const turned = lastEntry(ctx.world.log, (e) => e.kind === 'target.health' && e.to === 'unhealthy' && e.resource === failing.targetGroupArn && e.targetId === failing.targetId && e.port === failing.port)
    because(ctx, turned?.id, () => {
      postEvent(ctx, service, EVENT_TEXT.unhealthy(service.serviceName, t.taskArn, failing.port, failing.targetGroupArn, failing.reason))
      if (requestStop(ctx, t, 'ServiceSchedulerInitiated', `Task failed ELB health checks in (target-group ${failing.targetGroupArn})`)) stopped.push(t)
    })
  }
  if (stopped.length) postEvent(ctx, service, EVENT_TEXT.stopped(service.serviceName, stopped.map((t) => t.taskArn)))
  return spared
}

function tripCircuitBreaker(ctx: SimContext, service: Service): void {
  const failed = service.deployments[0]
  sendRollout({ type: 'FAIL', ctx, deployment: failed })
  postEvent(ctx, service, EVENT_TEXT.deploymentFailed(service.serviceName, failed.id))
  ctx.log(service.serviceArn, { kind: 'deployment.status', deploymentId: failed.id, status: 'FAILED', reason: `${failed.failedTasks} tasks failed to start (circuit breaker)` })
  const lastGood = service.deployments.find((d) => d.rolloutState === 'COMPLETED')
  if (!service.deploymentConfiguration.deploymentCircuitBreaker.rollback || !lastGood) return
  const rollback = newDeployment(ctx, service, lastGood.taskDefinition, `ECS deployment circuit breaker: rolling back to deploymentId ${lastGood.id}.`)
  rollback.networkConfiguration = lastGood.networkConfiguration
  startDeployment(ctx, service, rollback)
}

export function updateCounts(ctx: SimContext, service: Service, all: Task[], live: Task[]): void {
  // Counted, not filtered into lists: a pass runs this over every task of the service.
  let running = 0
  for (const t of all) if (t.lastStatus === 'RUNNING') running++
  let pending = 0
  for (const t of live) if (isPending(t)) pending++
  service.runningCount = running
  service.pendingCount = pending
  service.deployments.forEach((d, i) => {
    let mine = 0
    let mineRunning = 0
    let minePending = 0
    for (const t of live) {
      if (t.startedBy !== d.id) continue
      mine++
      if (t.lastStatus === 'RUNNING') mineRunning++
      if (isPending(t)) minePending++
    }
    const next = {
      desiredCount: i === 0 ? service.desiredCount : mine,
      runningCount: mineRunning,
      pendingCount: minePending,
    }
    if (next.desiredCount !== d.desiredCount || next.runningCount !== d.runningCount || next.pendingCount !== d.pendingCount) {
      Object.assign(d, next)
      d.updatedAt = ctx.now()
    }
  })
}

export function finishDeployments(ctx: SimContext, service: Service, all: Task[], live: Task[], healthy: (t: Task) => boolean): void {
  const primary = service.deployments[0]
  // Older deployments with no tasks left are done (they drop out of `deployments`).
  const keep = service.deployments.filter((d, i) => i === 0 || live.some((t) => t.startedBy === d.id))
  if (keep.length !== service.deployments.length) {
    const kept = new Set(keep.map((d) => d.id))
    for (const d of service.deployments) if (!kept.has(d.id)) sendDeploymentStatus({ type: 'DRAINED', deployment: d })
    service.deployments = keep
  }
  const mine = live.filter((t) => t.startedBy === primary.id)
  const settled = service.deployments.length === 1 && mine.length === service.desiredCount && mine.every(healthy)
  if (!settled) return
  if (sendRollout({ type: 'COMPLETE', ctx, deployment: primary })) {
    postEvent(ctx, service, EVENT_TEXT.deploymentCompleted(service.serviceName, primary.id))
  }
  // Steady once nothing is still on its way out either.
  const drained = all.every((t) => t.desiredStatus === 'RUNNING' || t.lastStatus === 'STOPPED')
  if (primary.rolloutState === 'COMPLETED' && service.status === 'ACTIVE' && drained) postEvent(ctx, service, EVENT_TEXT.steadyState(service.serviceName))
}
