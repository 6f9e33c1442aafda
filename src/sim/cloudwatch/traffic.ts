import type { SimContext } from '../context.ts'
import { minuteOf, requestKeys, serverTimeMs } from './model.ts'
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
  const key = requestKeys(r.taskArn, minuteOf(ctx.now())).now
  world.cloudwatch.requests[key] = (world.cloudwatch.requests[key] ?? 0) + r.count
  const task = world.ecs.tasks[r.taskArn]
  if (!task) return 0
  writeRequestLog(ctx, task, r)
  return serverTimeMs(world, task, r.containerName, ctx.now(), r.concurrency) + (r.viaLoadBalancer ? ALB_MS : 0)
}
