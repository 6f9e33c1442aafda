import type { SimContext } from '../context.ts'
import { containerExit } from '../ecs/taskLifecycle.ts'
import type { Task } from '../ecs/state.ts'
import { DrillError } from './state.ts'

/** A task by ARN or its ID (the last part of the ARN), in any cluster, as long as it is not stopped. */
export function liveTask(ctx: SimContext, ref: string): Task {
  const task = Object.values(ctx.world.ecs.tasks).find((t) => t.taskArn === ref || t.taskArn.endsWith(`/${ref}`))
  if (!task) throw new DrillError(`no task ${ref}`)
  if (task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED') throw new DrillError(`task ${ref} is already stopping`)
  return task
}

/**
 * Stop a task: its essential container's process dies (exit code 137, killed), the path a crash takes in ECS
 * (../ecs/taskLifecycle.ts): stopCode EssentialContainerExited, "Essential container in task exited"
 * (../shared/reference/aws-fidelity.md §2.3), and a service starts a replacement on its scheduler's clock.
 */
export function stopTaskDrill(ctx: SimContext, ref: string): string {
  const task = liveTask(ctx, ref)
  const container = task.containers.find((c) => c.lastStatus === 'RUNNING')
  if (!container) throw new DrillError(`task ${ref} has no running container yet (lastStatus ${task.lastStatus})`)
  containerExit(ctx, { taskArn: task.taskArn, containerName: container.name, exitCode: 137 })
  return `the container ${container.name} of ${task.taskArn} was killed (exit code 137)`
}
