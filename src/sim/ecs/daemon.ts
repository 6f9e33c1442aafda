import type { SimContext } from '../context.ts'
import { parseQuery } from './clusterQuery.ts'
import { clusterOfContainerInstance, liveTasksOn, querySubject } from './containerInstances.ts'
import { finishDeployments, launch, stopReason, updateCounts } from './deployments.ts'
import { EVENT_TEXT, postEvent } from './events.ts'
import type { PlacementConstraint } from './hostPlacement.ts'
import type { Service, Task } from './state.ts'
import { requestStop } from './tasks.ts'

/**
 * The DAEMON scheduler (ECS Developer Guide, ecs_services.html "Daemon"): one task of the service on every ACTIVE
 * container instance that meets its constraints — instances that join later get theirs too; tasks on instances that
 * drain or leave, and tasks of an older deployment, are stopped (a daemon deployment stops before it starts, as
 * there is room for one task per instance). On a DRAINING instance the daemon task is the last to go: it stays while
 * the instance still runs other services' tasks (the brief's reading of ECS draining; managedDraining.ts). desiredCount
 * follows the number of such instances.
 */
export function reconcileDaemon(ctx: SimContext, service: Service, all: Task[], healthy: (t: Task) => boolean): void {
  const { world } = ctx
  const current = service.deployments[0]
  const td = world.ecs.taskDefinitions[current.taskDefinition]
  const constraints = [...((td?.placementConstraints ?? []) as PlacementConstraint[]), ...(service.placementConstraints as PlacementConstraint[])]
  const queries = constraints.filter((c) => c.type === 'memberOf' && c.expression).map((c) => parseQuery(c.expression!))
  const eligible = Object.values(world.ecs.containerInstances).filter(
    (ci) =>
      ci.status === 'ACTIVE' &&
      ci.agentConnected &&
      clusterOfContainerInstance(world, ci) === service.clusterArn &&
      queries.every((q) => q(querySubject(world, ci))),
  )
  const eligibleArns = new Set(eligible.map((ci) => ci.containerInstanceArn))
  const desired = service.status === 'ACTIVE' ? eligible.length : 0
  if (service.desiredCount !== desired) {
    ctx.log(service.serviceArn, { kind: 'resource.status', type: 'AWS::ECS::Service', attribute: 'desiredCount', from: String(service.desiredCount), to: String(desired), reason: 'one task per container instance (DAEMON)' })
    service.desiredCount = desired
  }
  const stopped: Task[] = []
  const daemonGroups = new Set(Object.values(world.ecs.services).filter((s) => s.clusterArn === service.clusterArn && s.schedulingStrategy === 'DAEMON').map((s) => `service:${s.serviceName}`))
  const stillDraining = (ciArn: string) =>
    world.ecs.containerInstances[ciArn]?.status === 'DRAINING' && liveTasksOn(world, ciArn).some((x) => !daemonGroups.has(x.group))
  for (const t of all) {
    if (t.desiredStatus !== 'RUNNING') continue
    const ciArn = t.containerInstanceArn ?? ''
    const keep = service.status === 'ACTIVE' && t.startedBy === current.id && (eligibleArns.has(ciArn) || stillDraining(ciArn))
    if (!keep && requestStop(ctx, t, 'ServiceSchedulerInitiated', stopReason(current))) stopped.push(t)
  }
  if (stopped.some((t) => t.lastStatus === 'RUNNING')) postEvent(ctx, service, EVENT_TEXT.stopped(service.serviceName, stopped.filter((t) => t.lastStatus === 'RUNNING').map((t) => t.taskArn)))
  const occupied = new Set(all.filter((t) => t.lastStatus !== 'STOPPED').map((t) => t.containerInstanceArn))
  if (service.status === 'ACTIVE' && current.rolloutState !== 'FAILED')
    for (const ci of eligible) if (!occupied.has(ci.containerInstanceArn)) all.push(...launch(ctx, service, current, 1, all, ci.containerInstanceArn))
  const live = all.filter((t) => t.desiredStatus === 'RUNNING')
  updateCounts(ctx, service, all, live)
  finishDeployments(ctx, service, all, live, healthy)
}
