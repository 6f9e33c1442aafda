import { releaseManagedVolumes } from './managedEbs.ts'
import { setup } from 'xstate'
import { startMetrics } from '../cloudwatch/publish.ts'
import type { SimContext } from '../context.ts'
import { deleteNetworkInterface } from '../ec2/index.ts'
import { resolveImage } from '../runtime/index.ts'
import { eniDetail } from './attachments.ts'
import { sendContainer } from './container.machine.ts'
import { effectiveCommand, processPlan, stopPlan } from './containers.ts'
import { unindexEndpoints } from './endpoints.ts'
import { releaseFromHost } from './hostTasks.ts'
import { deregisterTask, registerTask } from './loadBalancing.ts'
import type { Task } from './state.ts'
import { EXIT_TIMER, EXPIRE_TIMER, scheduleStep } from './taskTimers.ts'
import { TIMINGS } from './timings.ts'
import { requestReconcile, serviceArnOfTask } from './wakeups.ts'

/**
 * A task's `lastStatus`, declared once (DESIGN example 5), with what entering each state does. Follows
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-lifecycle.html (fidelity §2.2):
 * PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.
 * A task asked to stop before its containers started (a failed pull, stop-task while PENDING) has nothing to
 * deregister or stop, so it goes straight to DEPROVISIONING. The scheduler sends these events at virtual times
 * (`ecs.task.step` timers, taskLifecycle.ts); each state's `entry` effects do ECS's work for it — attach the ENI,
 * pull, start containers, register targets, drain, stop, release the ENI — and schedule the next event.
 */
export const TASK_STATUSES = ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export type TaskEventType =
  | 'PROVISIONED' // the ENI is attached
  | 'PULLED' // images pulled, containers started
  | 'ACTIVATED' // registered in its target groups
  | 'STOP' // desiredStatus became STOPPED
  | 'DEREGISTERED' // deregistration delay over
  | 'CONTAINERS_STOPPED' // SIGTERM answered (or SIGKILL after stopTimeout)
  | 'DEPROVISIONED' // the ENI is detached and deleted

/** An event as the machine receives it: the effects act on `task` through `ctx` (neither is ever stored). */
export interface TaskEvent {
  type: TaskEventType
  ctx: SimContext
  task: Task
}

/** Counted as `pendingCount` / `pendingTasksCount` (the task has not started yet). */
export const PENDING_STATUSES: ReadonlySet<string> = new Set<TaskStatus>(['PROVISIONING', 'PENDING', 'ACTIVATING'])

const imageOf = (ctx: SimContext, image: string) => resolveImage(ctx.world, image)
const definitionOf = (ctx: SimContext, task: Task, name: string) =>
  ctx.world.ecs.taskDefinitions[task.taskDefinitionArn]?.containerDefinitions.find((d) => d.name === name)
const serviceOf = (ctx: SimContext, task: Task) => {
  const arn = serviceArnOfTask(ctx.world, task)
  return arn ? ctx.world.ecs.services[arn] : undefined
}

