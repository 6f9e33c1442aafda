import { DerivedCache, sliceVersion, unproxied, type Slice } from '../core/index.ts'
import type { World } from '../world.ts'

/**
 * Parts of a request's path that depend only on the world (which listener takes a port, whether a security group lets
 * the learner in, the connection from a load balancer node to a target), kept while the world is unchanged
 * (the versions of the slices a path reads, `PATH_READS`; requests themselves change nothing, metrics live elsewhere). A load test repeats the same path thousands of times:
 * `npm run bench` sends 10,000 requests to 50 targets.
 */
/** Security groups, ENIs and addresses (ec2), tasks (ecs), the images they answer with (ecr), listeners and targets (elbv2). */
const PATH_READS: readonly Slice[] = ['ec2', 'ecr', 'ecs', 'elbv2']

const memos = new DerivedCache<object, { version: number; tables: Map<string, Map<unknown, unknown>> }>()

/** The table `name` of answers for this version of the world (empty after any change). */
export function memoTable<K, V>(world: World, name: string): Map<K, V> {
  return tableOf(memoTables(world), name)
}

/** Every table for this version of the world: a request looks them up once and takes several tables from it. */
export function memoTables(world: World): Map<string, Map<unknown, unknown>> {
  const key = unproxied(world)
  const version = sliceVersion(world.log, PATH_READS)
  let memo = memos.get(key)
  if (!memo || memo.version !== version) memos.set(key, (memo = { version, tables: new Map() }))
  return memo.tables
}

/** The table `name` of `tables` (memoTables). */
export function tableOf<K, V>(tables: Map<string, Map<unknown, unknown>>, name: string): Map<K, V> {
  let table = tables.get(name)
  if (!table) tables.set(name, (table = new Map()))
  return table as Map<K, V>
}

/** `table`'s entry for `key`, worked out by `compute` the first time it is asked for. */
export function remember<K, V>(table: Map<K, V>, key: K, compute: () => V): V {
  let value = table.get(key)
  if (value === undefined && !table.has(key)) table.set(key, (value = compute()))
  return value as V
}
