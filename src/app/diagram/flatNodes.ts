import type { DiagramNode } from './types.ts'

/**
 * The nodes as React Flow gets them: the same nodes at absolute positions, without `parentId`.
 *
 * Why: on every new `nodes` array React Flow walks all of them (adoptUserNodes), and for each node with a parent it
 * also recomputes its absolute position and z-index and rebuilds the parent lookup, changed or not; at 2,000 nodes
 * that was the largest part of a status change. Flat nodes skip that work and keep the same picture: our layout
 * already nests every child inside its parent, nodes are never dragged (so `extent: 'parent'` has nothing to do),
 * and children come after their parents, so with equal z-indices they are painted on top of them. The graph itself
 * keeps `parentId` (text view, export, collapsed AZs read it).
 */
export interface FlatNodesCache {
  /** The flat nodes of `nodes`; an unchanged node at an unchanged place keeps its flat object from the last call. */
  of(nodes: readonly DiagramNode[]): DiagramNode[]
}

interface Run {
  input: readonly DiagramNode[]
  output: DiagramNode[]
  /** Index of each node's parent in `input` (-1: none), valid while the ids stay the same. */
  parent: number[]
}

export function createFlatNodesCache(): FlatNodesCache {
  let last: Run | undefined
  return {
    of(nodes) {
      if (last?.input === nodes) return last.output
      last = flatten(nodes, last)
      return last.output
    },
  }
}

function flatten(nodes: readonly DiagramNode[], prev: Run | undefined): Run {
  const sameIds = prev !== undefined && prev.input.length === nodes.length && nodes.every((n, k) => n === prev.input[k] || n.id === prev.input[k].id)
  const parent = sameIds ? prev.parent : parentIndexes(nodes)
  const output: DiagramNode[] = new Array<DiagramNode>(nodes.length)
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k]
    const p = parent[k]
    const up = p < 0 ? undefined : output[p]
    const old = sameIds && node === prev.input[k] ? prev.output[k] : undefined
    // The same node under the same flat parent object (whose identity pins its position) is where it was.
    if (old && (p < 0 || up === prev?.output[p])) {
      output[k] = old
      continue
    }
    const x = (up?.position.x ?? 0) + node.position.x
    const y = (up?.position.y ?? 0) + node.position.y
    output[k] = old && old.position.x === x && old.position.y === y ? old : flat(node, x, y)
  }
  return { input: nodes, output, parent }
}

/**
 * `left`/`top` instead of React Flow's `transform: translate(…)` per node (node.style is spread after it). Measured
 * in Chromium with 2,000 nodes: with a transform per node a status change still laid out the whole nodes layer
 * (~5 ms, despite the containment in diagram.css), and each pan step spent ~9 instead of ~7 ms compositing the 2,000
 * transform nodes. React Flow computes positions from the store, never from this style.
 */
function flat(node: DiagramNode, x: number, y: number): DiagramNode {
  const { parentId: _parentId, extent: _extent, ...rest } = node
  return { ...rest, position: { x, y }, style: { ...rest.style, transform: 'none', left: x, top: y } }
}

/** Parents come before their children (toGraph's order), so one pass finds every parent's index. */
function parentIndexes(nodes: readonly DiagramNode[]): number[] {
  const index = new Map<string, number>()
  return nodes.map((n, k) => {
    index.set(n.id, k)
    return n.parentId === undefined ? -1 : (index.get(n.parentId) ?? -1)
  })
}
