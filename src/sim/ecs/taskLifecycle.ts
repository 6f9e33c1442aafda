import { step } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { deleteNetworkInterface } from '../ec2/index.ts'
import { resolveImage } from '../runtime/index.ts'
import { countTaskTransition } from './clusters.ts'
import { effectiveCommand, processPlan, stopPlan } from './containers.ts'
import { deregisterTask, registerTask } from './loadBalancing.ts'
import { pullFailure } from './pullFailures.ts'
import type { Task } from './state.ts'
import { taskMachine, type TaskEvent } from './task.machine.ts'
import { requestStop } from './tasks.ts'
import { TIMINGS } from './timings.ts'
import { requestReconcile, serviceArnOfTask } from './wakeups.ts'
import { eniDetail } from '../views/tasks.ts'

/**
 * What happens as a task moves through its lifecycle (task.machine.ts): the scheduler sends the machine plain events
 * (`ecs.task.step` timers with `{ taskArn, event }`), and entering each state does ECS's work for it — attach the
 * ENI, pull, start containers, register targets, drain, stop, release the ENI.
 */
export const STEP_TIMER = 'ecs.task.step'
export const EXIT_TIMER = 'ecs.container.exit'
export const EXPIRE_TIMER = 'ecs.task.expire'

export function scheduleStep(ctx: SimContext, task: Task, delayMs: number, event: TaskEvent['type']): void {
  ctx.scheduler.schedule(ctx.now() + delayMs, STEP_TIMER, { taskArn: task.taskArn, event })
}

const serviceOf = (ctx: SimContext, task: Task) => {
  const arn = serviceArnOfTask(ctx.world, task)
  return arn ? ctx.world.ecs.services[arn] : undefined
}

const detail = eniDetail

const imageOf = (ctx: SimContext, image: string) => resolveImage(ctx.world, image)

/**
 * The machine has no context and no guards, so its transition function is pure: memoizing it is exact, and keeps
 * xstate's per-call resolution off the hot path (an hour of 1,000 tasks is ~16,000 steps).
 */
const transitions = new Map<string, string | undefined>()
function nextStatus(state: string, event: TaskEvent['type']): string | undefined {
  const key = `${state} ${event}`
  if (!transitions.has(key)) transitions.set(key, step(taskMachine, state, { type: event }))
  return transitions.get(key)
}

/** Runs the machine: the next state for `event`, or nothing when the machine does not take it now (a stale timer). */
export const taskStep: TimerHandler = (ctx, payload) => {
  const task = ctx.world.ecs.tasks[String(payload.taskArn)]
  if (!task) return
  const event = String(payload.event) as TaskEvent['type']
  if (event === 'PULLED' && task.lastStatus === 'PENDING') {
    const failure = pullFailure(ctx, task)
    if (failure) {
      for (const c of task.containers) if (c.image === failure.image) c.reason = failure.reason
      requestStop(ctx, task, 'TaskFailedToStart', failure.reason)
      return
    }
  }
  const next = nextStatus(task.lastStatus, event)
  if (next === undefined || next === task.lastStatus) return
  moveTo(ctx, task, next)
}

function moveTo(ctx: SimContext, task: Task, next: string): void {
  ctx.log(task.taskArn, `lastStatus ${task.lastStatus} → ${next}`)
  countTaskTransition(ctx.world.ecs.clusters[task.clusterArn], task.lastStatus, next)
  task.lastStatus = next
  task.version++
  ENTER[next]?.(ctx, task)
}

