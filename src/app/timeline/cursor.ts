import type { CheckpointPolicy, Sandbox } from '../../sandbox/types.ts'
import type { EngineModule } from '../state/types.ts'

/**
 * Denser checkpoints than the live sandbox keeps: a scrub replays at most about a dozen commands' worth of work from
 * the nearest one (`npm run bench`: test/bench/timeline.bench.test.ts), whatever the world's size (a scrub is
 * waited on; the extra checkpoints are taken once). They are JSON text, shared, never copied.
 */
export const TIMELINE_CHECKPOINTS: CheckpointPolicy = { work: 12, keep: 10_000, workPerMegabyte: 0 }

/**
 * Follows a source's input log to any earlier position: the world "as it was then", for the views only. It keeps
 * every checkpoint its sandboxes take, by position, so going back and forth costs a replay from the nearest one:
 * forward continues from where it stands, anything else resumes the nearest checkpoint and replays the source's
 * inputs as records of their own (`replayInputs`), so positions match the source's. Typing into `sandbox` makes it a
 * branch (the store's job).
 */
export class TimelineCursor {
  readonly source: Sandbox
  private current: Sandbox
  private readonly engine: EngineModule
  /** Checkpoint text by position, from the source's base on. */
  private readonly checkpoints = new Map<number, string>()

  constructor(engine: EngineModule, source: Sandbox) {
    this.engine = engine
    this.source = source
    const base = source.history().checkpoints[0]
    this.checkpoints.set(base.position, base.snapshot)
    this.current = this.resume(base.position)
  }

  /** The sandbox holding the world at the cursor (a new one after a jump back). */
  get sandbox(): Sandbox {
    return this.current
  }

  /** The earliest and latest positions the cursor can show. */
  range(): { start: number; end: number } {
    return { start: this.source.history().checkpoints[0].position, end: this.source.position() }
  }

  /** Puts the cursor's world at the state after input `position` of the source (clamped to its range). */
  moveTo(position: number): void {
    const { start, end } = this.range()
    const target = Math.max(start, Math.min(end, Math.round(position)))
    let nearest = start
    for (const p of this.checkpoints.keys()) if (p <= target && p > nearest) nearest = p
    const at = this.current.position()
    if (!(at <= target && at >= nearest)) this.current = this.resume(nearest)
    const history = this.source.history()
    const from = this.current.position()
    if (target > from) this.current.replayInputs(history.inputs.slice(from - history.offset, target - history.offset))
    for (const c of this.current.history().checkpoints) this.checkpoints.set(c.position, c.snapshot)
  }

  private resume(position: number): Sandbox {
    const text = this.checkpoints.get(position) as string
    return this.engine.createSandbox({ snapshot: JSON.parse(text), inputOffset: position, checkpoints: TIMELINE_CHECKPOINTS })
  }
}
