import type { World } from '../../sim/world.ts'
import { layout, type Box, type GraphItem } from './layout.ts'
import { containerSpecs, resourceMappers, rootSpec } from './mappers/index.ts'
import type { DiagramEdge, DiagramGraph, DiagramNode } from './types.ts'

/**
 * The world as React Flow nodes and edges. Pure and deterministic: node IDs are the resources' own IDs
 * (AZs are `vpc-…/us-east-1a`), positions come from our containment layout, and nothing here touches React.
 * Parents come before their children in `nodes`, as React Flow requires for sub-flows.
 */
export function toGraph(world: Readonly<World>): DiagramGraph {
  return toGraphIncremental(world).graph
}

/** What one run leaves for the next: the items it laid out, their boxes, and the graph it built. */
export interface GraphMemo {
  items: GraphItem[]
  ordered: GraphItem[]
  boxes: Map<string, Box>
  graph: DiagramGraph
}

/**
 * toGraph, reusing the previous run where it can: when no item moved, was added or removed, or changed size
 * (a status change, a health change), the layout is skipped; and every node equal to the previous run's keeps
 * that object, so React Flow and the memoised node components re-render only what changed.
 * The output equals toGraph(world) whatever `prev` is.
 */
export function toGraphIncremental(world: Readonly<World>, prev?: GraphMemo): { graph: DiagramGraph; memo: GraphMemo } {
  const items: GraphItem[] = []
  const edges: DiagramEdge[] = []
  const sink = { addNode: (i: GraphItem) => items.push(i), addEdge: (e: DiagramEdge) => edges.push(e) }
  for (const mapper of resourceMappers) mapper.map(world, sink)

  const sameStructure = prev !== undefined && sameLayoutInput(prev.items, items)
  const { boxes, ordered } = sameStructure
    ? { boxes: prev.boxes, ordered: reorder(prev.ordered, items) }
    : layout({ items, containers: containerSpecs, root: rootSpec })
  const previous = prev ? new Map(prev.graph.nodes.map((n) => [n.id, n])) : undefined
  let reused = 0
  const nodes = ordered.map((item): DiagramNode => {
    const box = boxes.get(item.id) ?? { x: 0, y: 0, width: item.size.width, height: item.size.height }
    const old = previous?.get(item.id)
    if (old && sameNode(old, item, box)) {
      reused++
      return old
    }
    const node: DiagramNode = {
      id: item.id,
      type: item.nodeType,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: item.data,
      ariaLabel: item.data.ariaLabel,
      connectable: false,
      draggable: false,
    }
    if (item.parentId !== undefined) {
      node.parentId = item.parentId
      node.extent = 'parent'
    }
    return node
  })
  const ids = new Set(nodes.map((n) => n.id))
  const kept = edges.filter((e) => ids.has(e.source) && ids.has(e.target))
  const oldEdges = prev ? new Map(prev.graph.edges.map((e) => [e.id, e])) : undefined
  const finalEdges = kept.map((e) => {
    const o = oldEdges?.get(e.id)
    return o && JSON.stringify(o) === JSON.stringify(e) ? o : e
  })
  const unchangedNodes = prev !== undefined && reused === nodes.length && nodes.length === prev.graph.nodes.length && nodes.every((n, i) => n === prev.graph.nodes[i])
  const unchangedEdges = prev !== undefined && finalEdges.length === prev.graph.edges.length && finalEdges.every((e, i) => e === prev.graph.edges[i])
  const graph: DiagramGraph =
    unchangedNodes && unchangedEdges
      ? prev.graph
      : { nodes: unchangedNodes ? prev.graph.nodes : nodes, edges: unchangedEdges ? prev.graph.edges : finalEdges }
  return { graph, memo: { items, ordered, boxes, graph } }
}

/** Everything the layout reads, item by item: same ⇒ same boxes. */
function sameLayoutInput(a: readonly GraphItem[], b: readonly GraphItem[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (
      x.id !== y.id ||
      x.parentId !== y.parentId ||
      x.section !== y.section ||
      x.order !== y.order ||
      x.size.width !== y.size.width ||
      x.size.height !== y.size.height ||
      x.anchorAbove !== y.anchorAbove ||
      x.data.kind !== y.data.kind ||
      (x.spanAcross ?? []).join() !== (y.spanAcross ?? []).join()
    ) {
      return false
    }
  }
  return true
}

/** The previous run's parent-first order, with this run's items (same ids, new data). */
function reorder(ordered: readonly GraphItem[], items: readonly GraphItem[]): GraphItem[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  return ordered.map((o) => {
    const item = byId.get(o.id)!
    // layout() drops a parentId that names no item; keep that decision.
    return o.parentId === item.parentId ? item : { ...item, parentId: o.parentId }
  })
}

function sameNode(old: DiagramNode, item: GraphItem, box: Box): boolean {
  return (
    old.type === item.nodeType &&
    old.parentId === item.parentId &&
    old.position.x === box.x &&
    old.position.y === box.y &&
    old.width === box.width &&
    old.height === box.height &&
    sameData(old.data, item.data)
  )
}

function sameData(a: DiagramNode['data'], b: DiagramNode['data']): boolean {
  if (a === b) return true
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    const x = a[k]
    const y = b[k]
    if (x === y) continue
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue
    return false
  }
  return true
}
