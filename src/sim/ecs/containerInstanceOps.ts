import { arn, AwsError } from '../core/index.ts'
import { handler, type SimContext } from '../context.ts'
import type { World } from '../world.ts'
import { activeCluster } from './clusters.ts'
import { clusterOfContainerInstance, containerInstanceId, findContainerInstance, liveTasksOn, markInactive, querySubject } from './containerInstances.ts'
import { invalidParameter } from './errors.ts'
import { parseQuery } from './clusterQuery.ts'
import type { Attribute, Cluster, ContainerInstance } from './state.ts'
import { requestStop } from './tasks.ts'
import { requestReconcile } from './wakeups.ts'
import { TIMINGS } from './timings.ts'

/**
 * list/describe-container-instances, update-container-instances-state, deregister-container-instance and the
 * attribute calls (ECS API Reference; draining: container-instance-draining.html).
 */

const ciArnOf = (world: Readonly<World>, cluster: Cluster, ref: string) =>
  ref.startsWith('arn:') ? ref : arn({ service: 'ecs', region: world.region, accountId: world.accountId, resource: `container-instance/${cluster.clusterName}/${ref}` })

const instancesOf = (world: Readonly<World>, cluster: Cluster) =>
  Object.values(world.ecs.containerInstances).filter((ci) => clusterOfContainerInstance(world, ci) === cluster.clusterArn)

