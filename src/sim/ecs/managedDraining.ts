import { isAwsError, ownEntry, unproxied } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { TERMINATING_TRANSITION, type AutoScalingGroup } from '../autoscaling/index.ts'
import type { World } from '../world.ts'
import { autoScalingGroupByArn } from '../views/autoScaling.ts'
import { findCapacityProvider, providerGroup } from './capacityProviders.ts'
import { clusterOfContainerInstance, liveTasksOn } from './containerInstances.ts'
import { wakeServices } from './containerInstanceOps.ts'
import type { CapacityProvider, ContainerInstance } from './state.ts'
import { requestStop } from './tasks.ts'

/**
 * ECS managed instance draining (ECS Developer Guide, "Safely stop Amazon ECS workloads running on EC2 instances",
 * managed-instance-draining.html; on by default for a new capacity provider): ECS puts a termination lifecycle hook,
 * `ecs-managed-draining-termination-hook` (HeartbeatTimeout 3,600 s, DefaultResult CONTINUE, as describe-lifecycle-hooks
 * shows it on real groups), on the provider's Auto Scaling group. When the group terminates an instance (scale in,
 * instance refresh, terminate-instance-in-auto-scaling-group, health replacement) the hook holds it in
 * Terminating:Wait; ECS sets its container instance to DRAINING, so the services start replacements elsewhere first
 * within minimumHealthyPercent/maximumPercent and then stop the old tasks (deployments.ts), and once no non-daemon task
 * is left it stops the daemon tasks and completes the lifecycle action with CONTINUE; EC2 then terminates the instance.
 * While tasks remain ECS records heartbeats, so an instance whose tasks never leave (a standalone task, a service with
 * nowhere to go) is held up to the hook's global timeout, 48 hours (aws/containers-roadmap#2467).
 *
 * ECS learns of the termination from Auto Scaling's lifecycle notification; here a pass of its own looks at the
 * group's members every DRAIN_PASS_MS, so Auto Scaling knows nothing of ECS.
 */
export const MANAGED_DRAINING_HOOK = 'ecs-managed-draining-termination-hook'
export const MANAGED_DRAINING_TIMER = 'ecs.managedDraining.pass'
const HOOK_HEARTBEAT_S = 3600
/** How soon ECS reacts to an instance entering Terminating:Wait (observation: seconds; AWS publishes no figure). */
const DRAIN_PASS_MS = 10_000
/** How often ECS records a heartbeat for an instance it is still draining: well within the hook's 3,600 s (our choice). */
const HEARTBEAT_EVERY_MS = 30 * 60_000

const hasHook = (ctx: SimContext, group: AutoScalingGroup) =>
  (ctx.call<{ LifecycleHooks: { LifecycleHookName: string }[] }>('autoscaling', 'DescribeLifecycleHooks', { AutoScalingGroupName: group.AutoScalingGroupName, LifecycleHookNames: [MANAGED_DRAINING_HOOK] }).LifecycleHooks.length > 0)

/**
 * After a provider is created, updated or deleted (`provider` undefined then, `groupArn` its group): with managed
 * draining ENABLED the group has ECS's hook and the provider its pass; otherwise neither.
 */
export function syncManagedDraining(ctx: SimContext, name: string, provider: CapacityProvider | undefined, groupArn: string): void {
  const group = autoScalingGroupByArn(ctx.world, groupArn)
  const enabled = provider?.autoScalingGroupProvider.managedDraining === 'ENABLED'
  const books = (ctx.world.ecs.managedDraining ??= {})
  if (enabled) {
    if (group && !hasHook(ctx, group))
      ctx.call('autoscaling', 'PutLifecycleHook', {
        LifecycleHookName: MANAGED_DRAINING_HOOK,
        AutoScalingGroupName: group.AutoScalingGroupName,
        LifecycleTransition: TERMINATING_TRANSITION,
        HeartbeatTimeout: HOOK_HEARTBEAT_S,
        DefaultResult: 'CONTINUE',
      })
    if (ownEntry(books, name)) return
    books[name] = { startedAt: ctx.now(), instances: {} }
    ctx.scheduler.schedule(ctx.now() + DRAIN_PASS_MS, MANAGED_DRAINING_TIMER, { provider: name, startedAt: ctx.now() })
    return
  }
  if (ownEntry(books, name)) delete books[name]
  // Removing the hook completes the actions it holds with CONTINUE (Auto Scaling's DeleteLifecycleHook).
  if (group && !group.Status && hasHook(ctx, group)) ctx.call('autoscaling', 'DeleteLifecycleHook', { LifecycleHookName: MANAGED_DRAINING_HOOK, AutoScalingGroupName: group.AutoScalingGroupName })
}

