import type { DiagramGraph, DiagramNode } from './types.ts'

/**
 * Semantic zoom's words: what a node stands for when zoomed out, where its children and detail lines are not drawn
 * (diagram.css, `cs-zoom-overview`). Aggregated from the graph the mappers produce, so it says nothing the graph does
 * not: an Availability Zone's subnet and task counts, a service's and a target group's healthy count, a task's state
 * and health. Pure; an unchanged node keeps its object, so React Flow re-renders only the nodes whose words changed.
 */

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Every node's summary by id (nodes without one are absent). */
export function summaries(graph: DiagramGraph): Map<string, string> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const zoneOf = (n: DiagramNode): string | undefined => {
    let at: DiagramNode | undefined = n
    while (at && at.data.kind !== 'Availability Zone') at = at.parentId === undefined ? undefined : byId.get(at.parentId)
    return at?.id
  }
  const subnets = new Map<string, number>()
  const tasksInZone = new Map<string, number>()
  const containers = new Map<string, number>()
  const running = new Map<string, number>()
  const healthy = new Map<string, number>()
  const bump = (m: Map<string, number>, key: string | undefined) => key !== undefined && m.set(key, (m.get(key) ?? 0) + 1)
  for (const n of graph.nodes) {
    const kind = n.data.kind
    if (kind === 'Subnet') bump(subnets, n.parentId)
    else if (kind === 'Container') bump(containers, n.parentId)
    else if (kind === 'Task') {
      if (n.data.status === 'stopped') continue
      bump(tasksInZone, zoneOf(n))
      if (n.data.state === 'RUNNING') bump(running, n.data.service)
      if (n.data.badge === 'healthy') bump(healthy, n.data.service)
    }
  }
  const out = new Map<string, string>()
  for (const n of graph.nodes) {
    const { kind, badge, state } = n.data
    if (kind === 'Availability Zone') out.set(n.id, `${plural(subnets.get(n.id) ?? 0, 'subnet')} · ${plural(tasksInZone.get(n.id) ?? 0, 'task')}`)
    else if (kind === 'Subnet') continue
    else if (kind === 'ECS service') {
      // The badge is `running/desired` (mappers/ecs.ts); health is the load balancer's view of its tasks, when any.
      const desired = badge?.split('/')[1] ?? '0'
      const h = healthy.get(n.id)
      out.set(n.id, h !== undefined ? `${h}/${desired} healthy` : `${running.get(n.id) ?? 0}/${desired} running`)
    } else if (kind === 'Target group') out.set(n.id, badge ? `${badge} healthy` : 'no targets')
    else if (kind === 'Task') out.set(n.id, [state, badge, plural(containers.get(n.id) ?? 0, 'container')].filter(Boolean).join(' · '))
    else if (kind === 'Load balancer' && state) out.set(n.id, state)
    // Its newest CapacityProviderReservation (mappers/capacityProviders.ts), the number managed scaling acts on.
    else if (kind === 'Capacity provider' && badge) out.set(n.id, `reservation ${badge}`)
  }
  return out
}

/** Remembered copies: a node object and the summary it was given → the copy, so the same input gives the same object. */
const copies = new WeakMap<DiagramNode, { summary: string; node: DiagramNode }>()
const results = new WeakMap<DiagramGraph, DiagramGraph>()

/** The graph with each node's `data.summary` set. Copies only nodes whose summary is new; the same graph in, the same out. */
export function withSummaries(graph: DiagramGraph): DiagramGraph {
  const done = results.get(graph)
  if (done) return done
  const words = summaries(graph)
  let changed = false
  const nodes = graph.nodes.map((n) => {
    const summary = words.get(n.id)
    if (summary === undefined || summary === n.data.summary) return n
    const seen = copies.get(n)
    if (seen?.summary === summary) {
      changed = true
      return seen.node
    }
    const node: DiagramNode = { ...n, data: { ...n.data, summary } }
    copies.set(n, { summary, node })
    changed = true
    return node
  })
  const out = changed ? { nodes, edges: graph.edges } : graph
  results.set(graph, out)
  return out
}
