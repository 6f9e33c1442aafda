import type { SimContext } from '../context.ts'
import { targetOf } from './endpoints.ts'
import { targetHealth, unhealthyReason, type TargetHealthState } from './loadBalancing.ts'
import type { LoadBalancer, Service, Task } from './state.ts'

/**
 * How the service scheduler sees its tasks' health in one pass: one DescribeTargetHealth per target group, each
 * task found there by the target ECS registered for it (its endpoint: `targetOf`, endpoints.ts).
 * A task behind load balancers counts as healthy once every group says `healthy`; when ELBv2 does not answer at all,
 * RUNNING is taken as healthy (so a missing elbv2 never stalls a deployment).
 */
export interface TaskHealthView {
  isHealthy(task: Task): boolean
  /** The first group in which the task's target is `unhealthy`, with ECS's reason words. */
  unhealthyIn(task: Task): { targetGroupArn: string; targetId: string; port: number; reason: string } | undefined
}

/** The view when no target group answers: every task healthy, none unhealthy. */
export const NO_TARGETS: TaskHealthView = { isHealthy: () => true, unhealthyIn: () => undefined }

export function taskHealth(ctx: SimContext, service: Service): TaskHealthView {
  const groups: { targetGroupArn: string; lb: LoadBalancer; states: Map<string, TargetHealthState> }[] = []
  const anyLive = service.loadBalancers.length > 0 && (ctx.world.ecs.serviceTasks[service.serviceArn] ?? []).some((a) => ctx.world.ecs.tasks[a]?.lastStatus === 'RUNNING')
  if (anyLive)
    for (const lb of service.loadBalancers) {
      if (!lb.targetGroupArn) continue
      const states = targetHealth(ctx, lb.targetGroupArn)
      if (states.size) groups.push({ targetGroupArn: lb.targetGroupArn, lb, states })
    }
  // With no group to ask (no load balancer, or none answering), every task reads as healthy and none as unhealthy:
  // the view below would say so for each task, after building its own lists (a pass looks at every task of the service).
  if (!groups.length) return NO_TARGETS
  // One pass asks about the same tasks many times: work out each task's view once.
  const views = new Map<Task, { healthy: boolean; unhealthy?: { targetGroupArn: string; targetId: string; port: number; reason: string } }>()
  const view = (t: Task) => {
    let v = views.get(t)
    if (!v) {
      const targets = groups.map((g) => targetOf(ctx.world, t, g.lb))
      const states = targets.map((target, i) => groups[i].states.get(`${target.Id}:${target.Port}`))
      const failing = groups.findIndex((_, i) => states[i]?.State === 'unhealthy')
      v = {
        healthy: states.every((s) => s?.State === 'healthy'),
        unhealthy: failing < 0 ? undefined : { targetGroupArn: groups[failing].targetGroupArn, targetId: targets[failing].Id, port: targets[failing].Port, reason: unhealthyReason(states[failing] as TargetHealthState) },
      }
      views.set(t, v)
    }
    return v
  }
  return { isHealthy: (t) => view(t).healthy, unhealthyIn: (t) => view(t).unhealthy }
}