const ENTER: Record<string, (ctx: SimContext, task: Task) => void> = {
  PENDING(ctx, task) {
    for (const a of task.attachments) a.status = 'ATTACHED'
    task.connectivity = 'CONNECTED'
    task.connectivityAt = ctx.now()
    task.pullStartedAt = ctx.now()
    // Pull time grows with the image; an image that cannot be pulled fails after the agent's retries.
    let ms = 0
    for (const c of task.containers) {
      const image = imageOf(ctx, c.image)
      const bytes = image ? image.layers.reduce((sum, l) => sum + l.size, 0) : 0
      ms = Math.max(ms, image ? TIMINGS.pullBaseMs + Math.round(bytes / TIMINGS.pullBytesPerMs / 1000) * 1000 : TIMINGS.pullFailureMs)
    }
    scheduleStep(ctx, task, ms, 'PULLED')
  },
  ACTIVATING(ctx, task) {
    task.pullStoppedAt = ctx.now()
    const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
    const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1)
    for (const c of task.containers) {
      const image = imageOf(ctx, c.image)
      const def = td?.containerDefinitions.find((d) => d.name === c.name)
      c.imageDigest = image?.digest
      c.runtimeId = `${taskId}-${ctx.rng.digits(10)}`
      c.lastStatus = 'RUNNING'
      if (!image || !def) continue
      const plan = processPlan(image, effectiveCommand(task, def))
      if (plan.exitsAfterMs !== undefined)
        ctx.scheduler.schedule(ctx.now() + plan.exitsAfterMs, EXIT_TIMER, { taskArn: task.taskArn, containerName: c.name, exitCode: plan.exitCode })
    }
    const service = serviceOf(ctx, task)
    const withTargets = !!service && service.loadBalancers.length > 0
    if (service && withTargets) registerTask(ctx, service, task)
    scheduleStep(ctx, task, withTargets ? TIMINGS.activatingWithTargetsMs : TIMINGS.activatingMs, 'ACTIVATED')
  },
  RUNNING(ctx, task) {
    task.startedAt = ctx.now()
    const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
    // Container health checks are modelled as passing once the container runs (the images here all answer).
    for (const c of task.containers) if (td?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck && c.lastStatus === 'RUNNING') c.healthStatus = 'HEALTHY'
    if (task.containers.some((c) => c.healthStatus === 'HEALTHY')) task.healthStatus = 'HEALTHY'
    const serviceArn = serviceArnOfTask(ctx.world, task)
    if (serviceArn) requestReconcile(ctx, serviceArn, TIMINGS.schedulerReactionMs)
  },
  DEACTIVATING(ctx, task) {
    const service = serviceOf(ctx, task)
    const drainMs = service && service.loadBalancers.length ? deregisterTask(ctx, service, task) : 0
    scheduleStep(ctx, task, drainMs || TIMINGS.deactivatingMs, 'DEREGISTERED')
  },
  STOPPING(ctx, task) {
    const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
    let ms = 0
    for (const c of task.containers) {
      const def = td?.containerDefinitions.find((d) => d.name === c.name)
      if (c.lastStatus === 'RUNNING' && def) ms = Math.max(ms, stopPlan(imageOf(ctx, c.image), def).afterMs)
    }
    scheduleStep(ctx, task, ms || TIMINGS.stoppingMs, 'CONTAINERS_STOPPED')
  },
  DEPROVISIONING(ctx, task) {
    const td = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]
    for (const c of task.containers) {
      const def = td?.containerDefinitions.find((d) => d.name === c.name)
      // Containers that never started keep no exitCode (fidelity §2.3).
      if (c.lastStatus === 'RUNNING' && def) c.exitCode = stopPlan(imageOf(ctx, c.image), def).exitCode
      c.lastStatus = 'STOPPED'
    }
    task.executionStoppedAt = ctx.now()
    for (const a of task.attachments) a.status = 'DETACHING'
    scheduleStep(ctx, task, task.attachments.length ? TIMINGS.deprovisioningMs : 0, 'DEPROVISIONED')
  },
  STOPPED(ctx, task) {
    task.stoppedAt = ctx.now()
    task.connectivity = 'DISCONNECTED'
    for (const a of task.attachments) a.status = 'DELETED'
    const eniId = detail(task, 'networkInterfaceId')
    if (eniId) deleteNetworkInterface(ctx, eniId)
    const ip = detail(task, 'privateIPv4Address')
    if (ip && ctx.world.ecs.taskByIp?.[ip] === task.taskArn) delete ctx.world.ecs.taskByIp[ip]
    ctx.scheduler.schedule(ctx.now() + TIMINGS.stoppedRetentionMs, EXPIRE_TIMER, { taskArn: task.taskArn })
    const serviceArn = serviceArnOfTask(ctx.world, task)
    if (serviceArn) requestReconcile(ctx, serviceArn, TIMINGS.schedulerReactionMs)
  },
}

/** A container's process ended by itself; an essential one takes the task down (fidelity §2.3). */
export const containerExit: TimerHandler = (ctx, payload) => {
  const task = ctx.world.ecs.tasks[String(payload.taskArn)]
  const container = task?.containers.find((c) => c.name === payload.containerName)
  if (!task || !container || container.lastStatus !== 'RUNNING') return
  container.lastStatus = 'STOPPED'
  container.exitCode = Number(payload.exitCode)
  task.version++
  ctx.log(task.taskArn, `container ${container.name} exited with code ${container.exitCode}`)
  const def = ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]?.containerDefinitions.find((d) => d.name === container.name)
  if (def?.essential !== false) requestStop(ctx, task, 'EssentialContainerExited', 'Essential container in task exited')
}

/** Stopped tasks are forgotten an hour later (fidelity §2.2), keeping long runs bounded. */
export const taskExpire: TimerHandler = (ctx, payload) => {
  const taskArn = String(payload.taskArn)
  const task = ctx.world.ecs.tasks[taskArn]
  if (!task || task.lastStatus !== 'STOPPED') return
  delete ctx.world.ecs.tasks[taskArn]
  const serviceArn = serviceArnOfTask(ctx.world, task)
  const list = serviceArn ? ctx.world.ecs.serviceTasks[serviceArn] : undefined
  if (list) {
    const i = list.indexOf(taskArn)
    if (i >= 0) list.splice(i, 1)
  }
}

