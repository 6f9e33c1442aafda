import type { World } from '../../sandbox/index.ts'
import { changedNodeIds, newRequests, requestFlow } from './changes.ts'
import { toGraphIncremental, type GraphMemo, type GraphOptions } from './toGraph.ts'
import type { DiagramGraph } from './types.ts'

/** What the panel draws for one world: the graph, plus what changed since the world drawn before it. */
export interface GraphFrame {
  world: Readonly<World>
  graph: DiagramGraph
  /** Nodes the log says changed since the previous world (for the short highlight and "follow changes"). */
  changed: string[]
  /** The path the newest requests took: node ids and edge ids to light. */
  flow: { nodes: string[]; edges: string[] }
}

/**
 * Remembers the previous world and graph between renders, so unchanged node objects are reused (only what
 * changed re-renders) and the difference between two snapshots can be animated. Asking again for the same
 * world returns the same frame, so a double render (StrictMode) does not lose the difference.
 */
export interface GraphCache {
  /** The frame of `world`; a new shape (`options.zones`) lays the same world out again, with nothing lit. */
  frameOf(world: Readonly<World>, options?: GraphOptions): GraphFrame
}

export function createGraphCache(): GraphCache {
  let last: GraphFrame | undefined
  let memo: GraphMemo | undefined
  return {
    frameOf(world, options = {}) {
      const zones = options.zones ?? 'row'
      if (last && last.world === world && (memo?.zones ?? 'row') === zones) return last
      const prev = last
      const run = toGraphIncremental(world, memo, options)
      memo = run.memo
      const graph = run.graph
      const changed = changedNodeIds(prev?.world, world, graph)
      const flow = requestFlow(world, newRequests(prev?.world, world))
      last = { world, graph, changed, flow }
      return last
    },
  }
}
