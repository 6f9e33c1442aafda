import { describe, expect, it } from 'vitest'
import { benchTaskArns, benchWorld, withTaskStatus } from '../../../src/app/diagram/bench.ts'
import { toGraph, toGraphIncremental } from '../../../src/app/diagram/index.ts'
import { startingWorld } from './world.ts'

describe('the bench:ui world', () => {
  it('has at least 2,000 nodes, and a status change rebuilds exactly one node without a new layout', () => {
    const world = benchWorld(startingWorld(), 2000)
    const first = toGraphIncremental(world)
    expect(first.graph.nodes.length).toBeGreaterThanOrEqual(2000)
    expect(first.graph.nodes.length).toBeLessThan(2010)
    const arn = benchTaskArns(world)[10]
    const next = toGraphIncremental(withTaskStatus(world, arn, 'STOPPED'), first.memo)
    expect(next.memo.boxes).toBe(first.memo.boxes)
    expect(next.graph.nodes.filter((n, i) => n !== first.graph.nodes[i]).map((n) => n.id)).toEqual([arn])
    expect(next.graph).toEqual(toGraph(withTaskStatus(world, arn, 'STOPPED')))
  })
})
