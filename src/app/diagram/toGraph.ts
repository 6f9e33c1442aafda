import type { Position } from '@xyflow/react'
import type { World } from '../../sandbox/index.ts'
import { layout, type Box, type ContainerSpec, type GraphItem } from './layout.ts'
import { containerSpecs, resourceMappers, rootSpec } from './mappers/index.ts'
import { hostContainerSpecs } from './hostLayout.ts'
import type { DiagramEdge, DiagramGraph, DiagramNode } from './types.ts'

/**
 * The world as React Flow nodes and edges. Pure and deterministic: node IDs are the resources' own IDs
 * (AZs are `vpc-…/us-east-1a`), positions come from our containment layout, and nothing here touches React.
 * Parents come before their children in `nodes`, as React Flow requires for sub-flows.
 */
export function toGraph(world: Readonly<World>, options: GraphOptions = {}): DiagramGraph {
  return toGraphIncremental(world, undefined, options).graph
}

/** How the panel wants the picture shaped. */
export interface GraphOptions {
  /**
   * How a VPC lays out its Availability Zones: side by side (`row`, the default, for a wide panel) or stacked
   * (`column`, for a tall one), so the diagram fills the panel it is drawn in.
   */
  zones?: 'row' | 'column'
}

/** The container specs for a shape, made once each (the same object every run, so layouts can be compared). */
const SPECS: Record<'row' | 'column', Partial<Record<string, ContainerSpec>>> = {
  row: { ...containerSpecs, ...hostContainerSpecs },
  column: {
    ...containerSpecs,
    ...hostContainerSpecs,
    ...(containerSpecs.VPC && {
      VPC: {
        ...containerSpecs.VPC,
        sections: containerSpecs.VPC.sections.map((s) => (s.name === 'zones' ? { ...s, flow: 'column' as const, stretch: false } : s)),
      },
    }),
  },
}

/** What one run leaves for the next: the items it laid out, their boxes, and the graph it built. */
export interface GraphMemo {
  items: GraphItem[]
  /** The shape the layout was made for. */
  zones: 'row' | 'column'
  ordered: GraphItem[]
  /** For each position in `ordered` (and `graph.nodes`), the index of its item in `items`. */
  orderIndex: number[]
  boxes: Map<string, Box>
  graph: DiagramGraph
  /** `graph.nodes` by id. */
  nodeById: Map<string, DiagramNode>
  /** Nodes with an edge leaving them, and arriving at them. */
  sources: Set<string>
  targets: Set<string>
}

const TOP = 'top' as Position.Top
const BOTTOM = 'bottom' as Position.Bottom

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x))

/**
 * toGraph, reusing the previous run where it can: when no item moved, was added or removed, or changed size
 * (a status change, a health change), the layout is skipped; and every node equal to the previous run's keeps
 * that object, so React Flow and the memoised node components re-render only what changed. Mappers hand back the
 * same item for an unchanged resource (mappers/ecs.ts), so most nodes are recognised by identity alone.
 * The output equals toGraph(world) whatever `prev` is.
 */