/** ListContainerInstances: ACTIVE and DRAINING ones unless --status names one; --filter in the cluster query language. */
export const listContainerInstances = handler((ctx, input: { cluster?: string; filter?: string; status?: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const query = input.filter ? parseQuery(input.filter) : undefined
  const containerInstanceArns = instancesOf(ctx.world, cluster)
    .filter((ci) => (input.status ? ci.status === input.status : ci.status !== 'INACTIVE'))
    .filter((ci) => !query || query(querySubject(ctx.world, ci)))
    .map((ci) => ci.containerInstanceArn)
  return { containerInstanceArns }
})

/** DescribeContainerInstances: unknown ones are `failures` with reason MISSING. */
export const describeContainerInstances = handler((ctx, input: { cluster?: string; containerInstances: string[] }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const containerInstances: ContainerInstance[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of input.containerInstances) {
    const ci = findContainerInstance(ctx.world, cluster, ref)
    if (ci) containerInstances.push(ci)
    else failures.push({ arn: ciArnOf(ctx.world, cluster, ref), reason: 'MISSING' })
  }
  return { containerInstances, failures }
})

/** Every service of the cluster looks again (an instance joined, left, or changed state). */
export function wakeServices(ctx: SimContext, clusterArn: string): void {
  for (const s of Object.values(ctx.world.ecs.services))
    if (s.clusterArn === clusterArn && s.status !== 'INACTIVE') requestReconcile(ctx, s.serviceArn, TIMINGS.schedulerReactionMs)
}

/**
 * UpdateContainerInstancesState: DRAINING takes the instance out of placement; the service scheduler starts
 * replacements elsewhere and stops the drained tasks within minimumHealthyPercent/maximumPercent (deployments.ts).
 * Tasks started by run-task are left alone. ACTIVE puts it back.
 */
export const updateContainerInstancesState = handler((ctx, input: { cluster?: string; containerInstances: string[]; status: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  if (input.status !== 'ACTIVE' && input.status !== 'DRAINING')
    throw invalidParameter(`Container instances can only be updated to ACTIVE or DRAINING status.`) // wording unverified
  const containerInstances: ContainerInstance[] = []
  const failures: { arn: string; reason: string }[] = []
  for (const ref of input.containerInstances) {
    const ci = findContainerInstance(ctx.world, cluster, ref)
    if (!ci || ci.status === 'INACTIVE') {
      failures.push({ arn: ciArnOf(ctx.world, cluster, ref), reason: 'MISSING' })
      continue
    }
    if (ci.status !== input.status) {
      ctx.log(ci.containerInstanceArn, { kind: 'resource.status', type: 'AWS::ECS::ContainerInstance', attribute: 'status', from: ci.status, to: input.status, reason: 'update-container-instances-state' })
      ci.status = input.status
      ci.version++
    }
    containerInstances.push(ci)
  }
  if (containerInstances.length) wakeServices(ctx, cluster.clusterArn)
  return { containerInstances, failures }
})

/**
 * DeregisterContainerInstance: refused while tasks run on it unless --force; with --force its tasks are stopped
 * ("Container instance deregistration forced by user", fidelity §2.3) and services place them elsewhere.
 */
export const deregisterContainerInstance = handler((ctx, input: { cluster?: string; containerInstance: string; force?: boolean }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const ci = findContainerInstance(ctx.world, cluster, input.containerInstance)
  if (!ci || ci.status === 'INACTIVE') throw invalidParameter('The referenced container instance was not found.') // wording unverified
  const tasks = liveTasksOn(ctx.world, ci.containerInstanceArn).filter((t) => t.desiredStatus === 'RUNNING')
  if (tasks.length && !input.force)
    throw invalidParameter('Found running tasks on the instance. Use force to deregister the container instance.') // wording unverified
  for (const t of tasks) requestStop(ctx, t, 'UserInitiated', 'Container instance deregistration forced by user')
  markInactive(ctx, ci, input.force ? 'deregistered with --force' : 'deregistered')
  const agent = ctx.world.ecs.agents[ci.ec2InstanceId]
  if (agent?.containerInstanceArn === ci.containerInstanceArn) delete agent.containerInstanceArn
  ctx.scheduler.schedule(ctx.now() + TIMINGS.inactiveContainerInstanceRetentionMs, FORGET_TIMER, { containerInstanceArn: ci.containerInstanceArn })
  wakeServices(ctx, cluster.clusterArn)
  return { containerInstance: ci }
})

export const FORGET_TIMER = 'ecs.containerInstance.forget'

/** Timer: an INACTIVE container instance drops out of describe calls. */
export function forgetContainerInstance(ctx: SimContext, payload: Record<string, unknown>): void {
  const ciArn = String(payload.containerInstanceArn)
  if (ctx.world.ecs.containerInstances[ciArn]?.status !== 'INACTIVE') return
  delete ctx.world.ecs.containerInstances[ciArn]
  delete ctx.world.ecs.hosts[ciArn]
}

const BUILT_IN = /^(ecs\.|com\.amazonaws\.ecs\.)/

/** PutAttributes: custom attributes on container instances (built-in `ecs.*` names are ECS's own). */
export const putAttributes = handler((ctx, input: { cluster?: string; attributes: Attribute[] }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  const targets: { ci: ContainerInstance; a: Attribute }[] = []
  for (const a of input.attributes) {
    if (BUILT_IN.test(a.name)) throw invalidParameter(`Attribute name ${a.name} is reserved.`) // wording unverified
    if (!a.targetId) throw invalidParameter('Target id must be specified.') // wording unverified
    const ci = findContainerInstance(ctx.world, cluster, a.targetId)
    if (!ci || ci.status === 'INACTIVE') throw targetNotFound(a.targetId)
    targets.push({ ci, a })
  }
  for (const { ci, a } of targets) {
    const existing = ci.attributes.find((x) => x.name === a.name)
    if (existing) existing.value = a.value
    else ci.attributes.push(a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })
    ci.version++
    ctx.log(ci.containerInstanceArn, { kind: 'resource.settings', type: 'AWS::ECS::ContainerInstance', scope: 'attributes', settings: [{ name: a.name, value: a.value ?? '' }] })
  }
  return { attributes: targets.map(({ ci, a }) => ({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}), targetType: 'container-instance', targetId: ci.containerInstanceArn })) }
})

// ECS's exception for a target it cannot find; the message is ours (unverified).
const targetNotFound = (id: string) => new AwsError('TargetNotFoundException', `Could not find ${id}.`)

/** ListAttributes of container instances, optionally by name and value. */
export const listAttributes = handler((ctx, input: { cluster?: string; targetType: string; attributeName?: string; attributeValue?: string }) => {
  const cluster = activeCluster(ctx.world, input.cluster)
  if (input.attributeValue !== undefined && input.attributeName === undefined)
    throw invalidParameter('Attribute name must be specified when attribute value is specified.') // wording unverified
  const attributes = instancesOf(ctx.world, cluster)
    .filter((ci) => ci.status !== 'INACTIVE')
    .flatMap((ci) =>
      ci.attributes
        .filter((a) => (input.attributeName === undefined || a.name === input.attributeName) && (input.attributeValue === undefined || a.value === input.attributeValue))
        .map((a) => ({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}), targetType: 'container-instance', targetId: containerInstanceId(ci.containerInstanceArn) })),
    )
  return { attributes }
})
