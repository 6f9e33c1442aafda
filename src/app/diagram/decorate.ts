import type { DiagramEdge, DiagramGraph, DiagramKind, DiagramNode } from './types.ts'

/** What the panel layers over toGraph's output: none of it is in the world. */
export interface Decorations {
  selectedId?: string
  /** Nodes the last change touched: a short highlight. */
  changed: readonly string[]
  /** The path of the newest requests. */
  lit: { nodes: readonly string[]; edges: readonly string[] }
  /** A service ARN: other services' tasks are dimmed. */
  service?: string
  /** Availability Zone node ids whose contents are hidden. */
  collapsed: readonly string[]
}

/** Height of a collapsed AZ: its title only. */
export const COLLAPSED_HEIGHT = 64

const SERVICE_KINDS: ReadonlySet<DiagramKind> = new Set<DiagramKind>(['ECS service', 'Task', 'Network interface', 'Container'])

/**
 * The graph with decorations applied. Pure, and it copies only the nodes and edges it decorates, so the others
 * keep their identity and React Flow re-renders only what is decorated.
 */
export function decorate(graph: DiagramGraph, d: Decorations): DiagramGraph {
  const nothing = d.selectedId === undefined && !d.changed.length && !d.lit.nodes.length && !d.lit.edges.length && !d.service && !d.collapsed.length
  if (nothing) return graph
  const changed = new Set(d.changed)
  const lit = new Set(d.lit.nodes)
  const collapsed = new Set(d.collapsed)
  const hidden = new Set<string>()
  const nodes = graph.nodes.map((n): DiagramNode => {
    const isHidden = n.parentId !== undefined && (collapsed.has(n.parentId) || hidden.has(n.parentId))
    if (isHidden) hidden.add(n.id)
    const classes: string[] = []
    if (changed.has(n.id)) classes.push('cs-changed')
    if (lit.has(n.id)) classes.push('cs-lit')
    if (d.service && SERVICE_KINDS.has(n.data.kind) && n.data.service !== d.service) classes.push('cs-dimmed')
    const isCollapsed = collapsed.has(n.id)
    if (isCollapsed) classes.push('cs-collapsed')
    const selected = n.id === d.selectedId
    if (!classes.length && !isHidden && !selected) return n
    const out: DiagramNode = { ...n }
    if (classes.length) out.className = classes.join(' ')
    if (isHidden) out.hidden = true
    if (selected) out.selected = true
    if (isCollapsed) {
      out.height = COLLAPSED_HEIGHT
      out.measured = { width: n.width, height: COLLAPSED_HEIGHT }
      out.data = { ...n.data, ariaLabel: `${n.data.ariaLabel}, collapsed` }
      out.ariaLabel = out.data.ariaLabel
    }
    return out
  })
  const litEdges = new Set(d.lit.edges)
  const edges = graph.edges.map((e): DiagramEdge => {
    const isHidden = hidden.has(e.source) || hidden.has(e.target)
    const isLit = litEdges.has(e.id)
    if (!isHidden && !isLit) return e
    return {
      ...e,
      ...(isHidden ? { hidden: true } : {}),
      ...(isLit ? { className: [e.className, 'cs-lit'].filter(Boolean).join(' '), animated: true } : {}),
    }
  })
  return { nodes, edges }
}