export function toGraphIncremental(world: Readonly<World>, prev?: GraphMemo, options: GraphOptions = {}): { graph: DiagramGraph; memo: GraphMemo } {
  const zones = options.zones ?? 'row'
  const items: GraphItem[] = []
  const edges: DiagramEdge[] = []
  const sink = { addNode: (i: GraphItem) => items.push(i), addEdge: (e: DiagramEdge) => edges.push(e) }
  for (const mapper of resourceMappers) mapper.map(world, sink)

  const sameStructure = prev !== undefined && prev.zones === zones && sameLayoutInput(prev.items, items)
  const { boxes, ordered, orderIndex } = sameStructure
    ? { boxes: prev.boxes, ordered: reorder(prev, items), orderIndex: prev.orderIndex }
    : laidOut(items, SPECS[zones])
  const previous = prev?.nodeById
  // Edges whose two ends are drawn; only their ends get handles (nodes.tsx): a Handle is a DOM element and a
  // React Flow store subscription, two per node otherwise, for nothing at all on most of 2,000 nodes.
  const drawn: { has(id: string): boolean } = sameStructure ? prev.nodeById : new Set(items.map((i) => i.id))
  const kept = edges.filter((e) => drawn.has(e.source) && drawn.has(e.target))
  const sources = new Set(kept.map((e) => e.source))
  const targets = new Set(kept.map((e) => e.target))
  const sameEnds = prev !== undefined && sameSet(prev.sources, sources) && sameSet(prev.targets, targets)
  let reused = 0
  const nodes = ordered.map((item, k): DiagramNode => {
    // Same item object in the same place with the same boxes and edge ends: the node cannot differ.
    if (sameStructure && sameEnds && item === prev.ordered[k]) {
      reused++
      return prev.graph.nodes[k]
    }
    const box = boxes.get(item.id) ?? { x: 0, y: 0, width: item.size.width, height: item.size.height }
    const old = previous?.get(item.id)
    const ends = { source: sources.has(item.id) ? BOTTOM : undefined, target: targets.has(item.id) ? TOP : undefined }
    if (old && sameNode(old, item, box, ends)) {
      reused++
      return old
    }
    const node: DiagramNode = {
      id: item.id,
      type: item.nodeType,
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      // Our layout fixes every size, so tell React Flow instead of letting it measure: without `measured`, each
      // changed node object loses its handle bounds in adoptUserNodes and is re-observed and re-measured (a
      // forced layout, then a pass over every node), which was a third of a status change's cost at 2,000 nodes.
      measured: { width: box.width, height: box.height },
      data: item.data,
      ariaLabel: item.data.ariaLabel,
      connectable: false,
      draggable: false,
    }
    if (item.parentId !== undefined) {
      node.parentId = item.parentId
      node.extent = 'parent'
    }
    // Edges leave at the bottom and arrive at the top (a handle there, nodes.tsx).
    if (ends.source) node.sourcePosition = ends.source
    if (ends.target) node.targetPosition = ends.target
    node.handles = handlesOf(box, ends)
    return node
  })
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
  const nodeById = graph === prev?.graph ? prev.nodeById : new Map(graph.nodes.map((n) => [n.id, n]))
  return { graph, memo: { items, zones, ordered, orderIndex, boxes, graph, nodeById, sources, targets } }
}

/** A full layout, remembering where each item landed in the parent-first order. */
function laidOut(
  items: readonly GraphItem[],
  containers: Partial<Record<string, ContainerSpec>>,
): { boxes: Map<string, Box>; ordered: GraphItem[]; orderIndex: number[] } {
  const { boxes, ordered } = layout({ items, containers, root: rootSpec })
  const indexOf = new Map(items.map((item, i) => [item.id, i]))
  return { boxes, ordered, orderIndex: ordered.map((o) => indexOf.get(o.id)!) }
}

/** Everything the layout reads, item by item: same ⇒ same boxes. */
function sameLayoutInput(a: readonly GraphItem[], b: readonly GraphItem[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) continue
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

/** The previous run's parent-first order, with this run's items (same ids in the same places, new data). */
function reorder(prev: GraphMemo, items: readonly GraphItem[]): GraphItem[] {
  return prev.ordered.map((o, k) => {
    const item = items[prev.orderIndex[k]]
    // layout() drops a parentId that names no item; keep that decision.
    return o.parentId === item.parentId ? item : { ...item, parentId: o.parentId }
  })
}

/** React Flow's handle: 6 px and a 1 px border, centred on the node's edge (@xyflow/react/dist/style.css). */
const HANDLE = 8

/**
 * The handles nodes.tsx renders, as data. React Flow mounts a node it has never measured even when it is out of view
 * (onlyRenderVisibleElements), to measure its handles; with them given, a large diagram mounts only what is in view,
 * also when the zoomed-out picture (PictureLayer.tsx) hands over to DOM nodes.
 */
function handlesOf(box: Box, ends: { source?: Position; target?: Position }): NonNullable<DiagramNode['handles']> {
  const x = box.width / 2 - HANDLE / 2
  const handles: NonNullable<DiagramNode['handles']> = []
  if (ends.target) handles.push({ type: 'target', position: ends.target, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE })
  if (ends.source) handles.push({ type: 'source', position: ends.source, x, y: box.height - HANDLE / 2, width: HANDLE, height: HANDLE })
  return handles
}

function sameNode(old: DiagramNode, item: GraphItem, box: Box, ends: { source?: Position; target?: Position }): boolean {
  return (
    old.type === item.nodeType &&
    old.sourcePosition === ends.source &&
    old.targetPosition === ends.target &&
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
