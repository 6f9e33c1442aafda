import type { SimContext } from '../context.ts'
import { targetHealth, taskPrivateIp, unhealthyReason, type TargetHealthState } from './loadBalancing.ts'
import type { Service, Task } from './state.ts'

/**
 * How the service scheduler sees its tasks' health in one pass: one DescribeTargetHealth per target group.
 * A task behind load balancers counts as healthy once every group says `healthy`; when ELBv2 does not answer at all,
 * RUNNING is taken as healthy (so a missing elbv2 never stalls a deployment).
 */
export interface TaskHealthView {
  isHealthy(task: Task): boolean
  /** The first group in which the task's target is `unhealthy`, with ECS's reason words. */
  unhealthyIn(task: Task): { targetGroupArn: string; port: number; reason: string } | undefined
}

export function taskHealth(ctx: SimContext, service: Service): TaskHealthView {
  const groups: { targetGroupArn: string; port: number; states: Map<string, TargetHealthState> }[] = []
  const anyLive = (ctx.world.ecs.serviceTasks[service.serviceArn] ?? []).some((a) => ctx.world.ecs.tasks[a]?.lastStatus === 'RUNNING')
  if (anyLive)
    for (const lb of service.loadBalancers) {
      if (!lb.targetGroupArn) continue
      const states = targetHealth(ctx, lb.targetGroupArn)
      if (states.size) groups.push({ targetGroupArn: lb.targetGroupArn, port: lb.containerPort, states })
    }
  // One pass asks about the same tasks many times: read each task's address once.
  const ips = new Map<Task, string | undefined>()
  const ipOf = (t: Task) => {
    if (!ips.has(t)) ips.set(t, taskPrivateIp(t))
    return ips.get(t)
  }
  const stateIn = (g: (typeof groups)[number], t: Task) => (groups.length ? g.states.get(`${ipOf(t)}:${g.port}`) : undefined)
  return {
    isHealthy: (t) => groups.every((g) => stateIn(g, t)?.State === 'healthy'),
    unhealthyIn(t) {
      for (const g of groups) {
        const s = stateIn(g, t)
        if (s?.State === 'unhealthy') return { targetGroupArn: g.targetGroupArn, port: g.port, reason: unhealthyReason(s) }
      }
      return undefined
    },
  }
}
