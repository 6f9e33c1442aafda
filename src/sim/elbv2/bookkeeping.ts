import type { SimContext } from '../context.ts'
import type { TargetBookkeeping, TargetGroupBookkeeping } from './state.ts'

/**
 * What the health checks keep per target group and per target, apart from the API-shaped records
 * (`TargetGroup`, the registered targets as DescribeTargetHealth shows them). A target's counters are found by its
 * `Id`, then its `Port` (how a target is identified in its group): a health-check round looks up every target, and
 * the strings it already holds are cheaper keys than an `Id:Port` built each time (`npm run bench`).
 */
export const groupBookkeeping = (ctx: SimContext, targetGroupArn: string): TargetGroupBookkeeping =>
  (ctx.world.elbv2.bookkeeping[targetGroupArn] ??= { targets: {} })

export const countsOf = (book: TargetGroupBookkeeping, target: { Id: string; Port: number }): TargetBookkeeping | undefined =>
  book.targets[target.Id]?.[target.Port]

export function setCounts(book: TargetGroupBookkeeping, target: { Id: string; Port: number }, counts: TargetBookkeeping): TargetBookkeeping {
  ;(book.targets[target.Id] ??= {})[target.Port] = counts
  return counts
}

export function forgetCounts(book: TargetGroupBookkeeping | undefined, target: { Id: string; Port: number }): void {
  const ports = book?.targets[target.Id]
  if (!ports) return
  delete ports[target.Port]
  if (Object.keys(ports).length === 0) delete book.targets[target.Id]
}
