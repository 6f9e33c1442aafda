import { it } from 'vitest'
import { benchTaskArns, benchWorld, withTaskStatus } from '../../src/app/diagram/bench.ts'
import { toGraph, toGraphIncremental } from '../../src/app/diagram/index.ts'
import { createSandbox, type World } from '../../src/sandbox/index.ts'
import { setUp } from './fleet.ts'

/**
 * `npm run bench`: the diagram's world → nodes/edges pass (toGraph), which runs on every published world. Prints
 * figures, asserts nothing (house rule 7). Two worlds: the 2,000-node world `npm run bench:ui` draws, and 1,000 tasks
 * behind load balancers (so every task asks the read model for its target health and service). Medians of several
 * runs: the shared 2-CPU machine moves single runs by a lot.
 */
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function time(runs: number, fn: () => void): number {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    out.push(performance.now() - start)
  }
  return median(out)
}

function figures(name: string, world: World, arns: string[]): string {
  // A fresh copy per full run: nothing cached from an earlier world can help it.
  const full = time(7, () => toGraph(structuredClone(world)))
  const first = toGraphIncremental(world)
  let memo = first.memo
  let i = 0
  const change = time(21, () => {
    const next = toGraphIncremental(withTaskStatus(world, arns[i++ % arns.length], i % 2 ? 'STOPPED' : 'RUNNING'), memo)
    memo = next.memo
  })
  return `  ${name}: ${first.graph.nodes.length} nodes, ${first.graph.edges.length} edges; full toGraph ${full.toFixed(1)} ms; one task's status change (incremental) ${change.toFixed(2)} ms`
}

it('toGraph over a 2,000-node world and over 1,000 tasks behind load balancers', () => {
  const synthetic = benchWorld(structuredClone(createSandbox().world()) as World, 2000)
  const { sandbox } = setUp(2, 5, 100)
  sandbox.advance(10 * 60_000)
  const fleet = structuredClone(sandbox.world()) as World
  const fleetTasks = Object.keys(fleet.ecs.tasks)
  console.log(
    ['diagram (toGraph, median):', figures('bench:ui world', synthetic, benchTaskArns(synthetic)), figures('1,000 tasks behind 2 ALBs', fleet, fleetTasks)].join('\n'),
  )
}, 600_000)
