import type { World } from '../../sim/world.ts'
import { layout, type GraphItem } from './layout.ts'
import { containerSpecs, resourceMappers, rootSpec } from './mappers/index.ts'
import type { DiagramEdge, DiagramGraph, DiagramNode } from './types.ts'

/**
 * The world as React Flow nodes and edges. Pure and deterministic: node IDs are the resources' own IDs
 * (AZs are `vpc-…/us-east-1a`), positions come from our containment layout, and nothing here touches React.
 * Parents come before their children in `nodes`, as React Flow requires for sub-flows.
 */
export function toGraph(world: Readonly<World>): DiagramGraph {
  const items: GraphItem[] = []
  const edges: DiagramEdge[] = []
  const sink = { addNode: (i: GraphItem) => items.push(i), addEdge: (e: DiagramEdge) => edges.push(e) }
  for (const mapper of resourceMappers) mapper.map(world, sink)

  const { boxes, ordered } = layout({ items, containers: containerSpecs, root: rootSpec })
  const nodes = ordered.map((item): DiagramNode => {
    const box = boxes.get(item.id) ?? { x: 0, y: 0, width: item.size.width, height: item.size.height }
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
  return { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) }
}
