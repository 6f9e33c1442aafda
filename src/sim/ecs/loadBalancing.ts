import { isAwsError } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { targetOf } from './endpoints.ts'
import { invalidParameter } from './errors.ts'
import { postTargetEvent } from './events.ts'
import type { LoadBalancer, Service, Task, TaskDefinition } from './state.ts'
import { TIMINGS } from './timings.ts'
import { taskPrivateIp } from '../views/tasks.ts'

/**
 * ECS's side of load balancing. ECS talks to ELBv2 only through its API (`ctx.call('elbv2', …)` with the ELBv2
 * request shapes), as the real service does with its service-linked role: DescribeTargetGroups to validate,
 * RegisterTargets when a task activates, DeregisterTargets + the group's deregistration delay when it stops,
 * DescribeTargetHealth to notice unhealthy targets.
 */

interface TargetGroup {
  TargetGroupArn: string
  TargetType?: string
  LoadBalancerArns?: string[]
}

export interface TargetHealthState {
  State: string
  Reason?: string
  Description?: string
}

/** The private IPv4 address of an awsvpc task's ENI (attachment details, fidelity §2.7). */
export { taskPrivateIp }

/** Validates `--load-balancers` against the task definition and ELBv2 (fidelity §2.6). Throws before any change. */
export function checkLoadBalancers(ctx: SimContext, td: TaskDefinition, loadBalancers: LoadBalancer[] | undefined): LoadBalancer[] {
  const out: LoadBalancer[] = []
  for (const lb of loadBalancers ?? []) {
    if (!lb.targetGroupArn) throw invalidParameter('Classic Load Balancers are not simulated; give a targetGroupArn.')
    const container = td.containerDefinitions.find((c) => c.name === lb.containerName)
    if (!container) throw invalidParameter(`The container ${lb.containerName} does not exist in the task definition.`)
    if (!container.portMappings.some((p) => p.containerPort === lb.containerPort))
      throw invalidParameter(`The container ${lb.containerName} did not have a container port ${lb.containerPort} defined.`)
    let group: TargetGroup | undefined
    try {
      group = ctx.call<{ TargetGroups?: TargetGroup[] }>('elbv2', 'DescribeTargetGroups', { TargetGroupArns: [lb.targetGroupArn] }).TargetGroups?.[0]
    } catch (e) {
      if (!isAwsError(e)) throw e
    }
    // ECS's (famously misleading) answer for a target group it cannot find [seen].
    if (!group)
      throw invalidParameter('Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.')
    const wanted = td.networkMode === 'awsvpc' ? 'ip' : 'instance'
    if ((group.TargetType ?? 'instance') !== wanted)
      throw invalidParameter(
        `The provided target group ${lb.targetGroupArn} has target type ${group.TargetType ?? 'instance'}, which is incompatible with the ${td.networkMode} network mode specified in the task definition.`,
      )
    if (!group.LoadBalancerArns?.length)
      throw invalidParameter(`The target group with targetGroupArn ${lb.targetGroupArn} does not have an associated load balancer.`)
    out.push({ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort })
  }
  return out
}

/** The task's target in a group: its endpoint for the container port (endpoints.ts). */
const target = (ctx: SimContext, task: Task, lb: LoadBalancer) => targetOf(ctx.world, task, lb)

/** Calls ELBv2 from a timer: an error is logged, never thrown (a timer must not break the clock). */
function callQuietly<O>(ctx: SimContext, resource: string, operation: string, input: object): O | undefined {
  try {
    return ctx.call<O>('elbv2', operation, input)
  } catch (e) {
    ctx.log(resource, { kind: 'call.failed', service: 'elbv2', operation, message: e instanceof Error ? e.message : String(e) })
    return undefined
  }
}

/** ACTIVATING: registers the task's IP:containerPort in each of the service's target groups. */
export function registerTask(ctx: SimContext, service: Service, task: Task): void {
  for (const lb of service.loadBalancers) {
    if (!lb.targetGroupArn) continue
    if (callQuietly(ctx, task.taskArn, 'RegisterTargets', { TargetGroupArn: lb.targetGroupArn, Targets: [target(ctx, task, lb)] }) === undefined) continue
    ctx.log(task.taskArn, { kind: 'task.target', action: 'registered', targetGroupArn: lb.targetGroupArn, targetId: target(ctx, task, lb).Id, port: target(ctx, task, lb).Port })
    postTargetEvent(ctx, service, 'registered', lb.targetGroupArn, 1)
  }
}

/** DEACTIVATING: deregisters the task; returns how long ELB drains it (the longest deregistration delay). */
export function deregisterTask(ctx: SimContext, service: Service, task: Task): number {
  let delaySeconds = 0
  for (const lb of service.loadBalancers) {
    if (!lb.targetGroupArn) continue
    if (callQuietly(ctx, task.taskArn, 'DeregisterTargets', { TargetGroupArn: lb.targetGroupArn, Targets: [target(ctx, task, lb)] }) === undefined) continue
    postTargetEvent(ctx, service, 'deregistered', lb.targetGroupArn, 1)
    const attributes = callQuietly<{ Attributes?: { Key?: string; Value?: string }[] }>(ctx, task.taskArn, 'DescribeTargetGroupAttributes', {
      TargetGroupArn: lb.targetGroupArn,
    })
    const value = attributes?.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value
    const seconds = value === undefined ? TIMINGS.defaultDeregistrationDelaySeconds : Number(value)
    ctx.log(task.taskArn, { kind: 'task.target', action: 'deregistered', targetGroupArn: lb.targetGroupArn, targetId: target(ctx, task, lb).Id, port: target(ctx, task, lb).Port, delaySeconds: seconds })
    delaySeconds = Math.max(delaySeconds, seconds)
  }
  return delaySeconds * 1000
}

/** Target health of one group, keyed `ip:port`. Empty when ELBv2 cannot answer. */
export function targetHealth(ctx: SimContext, targetGroupArn: string): Map<string, TargetHealthState> {
  const out = new Map<string, TargetHealthState>()
  const answer = callQuietly<{ TargetHealthDescriptions?: { Target?: { Id?: string; Port?: number }; TargetHealth?: TargetHealthState }[] }>(
    ctx,
    targetGroupArn,
    'DescribeTargetHealth',
    { TargetGroupArn: targetGroupArn },
  )
  for (const d of answer?.TargetHealthDescriptions ?? []) if (d.Target && d.TargetHealth) out.set(`${d.Target.Id}:${d.Target.Port}`, d.TargetHealth)
  return out
}

/** "(reason Health checks failed with these codes: [500])" when ELB names the codes, else "(reason Health checks failed)". */
export function unhealthyReason(health: TargetHealthState): string {
  const codes = /\[(\d+(?:,\s*\d+)*)\]/.exec(health.Description ?? '')
  return codes ? `Health checks failed with these codes: [${codes[1]}]` : 'Health checks failed'
}