/** Every DRAIN_PASS_MS while the provider drains: the group's members in Terminating:Wait are drained, then let go. */
export const managedDrainingPass: TimerHandler = (ctx, payload) => {
  const name = String(payload.provider)
  const { world } = ctx
  const book = world.ecs.managedDraining ? ownEntry(world.ecs.managedDraining, name) : undefined
  if (!book || book.startedAt !== payload.startedAt) return
  const provider = findCapacityProvider(world, name)
  if (provider?.autoScalingGroupProvider.managedDraining !== 'ENABLED') return void delete world.ecs.managedDraining![name]
  ctx.scheduler.schedule(ctx.now() + DRAIN_PASS_MS, MANAGED_DRAINING_TIMER, { provider: name, startedAt: book.startedAt })
  const group = providerGroup(world, provider)
  // Read on the plain objects: most passes find nobody waiting (a group of 120, every 10 s).
  const waiting = group ? unproxied(group).Instances.filter((m) => m.LifecycleState === 'Terminating:Wait').map((m) => m.InstanceId) : []
  const seen = unproxied(book).instances
  for (const id in seen) if (!waiting.includes(id)) delete book.instances[id]
  if (!group) return
  for (const instanceId of waiting) drain(ctx, group, book, instanceId)
}

function drain(ctx: SimContext, group: AutoScalingGroup, book: { instances: Record<string, { heartbeatAt: number; completed?: true }> }, instanceId: string): void {
  const { world } = ctx
  let seen = book.instances[instanceId]
  if (seen?.completed) return
  if (!seen) seen = book.instances[instanceId] = { heartbeatAt: ctx.now() }
  const ci = Object.values(world.ecs.containerInstances).find((c) => c.ec2InstanceId === instanceId && c.status !== 'INACTIVE')
  if (ci?.status === 'ACTIVE') setDraining(ctx, ci)
  const tasks = ci ? liveTasksOn(world, ci.containerInstanceArn) : []
  const daemons = ci ? daemonGroups(world, clusterOfContainerInstance(world, ci)) : new Set<string>()
  const action = { LifecycleHookName: MANAGED_DRAINING_HOOK, AutoScalingGroupName: group.AutoScalingGroupName, InstanceId: instanceId }
  if (tasks.some((t) => !daemons.has(t.group))) {
    if (ctx.now() - seen.heartbeatAt < HEARTBEAT_EVERY_MS) return
    seen.heartbeatAt = ctx.now()
    return void quietly(() => ctx.call('autoscaling', 'RecordLifecycleActionHeartbeat', action))
  }
  // Daemon tasks go last, once the instance runs nothing else (daemon.ts stops them already when the instance drains).
  for (const t of tasks) requestStop(ctx, t, 'ServiceSchedulerInitiated', 'Container instance is draining for termination') // reason wording unverified
  if (tasks.length) return
  seen.completed = true
  quietly(() => ctx.call('autoscaling', 'CompleteLifecycleAction', { ...action, LifecycleActionResult: 'CONTINUE' }))
}

/** The container instance leaves placement; its services replace their tasks elsewhere (container-instance-draining.html). */
function setDraining(ctx: SimContext, ci: ContainerInstance): void {
  ctx.log(ci.containerInstanceArn, { kind: 'resource.status', type: 'AWS::ECS::ContainerInstance', attribute: 'status', from: ci.status, to: 'DRAINING', reason: 'managed draining: its Auto Scaling group is terminating the instance' })
  ci.status = 'DRAINING'
  ci.version++
  wakeServices(ctx, clusterOfContainerInstance(ctx.world, ci))
}

const daemonGroups = (world: Readonly<World>, clusterArn: string) =>
  new Set(Object.values(world.ecs.services).filter((s) => s.clusterArn === clusterArn && s.schedulingStrategy === 'DAEMON').map((s) => `service:${s.serviceName}`))

/** The action may have ended already (a learner's complete-lifecycle-action, its timeout, the hook deleted). */
function quietly(fn: () => unknown): void {
  try {
    fn()
  } catch (e) {
    if (!isAwsError(e)) throw e
  }
}
