import { DerivedCache } from '../core/derived.ts'
import { worldVersion } from '../core/eventLog.ts'
import { unproxied } from '../core/journal.ts'
import type { World } from '../world.ts'

/**
 * Answers worked out over a whole world (an index of target health by address), kept for that world object while it
 * is unchanged (`worldVersion` moves with every change, and only then). The app hands the diagram a world per
 * publication, and the diagram asks per task (1,000+ per render): each index is built once per world, not per task.
 * A rollback forgets every entry (`DerivedCache`). Handlers never use these: they read a world they are changing.
 */
const memos = new DerivedCache<object, { version: number; answers: Map<string, unknown> }>()

export function perWorld<T>(world: Readonly<World>, name: string, build: () => T): T {
  const key = unproxied(world)
  const version = worldVersion(world.log)
  let memo = memos.get(key)
  if (!memo || memo.version !== version) memos.set(key, (memo = { version, answers: new Map() }))
  if (memo.answers.has(name)) return memo.answers.get(name) as T
  const answer = build()
  memo.answers.set(name, answer)
  return answer
}
