import type { SimContext } from '../context.ts'
import type { Task } from './state.ts'
import type { TaskEventType } from './task.machine.ts'

/**
 * The task lifecycle's timers (plain payloads in the sandbox's scheduler): the machine's next event at a virtual
 * time, a container's process ending by itself, a stopped task forgotten.
 */
export const STEP_TIMER = 'ecs.task.step'
export const EXIT_TIMER = 'ecs.container.exit'
export const EXPIRE_TIMER = 'ecs.task.expire'

export function scheduleStep(ctx: SimContext, task: Task, delayMs: number, event: TaskEventType): void {
  ctx.scheduler.schedule(ctx.now() + delayMs, STEP_TIMER, { taskArn: task.taskArn, event })
}
