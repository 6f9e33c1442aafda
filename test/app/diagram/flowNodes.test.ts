import { beforeAll, describe, expect, it } from 'vitest'
import { absoluteBoxes, toGraph, toGraphIncremental, type DiagramGraph, type DiagramNode } from '../../../src/app/diagram/index.ts'
import { createFlatNodesCache } from '../../../src/app/diagram/flatNodes.ts'
import type { World } from '../../../src/sim/world.ts'
import { fargateWalkthrough } from './walkthrough.ts'

// What React Flow is handed for speed (README, Performance): sizes it need not measure, handles only where edges
// attach, flat nodes at absolute positions, and per-task mapping that snapshots sharing objects do not redo.

let world: World
let graph: DiagramGraph

beforeAll(() => {
  world = structuredClone(fargateWalkthrough().sandbox.world())
  graph = toGraph(world)
})

const node = (g: DiagramGraph, id: string) => g.nodes.find((n) => n.id === id)!

describe('nodes React Flow need not measure', () => {
  it('gives every node its size as measured, and handles only to the ends of edges', () => {
    for (const n of graph.nodes) expect(n.measured).toEqual({ width: n.width, height: n.height })
    const sources = new Set(graph.edges.map((e) => e.source))
    const targets = new Set(graph.edges.map((e) => e.target))
    expect(sources.size).toBeGreaterThan(0)
    for (const n of graph.nodes) {
      expect(n.sourcePosition, n.id).toBe(sources.has(n.id) ? 'bottom' : undefined)
      expect(n.targetPosition, n.id).toBe(targets.has(n.id) ? 'top' : undefined)
    }
  })

  it('adds a handle to a node when an edge starts arriving there', () => {
    const first = toGraphIncremental(world)
    const tg = Object.keys(world.elbv2.targetGroups)[0]
    const w = structuredClone(world)
    const [kept, ...gone] = w.elbv2.targets[tg]
    w.elbv2.targets[tg] = [kept]
    const fewer = toGraphIncremental(w, first.memo)
    const lost = fewer.graph.nodes.filter((n) => node(first.graph, n.id).targetPosition !== n.targetPosition)
    expect(lost).toHaveLength(gone.length)
    const back = toGraphIncremental(world, fewer.memo)
    expect(back.graph).toEqual(toGraph(structuredClone(world)))
  })
})

describe('per-task mapping across snapshots that share objects', () => {
  it('re-maps a task whose target health changed although the task object did not', () => {
    const first = toGraphIncremental(world)
    const tg = Object.keys(world.elbv2.targetGroups)[0]
    const task = Object.values(world.ecs.tasks)[0]
    const ip = task.attachments[0].details.find((d) => d.name === 'privateIPv4Address')!.value
    // As a real snapshot differs: only the objects on the path to the change are new.
    const targets = world.elbv2.targets[tg].map((t) => (t.Id === ip ? { ...t, state: 'unhealthy' as const } : t))
    const next: World = { ...world, elbv2: { ...world.elbv2, targets: { ...world.elbv2.targets, [tg]: targets } } }
    const second = toGraphIncremental(next, first.memo)
    expect(node(second.graph, task.taskArn).data).toMatchObject({ badge: 'unhealthy', status: 'error' })
    expect(second.graph).toEqual(toGraph(structuredClone(next)))
    const other = Object.values(world.ecs.tasks)[1]
    expect(node(second.graph, other.taskArn)).toBe(node(first.graph, other.taskArn))
  })
})

describe('flat nodes for React Flow', () => {
  it('places every node at its absolute position, without parentId or extent, in the same order', () => {
    const flat = createFlatNodesCache().of(graph.nodes)
    const boxes = absoluteBoxes(graph)
    expect(flat.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id))
    for (const n of flat) {
      expect(n.parentId).toBeUndefined()
      expect(n.extent).toBeUndefined()
      expect(n.position).toEqual({ x: boxes.get(n.id)!.x, y: boxes.get(n.id)!.y })
      // Drawn at left/top, not with a transform per node (README, Performance).
      expect(n.style).toEqual({ transform: 'none', left: n.position.x, top: n.position.y })
      expect(n.data).toBe(node(graph, n.id).data)
    }
  })

  it('keeps the flat object of every unchanged node, and moves children with a moved parent', () => {
    const cache = createFlatNodesCache()
    const before = cache.of(graph.nodes)
    const task = graph.nodes.find((n) => n.data.kind === 'Task')!
    const restyled = graph.nodes.map((n): DiagramNode => (n.id === task.id ? { ...n, data: { ...n.data, state: 'STOPPED' } } : n))
    const after = cache.of(restyled)
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual([task.id])
    const region = graph.nodes[0]
    const shifted = graph.nodes.map((n, i): DiagramNode => (i === 0 ? { ...region, position: { x: region.position.x + 100, y: region.position.y } } : n))
    const moved = cache.of(shifted)
    const boxes = absoluteBoxes({ nodes: shifted, edges: [] })
    expect(moved.filter((n, i) => n.position.x === before[i].position.x + 100).length).toBeGreaterThan(graph.nodes.length / 2)
    for (const n of moved) {
      expect(n.position).toEqual({ x: boxes.get(n.id)!.x, y: boxes.get(n.id)!.y })
      expect(n.style).toMatchObject({ left: n.position.x, top: n.position.y })
    }
  })
})