export const taskMachine = setup({
  types: { events: {} as TaskEvent },
  actions: {
    attachEni: ({ event: { ctx, task } }) => {
      for (const a of task.attachments) a.status = 'ATTACHED'
      task.connectivity = 'CONNECTED'
      task.connectivityAt = ctx.now()
    },
    /** Pull time grows with the image; an image that cannot be pulled fails after the agent's retries. */
    pullImages: ({ event: { ctx, task } }) => {
      task.pullStartedAt = ctx.now()
      let ms = 0
      for (const c of task.containers) {
        const image = imageOf(ctx, c.image)
        const bytes = image ? image.layers.reduce((sum, l) => sum + l.size, 0) : 0
        ms = Math.max(ms, image ? TIMINGS.pullBaseMs + Math.round(bytes / TIMINGS.pullBytesPerMs / 1000) * 1000 : TIMINGS.pullFailureMs)
      }
      scheduleStep(ctx, task, ms, 'PULLED')
    },
    startContainers: ({ event: { ctx, task } }) => {
      task.pullStoppedAt = ctx.now()
      const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1)
      for (const c of task.containers) {
        const image = imageOf(ctx, c.image)
        const def = definitionOf(ctx, task, c.name)
        c.imageDigest = image?.digest
        // Fargate names a container's runtime after its task; on EC2 it is Docker's 64-hex container ID (fidelity §2.7).
        c.runtimeId = task.containerInstanceArn ? ctx.rng.hex(64) : `${taskId}-${ctx.rng.digits(10)}`
        sendContainer({ type: 'STARTED', container: c })
        if (!image || !def) continue
        const plan = processPlan(image, effectiveCommand(task, def))
        if (plan.exitsAfterMs !== undefined)
          ctx.scheduler.schedule(ctx.now() + plan.exitsAfterMs, EXIT_TIMER, { taskArn: task.taskArn, containerName: c.name, exitCode: plan.exitCode })
      }
    },
    registerTargets: ({ event: { ctx, task } }) => {
      const service = serviceOf(ctx, task)
      const withTargets = !!service && service.loadBalancers.length > 0
      if (service && withTargets) registerTask(ctx, service, task)
      scheduleStep(ctx, task, withTargets ? TIMINGS.activatingWithTargetsMs : TIMINGS.activatingMs, 'ACTIVATED')
    },
    /** Container health checks are modelled as passing once the container runs (the images here all answer). */
    markStarted: ({ event: { ctx, task } }) => {
      task.startedAt = ctx.now()
      startMetrics(ctx)
      for (const c of task.containers) if (definitionOf(ctx, task, c.name)?.healthCheck && c.lastStatus === 'RUNNING') c.healthStatus = 'HEALTHY'
      if (task.containers.some((c) => c.healthStatus === 'HEALTHY')) task.healthStatus = 'HEALTHY'
    },
    /** The service scheduler looks again when one of its tasks starts or is gone. */
    wakeService: ({ event: { ctx, task } }) => {
      const serviceArn = serviceArnOfTask(ctx.world, task)
      if (serviceArn) requestReconcile(ctx, serviceArn, TIMINGS.schedulerReactionMs)
    },
    deregisterTargets: ({ event: { ctx, task } }) => {
      const service = serviceOf(ctx, task)
      const drainMs = service && service.loadBalancers.length ? deregisterTask(ctx, service, task) : 0
      scheduleStep(ctx, task, drainMs || TIMINGS.deactivatingMs, 'DEREGISTERED')
    },
    stopContainers: ({ event: { ctx, task } }) => {
      let ms = 0
      for (const c of task.containers) {
        const def = definitionOf(ctx, task, c.name)
        if (c.lastStatus === 'RUNNING' && def) ms = Math.max(ms, stopPlan(imageOf(ctx, c.image), def).afterMs)
      }
      scheduleStep(ctx, task, ms || TIMINGS.stoppingMs, 'CONTAINERS_STOPPED')
    },
    /** Containers that never started keep no exitCode (fidelity §2.3). */
    recordExits: ({ event: { ctx, task } }) => {
      for (const c of task.containers) {
        const def = definitionOf(ctx, task, c.name)
        sendContainer({ type: 'STOP', container: c, exitCode: c.lastStatus === 'RUNNING' && def ? stopPlan(imageOf(ctx, c.image), def).exitCode : undefined })
      }
      task.executionStoppedAt = ctx.now()
    },
    detachEni: ({ event: { ctx, task } }) => {
      for (const a of task.attachments) a.status = 'DETACHING'
      scheduleStep(ctx, task, task.attachments.length ? TIMINGS.deprovisioningMs : 0, 'DEPROVISIONED')
    },
    releaseEni: ({ event: { ctx, task } }) => {
      task.stoppedAt = ctx.now()
      task.connectivity = 'DISCONNECTED'
      for (const a of task.attachments) a.status = 'DELETED'
      const eniId = eniDetail(task, 'networkInterfaceId')
      if (eniId) deleteNetworkInterface(ctx, eniId)
      releaseManagedVolumes(ctx, task) // ECS-managed EBS volumes go with the task (managedEbs.ts)
      unindexEndpoints(ctx.world, task)
      releaseFromHost(ctx.world, task)
    },
    /** Stopped tasks are forgotten an hour later (fidelity §2.2). */
    scheduleExpiry: ({ event: { ctx, task } }) => {
      ctx.scheduler.schedule(ctx.now() + TIMINGS.stoppedRetentionMs, EXPIRE_TIMER, { taskArn: task.taskArn })
    },
  },
}).createMachine({
  id: 'ecsTask',
  initial: 'PROVISIONING',
  states: {
    PROVISIONING: { on: { PROVISIONED: 'PENDING', STOP: 'DEPROVISIONING' } },
    PENDING: { entry: ['attachEni', 'pullImages'], on: { PULLED: 'ACTIVATING', STOP: 'DEPROVISIONING' } },
    ACTIVATING: { entry: ['startContainers', 'registerTargets'], on: { ACTIVATED: 'RUNNING', STOP: 'DEACTIVATING' } },
    RUNNING: { entry: ['markStarted', 'wakeService'], on: { STOP: 'DEACTIVATING' } },
    DEACTIVATING: { entry: ['deregisterTargets'], on: { DEREGISTERED: 'STOPPING' } },
    STOPPING: { entry: ['stopContainers'], on: { CONTAINERS_STOPPED: 'DEPROVISIONING' } },
    DEPROVISIONING: { entry: ['recordExits', 'detachEni'], on: { DEPROVISIONED: 'STOPPED' } },
    STOPPED: { type: 'final', entry: ['releaseEni', 'scheduleExpiry', 'wakeService'] },
  },
})
