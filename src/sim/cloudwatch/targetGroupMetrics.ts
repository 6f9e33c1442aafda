import type { SimContext } from '../context.ts'
import { unproxied } from '../core/index.ts'
import { loadBalancerArnsOf } from '../elbv2/lookup.ts'
import { putSample } from './series.ts'

/**
 * `AWS/ApplicationELB` `RequestCountPerTarget` for the minute that ended (CloudWatch User Guide, "CloudWatch metrics
 * for your Application Load Balancer"): the requests the target group's targets received divided by their number,
 * "the only valid statistic is Sum" (the Sum already is the average per target), unit None, dimensions `TargetGroup`
 * and `TargetGroup, LoadBalancer` (`targetgroup/<name>/<id>`, `app/<name>/<id>`). ELB "reports metrics only when
 * requests are flowing": a minute without requests has no datapoint. Targets are the running tasks of the ECS
 * services registered in the group (what Application Auto Scaling's ALBRequestCountPerTarget tracks); their counts
 * are those the metrics model keeps per task-minute.
 */
export function publishTargetGroups(ctx: SimContext, at: number, requests: ReadonlyMap<string, number>): void {
  const world = unproxied(ctx.world)
  const groups = new Map<string, { requests: number; targets: number }>()
  for (const serviceArn in world.ecs.services) {
    const service = world.ecs.services[serviceArn]
    // Most services are behind no target group: their running tasks are not looked for (1,000 of them, every minute).
    if (service.status !== 'ACTIVE' || !service.loadBalancers.some((lb) => lb.targetGroupArn !== undefined)) continue
    const tasks = (world.ecs.serviceTasks[serviceArn] ?? []).filter((arn) => world.ecs.tasks[arn]?.lastStatus === 'RUNNING')
    if (tasks.length === 0) continue
    for (const lb of service.loadBalancers) {
      if (lb.targetGroupArn === undefined) continue
      const g = groups.get(lb.targetGroupArn) ?? { requests: 0, targets: 0 }
      for (const arn of tasks) g.requests += requests.get(arn) ?? 0
      g.targets += tasks.length
      groups.set(lb.targetGroupArn, g)
    }
  }
  for (const [targetGroupArn, g] of groups) {
    if (g.requests === 0) continue
    const targetGroup = targetGroupArn.slice(targetGroupArn.indexOf(':targetgroup/') + 1)
    const perTarget = g.requests / g.targets
    putSample(ctx.world.cloudwatch, 'AWS/ApplicationELB', 'RequestCountPerTarget', [{ Name: 'TargetGroup', Value: targetGroup }], 'None', at, perTarget)
    for (const lbArn of loadBalancerArnsOf(world.elbv2, targetGroupArn)) {
      const loadBalancer = lbArn.slice(lbArn.indexOf(':loadbalancer/') + ':loadbalancer/'.length)
      putSample(ctx.world.cloudwatch, 'AWS/ApplicationELB', 'RequestCountPerTarget', [{ Name: 'TargetGroup', Value: targetGroup }, { Name: 'LoadBalancer', Value: loadBalancer }], 'None', at, perTarget)
    }
  }
}
