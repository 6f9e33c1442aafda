import type { RequestRecord, World } from '../../sandbox/index.ts'
import { pathEdges, pathNodes, targetNodeIds } from './mappers/index.ts'
import type { DiagramGraph } from './types.ts'

// What moved between two snapshots of the world. The simulation never animates anything: it only logs what
// changed (world.log) and keeps the last requests (world.elbv2.traffic.recent). The panel compares the world it
// drew last with the new one and animates the difference.

/** Log entries newer than the previous world's (all of them when there is no previous world to compare with). */
export function newLogEntries(prev: Readonly<World> | undefined, next: Readonly<World>): World['log']['entries'] {
  if (prev === undefined) return []
  const since = prev.log.nextId
  const entries = next.log.entries
  // Entries are in id order: walk back from the end rather than scanning a 5,000-entry log.
  let i = entries.length
  while (i > 0 && entries[i - 1].id >= since) i--
  return entries.slice(i)
}

/**
 * Node ids the change touched: each new entry's resource when the diagram draws it (the log names resources by
 * the same ids and ARNs as the nodes). A change to a task's ENI or a target also marks the task.
 */
export function changedNodeIds(prev: Readonly<World> | undefined, next: Readonly<World>, graph: DiagramGraph): string[] {
  const entries = newLogEntries(prev, next)
  if (entries.length === 0) return []
  const ids = nodeIdSet(graph)
  const out = new Set<string>()
  for (const e of entries) {
    if (e.kind === 'http.request') continue // requests light their path instead (requestFlow)
    if (ids.has(e.resource)) out.add(e.resource)
  }
  return [...out]
}

const idSets = new WeakMap<DiagramGraph, Set<string>>()
function nodeIdSet(graph: DiagramGraph): Set<string> {
  let set = idSets.get(graph)
  if (!set) {
    set = new Set(graph.nodes.map((n) => n.id))
    idSets.set(graph, set)
  }
  return set
}

/** Requests made since the previous world, oldest first (each leaves an `http.request` log entry on its load balancer). */
export function newRequests(prev: Readonly<World> | undefined, next: Readonly<World>): RequestRecord[] {
  const count = newLogEntries(prev, next).filter((e) => e.kind === 'http.request').length
  return count === 0 ? [] : next.elbv2.traffic.recent.slice(-count)
}

/** The nodes and edges the given requests went through: listener → rule → target group → target → task. */
export function requestFlow(world: Readonly<World>, requests: readonly RequestRecord[]): { nodes: string[]; edges: string[] } {
  if (requests.length === 0) return { nodes: [], edges: [] }
  const nodeOfTarget = targetNodeIds(world)
  const nodes = new Set<string>()
  const edges = new Set<string>()
  for (const r of requests) {
    const hops = r.hops.map((h) => h.resource)
    for (const n of pathNodes(world, hops)) nodes.add(n)
    for (const e of pathEdges(hops, nodeOfTarget)) edges.add(e)
  }
  return { nodes: [...nodes], edges: [...edges] }
}
