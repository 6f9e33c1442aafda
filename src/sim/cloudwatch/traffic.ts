import type { SimContext } from '../context.ts'
import { minuteOf, serverTimeMs, servingFacts } from './model.ts'
import { ALB_MS } from './usage.ts'
import { writeRequestLog } from './taskLogs.ts'

/** What the network tells the metrics model about one answered request (network/sendRequest.ts calls this). */
export interface AnsweredRequest {
  taskArn: string
  containerName: string
  method: string
  path: string
  status: number
  /** The address the container saw the request come from (a load balancer node, or the learner's machine). */
  sourceIp: string
  /** How many identical requests this one stands for (a load generator's sample: hey); 1 for curl. */
  count: number
  /** Requests the sender keeps in flight (hey's workers). */
  concurrency: number
  /** Whether it came through a load balancer (adds the ALB's own time). */
  viaLoadBalancer: boolean
}

/**
 * Counts the request towards its task's work this minute, writes the app's log line (awslogs), and returns how long
 * it took on the server side (ms), which grows when the task's CPU is saturated (model.ts).
 */
export function requestAnswered(ctx: SimContext, r: AnsweredRequest): number {
  const { world } = ctx
  const task = world.ecs.tasks[r.taskArn]
  // Counted even for a task the world no longer has (the request was answered); its facts are then not needed.
  if (!task) {
    const key = `${r.taskArn}@${minuteOf(ctx.now())}`
    world.cloudwatch.requests[key] = (world.cloudwatch.requests[key] ?? 0) + r.count
    return 0
  }
  const facts = servingFacts(world, task)
  const key = facts.requestKeys(minuteOf(ctx.now())).now
  world.cloudwatch.requests[key] = (world.cloudwatch.requests[key] ?? 0) + r.count
  writeRequestLog(ctx, task, r, facts)
  return serverTimeMs(world, task, r.containerName, ctx.now(), r.concurrency, facts) + (r.viaLoadBalancer ? ALB_MS : 0)
}
