import type { CapacityProviderStrategyItem } from './state.ts'

/**
 * How a capacity provider strategy shares tasks out (ECS API reference, CapacityProviderStrategyItem): `base` is how
 * many tasks, at a minimum, run on its provider (one provider in a strategy may have one), and `weight` is the share
 * of the tasks launched beyond that base; with weight 1 on A and 4 on B, "for every one task that's run using
 * capacityProviderA, four tasks would use capacityProviderB" (ECS Developer Guide, cluster-capacity-providers.html).
 *
 * ECS keeps to the split from what each provider already has: the service scheduler counts the service's tasks on each
 * provider; run-task counts the tasks of the one call. The next task goes to the base provider until its base is met,
 * then to the weighted provider furthest below its share (the smallest (tasks beyond base + 1) / weight; on a tie the
 * heavier weight, then the first named): 1:3 gives B, B, B, A and again.
 */
export function nextProvider(strategy: readonly CapacityProviderStrategyItem[], counts: ReadonlyMap<string, number>): string {
  const withBase = strategy.find((i) => i.base > 0)
  if (withBase && (counts.get(withBase.capacityProvider) ?? 0) < withBase.base) return withBase.capacityProvider
  let best: CapacityProviderStrategyItem | undefined
  let bestScore = Infinity
  for (const item of strategy) {
    if (item.weight <= 0) continue
    const beyond = (counts.get(item.capacityProvider) ?? 0) - (item === withBase ? item.base : 0)
    const score = (Math.max(0, beyond) + 1) / item.weight
    if (score < bestScore || (score === bestScore && best && item.weight > best.weight)) {
      best = item
      bestScore = score
    }
  }
  // No weight anywhere (weights default to 0): everything goes to the base provider, else the first one named.
  return (best ?? withBase ?? strategy[0]).capacityProvider
}

/** The providers of the next `count` tasks, in launch order, from the tasks each already has. */
export function splitTasks(strategy: readonly CapacityProviderStrategyItem[], count: number, existing: ReadonlyMap<string, number> = new Map()): string[] {
  const counts = new Map(existing)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const name = nextProvider(strategy, counts)
    counts.set(name, (counts.get(name) ?? 0) + 1)
    out.push(name)
  }
  return out
}

/** How many of `tasks` run on each provider (tasks launched without one are not counted). */
export function providerCounts(tasks: readonly { capacityProviderName?: string }[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of tasks) if (t.capacityProviderName) counts.set(t.capacityProviderName, (counts.get(t.capacityProviderName) ?? 0) + 1)
  return counts
}

/**
 * The `n` tasks a service scaling in stops first, with a strategy: pending tasks first, then one at a time from the
 * provider furthest above the share the strategy gives it for the tasks that stay (the order of `tasks` breaks ties).
 */
export function scaleInOrder<T extends { capacityProviderName?: string }>(strategy: readonly CapacityProviderStrategyItem[], tasks: readonly T[], n: number, pending: (t: T) => boolean): T[] {
  const keep = tasks.length - n
  const target = providerCounts(splitTasks(strategy, Math.max(0, keep)).map((capacityProviderName) => ({ capacityProviderName })))
  const counts = providerCounts(tasks)
  const left = [...tasks]
  const out: T[] = []
  for (let k = 0; k < n && left.length; k++) {
    let best = 0
    let bestKey = -Infinity
    left.forEach((t, i) => {
      const name = t.capacityProviderName ?? ''
      const over = (counts.get(name) ?? 0) - (target.get(name) ?? 0)
      const key = (pending(t) ? 1_000_000 : 0) + over
      if (key > bestKey) {
        best = i
        bestKey = key
      }
    })
    const [victim] = left.splice(best, 1)
    const name = victim.capacityProviderName ?? ''
    counts.set(name, (counts.get(name) ?? 0) - 1)
    out.push(victim)
  }
  return out
}
