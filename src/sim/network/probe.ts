import type { SimContext } from '../context.ts'
import { statusOf } from '../runtime/index.ts'
import { connectPrivate } from './connect.ts'

export type ProbeResult = { kind: 'timeout' } | { kind: 'refused' } | { kind: 'response'; status: number }

/**
 * A load balancer's health check: from a node (`fromIp`, in `fromGroups`) to `ip:port`, GET `path`. TCP checks
 * only need the connection. No event is logged here: the target group logs health changes, not every check.
 */
export function probe(ctx: SimContext, fromIp: string, fromGroups: readonly string[], ip: string, port: number, path: string, protocol = 'HTTP'): ProbeResult {
  const connection = connectPrivate(ctx, fromIp, fromGroups, ip, port)
  if (connection.kind !== 'open') return { kind: connection.kind }
  if (protocol === 'TCP') return { kind: 'response', status: 200 }
  // A target failed by a live drill (../drills) answers every request with HTTP 500.
  if (ctx.world.drills?.failingTargets[ip] === 'http-500') return { kind: 'response', status: 500 }
  // The checker reads only the status line (`GET path`, User-Agent ELB-HealthChecker/2.0), so no page is built.
  const status = statusOf(connection.image, 'GET', path)
  return status === undefined ? { kind: 'refused' } : { kind: 'response', status }
}
