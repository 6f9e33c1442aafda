import { runEffects, transitionOf } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { countTaskTransition } from './clusters.ts'
import { countHostTransition } from './containerInstances.ts'
import { sendContainer } from './container.machine.ts'
import { provisionDockerVolumes, removeTaskVolumes } from './dockerVolumes.ts'
import { pullFailure } from './pullFailures.ts'
import { startLogDrivers } from '../cloudwatch/taskLogs.ts'
import type { Task } from './state.ts'
import { taskMachine, type TaskEventType, type TaskStatus } from './task.machine.ts'
import { requestStop } from './tasks.ts'
import { serviceArnOfTask } from './wakeups.ts'

export { EXIT_TIMER, EXPIRE_TIMER, scheduleStep, STEP_TIMER } from './taskTimers.ts'

/**
 * The task lifecycle's timers: the scheduler sends the machine (task.machine.ts) plain events (`ecs.task.step`
 * timers with `{ taskArn, event }`); the machine's entry effects do the work of each state.
 */

/** Runs the machine: the next state for `event`, or nothing when the machine does not take it now (a stale timer). */
export const taskStep: TimerHandler = (ctx, payload) => {
  const task = ctx.world.ecs.tasks[String(payload.taskArn)]
  if (!task) return
  const event = String(payload.event) as TaskEventType
  if (event === 'PULLED' && task.lastStatus === 'PENDING') {
    const failure = pullFailure(ctx, task)
    if (failure) {
      for (const c of task.containers) if (c.image === failure.image) c.reason = failure.reason
      requestStop(ctx, task, 'TaskFailedToStart', failure.reason)
      return
    }
    const logFailure = startLogDrivers(ctx, task)
    if (logFailure) return void requestStop(ctx, task, 'TaskFailedToStart', logFailure)
    const volumeFailure = provisionDockerVolumes(ctx, task)
    if (volumeFailure) return void requestStop(ctx, task, 'TaskFailedToStart', volumeFailure)
  }
  const t = transitionOf(taskMachine, task.lastStatus, event)
  if (t === undefined || t.value === task.lastStatus) return
  moveTo(ctx, task, t.value as TaskStatus)
  runEffects(taskMachine, t, { type: event, ctx, task })
}

function moveTo(ctx: SimContext, task: Task, next: TaskStatus): void {
  ctx.log(task.taskArn, { kind: 'task.status', attribute: 'lastStatus', from: task.lastStatus, to: next })
  countTaskTransition(ctx.world.ecs.clusters[task.clusterArn], task.lastStatus, next)
  countHostTransition(ctx.world, task, task.lastStatus, next)
  task.lastStatus = next
  task.version++
  if (next === 'STOPPED') removeTaskVolumes(ctx, task)
}

/** A container's process ended by itself; an essential one takes the task down (fidelity §2.3). */
export const containerExit: TimerHandler = (ctx, payload) => {
  const task = ctx.world.ecs.tasks[String(payload.taskArn)]
  const container = task?.containers.find((c) => c.name === payload.containerName)
  if (!task || !container || container.lastStatus !== 'RUNNING') return
  sendContainer({ type: 'EXITED', container, exitCode: Number(payload.exitCode) })
  task.version++
  ctx.log(task.taskArn, { kind: 'container.exited', container: container.name, exitCode: container.exitCode })
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
