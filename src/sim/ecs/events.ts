import type { SimContext } from '../context.ts'
import type { Service } from './state.ts'

/**
 * Service event texts in ECS's exact wording (fidelity §2.4: `(service ⟨name⟩) …`, tasks by their 32-hex id,
 * target groups by full ARN; "registered/deregistered" lines have no final period). Newest first, at most 100.
 */
export const EVENT_LIMIT = 100

const taskId = (taskArn: string) => taskArn.slice(taskArn.lastIndexOf('/') + 1)
const taskList = (taskArns: string[]) => taskArns.map((t) => `(task ${taskId(t)})`).join(' ')

export const EVENT_TEXT = {
  started: (svc: string, taskArns: string[]) => `(service ${svc}) has started ${taskArns.length} tasks: ${taskList(taskArns)}.`,
  stopped: (svc: string, taskArns: string[]) => `(service ${svc}) has stopped ${taskArns.length} running tasks: ${taskList(taskArns)}.`,
  steadyState: (svc: string) => `(service ${svc}) has reached a steady state.`,
  deploymentCompleted: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment completed.`,
  /** Circuit breaker (wording unverified, fidelity §2.4). */
  deploymentFailed: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  registered: (svc: string, n: number, tg: string) => `(service ${svc}) registered ${n} targets in (target-group ${tg})`,
  deregistered: (svc: string, n: number, tg: string) => `(service ${svc}) deregistered ${n} targets in (target-group ${tg})`,
  unhealthy: (svc: string, taskArn: string, port: number, tg: string, reason: string) =>
    `(service ${svc}) (task ${taskId(taskArn)}) (port ${port}) is unhealthy in (target-group ${tg}) due to (reason ${reason}).`,
  noContainerInstances: (svc: string) =>
    `(service ${svc}) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  /** No instance fits: the one that came closest and what it lacks (fidelity §2.4, `(container-instance <id>)` form). */
  closestMatch: (svc: string, containerInstanceId: string, lacks: string) =>
    `(service ${svc}) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${containerInstanceId}) ${lacks}. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
  unableToPlace: (svc: string, reason: string) => `(service ${svc}) was unable to place a task. Reason: ${reason}.`,
  notConsistent: (svc: string) => `(service ${svc}) is unable to consistently start tasks successfully.`,
  deploymentConfiguration: (svc: string) =>
    `(service ${svc}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  failedToLaunch: (svc: string, error: string) => `(service ${svc}) failed to launch a task with (error ${error}).`,
}

/** Posts an event, newest first. A message equal to the newest one is not repeated (ECS suppresses duplicates). */
export function postEvent(ctx: SimContext, service: Service, message: string): void {
  if (service.events[0]?.message === message) return
  service.events.unshift({ id: ctx.rng.uuid(), createdAt: ctx.now(), message })
  if (service.events.length > EVENT_LIMIT) service.events.length = EVENT_LIMIT
  ctx.log(service.serviceArn, { kind: 'service.event', message })
}

/**
 * "registered/deregistered ⟨n⟩ targets in (target-group …)": tasks that register in the same virtual millisecond are
 * one ECS call, so they make one event with the sum (ECS batches registrations the same way).
 */
export function postTargetEvent(ctx: SimContext, service: Service, kind: 'registered' | 'deregistered', targetGroupArn: string, n: number): void {
  const newest = service.events[0]
  const prefix = `(service ${service.serviceName}) ${kind} `
  const suffix = ` targets in (target-group ${targetGroupArn})`
  if (newest && newest.createdAt === ctx.now() && newest.message.startsWith(prefix) && newest.message.endsWith(suffix)) {
    const before = Number(newest.message.slice(prefix.length, newest.message.length - suffix.length))
    newest.message = EVENT_TEXT[kind](service.serviceName, before + n, targetGroupArn)
    return
  }
  postEvent(ctx, service, EVENT_TEXT[kind](service.serviceName, n, targetGroupArn))
}
