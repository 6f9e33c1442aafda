import { it } from 'vitest'
import { createAppStore } from '../../src/app/state/store.ts'
import type { Sandbox } from '../../src/sandbox/index.ts'
import { setUp } from './fleet.ts'

/**
 * `npm run bench`: what the app store adds to each command at 1,000 Fargate tasks (publishing the world for the UI
 * and the undo bookkeeping), and what the undo history holds after 50 commands. Targets: < 5 ms per command,
 * < 20 MB. "Before" is what the store did until the input log: a structuredClone of the world per publication and
 * a whole snapshot per undo step, measured here on the same world. Prints figures, asserts nothing (house rule 7).
 */
const COMMANDS = 50
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`
const ms = (t: number) => `${t.toFixed(2)} ms`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Half change the world (a service's desired count), half only read it, as a learner's session does. */
const line = (i: number) =>
  i % 2 === 0
    ? `aws ecs update-service --cluster bench --service s${(i / 2) % 50} --desired-count ${i % 4 === 0 ? 19 : 20}`
    : `aws ecs describe-services --cluster bench --services s${(i - 1) % 50} --query services[0].runningCount`

it(`app store at 1,000 tasks: cost per command and undo memory after ${COMMANDS} commands`, async () => {
  const { sandbox } = setUp(10, 5, 20)
  sandbox.advance(600_000)

  // Before: the old store's per-command work on this world, timed on its own.
  const before: number[] = []
  const kept: unknown[] = []
  const heapBefore = process.memoryUsage().heapUsed
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    kept.push(sandbox.snapshot())
    structuredClone(sandbox.world())
    before.push(performance.now() - t)
  }
  const perSnapshot = (process.memoryUsage().heapUsed - heapBefore) / kept.length
  kept.length = 0

  // After: the store itself, with exec's own time taken out.
  let execMs = 0
  const timed: Sandbox = Object.create(sandbox)
  timed.exec = (l: string) => {
    const t = performance.now()
    const result = sandbox.exec(l)
    execMs += performance.now() - t
    return result
  }
  const store = createAppStore({ loadEngine: async () => ({ createSandbox: () => timed }) })
  await store.getState().start()
  const historyBytes = () => {
    const { inputs, checkpoints } = sandbox.history()
    return checkpoints.reduce((n, c) => n + c.snapshot.length, 0) + JSON.stringify(inputs).length
  }
  const positionAtStart = sandbox.position()
  const startBytes = historyBytes()
  const costs: { changed: number[]; read: number[] } = { changed: [], read: [] }
  for (let i = 0; i < COMMANDS; i++) {
    execMs = 0
    const t = performance.now()
    store.getState().run(line(i))
    const cost = performance.now() - t - execMs
    ;(i % 2 === 0 ? costs.changed : costs.read).push(cost)
  }
  const all = [...costs.changed, ...costs.read]
  const undoBytes = historyBytes()
  const undoStart = performance.now()
  store.getState().undo()
  const undoMs = performance.now() - undoStart
  const checkpoints = sandbox.history().checkpoints

  console.log(
    [
      `app store, 1,000 Fargate tasks (world ≈ ${mb(JSON.stringify(sandbox.world()).length)} as JSON), ${COMMANDS} commands (half change the world)`,
      `before (structuredClone of the world + a snapshot per command): median ${ms(median(before))} per command`,
      `before: undo memory after ${COMMANDS} commands ≈ ${COMMANDS} snapshots × ${mb(perSnapshot)} = ${mb(perSnapshot * COMMANDS)}`,
      `after: store cost per command (publish + undo bookkeeping, exec excluded): mean ${ms(all.reduce((a, b) => a + b, 0) / all.length)}, median ${ms(median(all))}, max ${ms(Math.max(...all))} (target < 5 ms)`,
      `  commands that changed the world: median ${ms(median(costs.changed))}; commands that only read: median ${ms(median(costs.read))}`,
      `after: undo memory (the input log and its checkpoints) after ${COMMANDS} commands: ${mb(undoBytes)} (target < 20 MB); ` +
        `${checkpoints.length} checkpoints at positions ${checkpoints.map((c) => c.position).join(', ')}; it held ${mb(startBytes)} before them (the fleet's set-up, ${positionAtStart} inputs)`,
      `after: one undo (rewind to the newest checkpoint before it and replay): ${ms(undoMs)}`,
    ].join('\n'),
  )
}, 600_000)
