import type { Checkpoint, CheckpointPolicy, InputRecord, SandboxHistory } from './types.ts'

/**
 * Checkpoints are kept so that going back costs a bounded replay, and few enough that taking them stays a small
 * part of the work. One unit of work is about one command's replay; `workPerChange` log entries or scheduled timers
 * count as one more. Figures behind the defaults (`npm run bench`): a command replays in ~0.5 ms; a checkpoint (the
 * state as JSON text) costs ~5 ms per MB of it: ~20 ms and ~4.5 MB with 1,000 Fargate tasks, ~40 ms and ~8.5 MB in
 * the hour of 1,000 EC2 tasks on 120 instances (autoscaling.bench). So a checkpoint is due after 200 units (a rewind
 * near 100 ms), or after `workPerMegabyte` units per MB of the newest checkpoint when that is more: a checkpoint then
 * costs at most about a fifth of the work since the one before, however large the world grows (in the EC2
 * hour: three checkpoints instead of four; a rewind replays at most ~8 MB × 50 units ≈ 200 ms).
 */
export const DEFAULT_CHECKPOINT_POLICY: Required<CheckpointPolicy> = { work: 200, keep: 3, workPerChange: 32, workPerMegabyte: 50 }

/**
 * The sandbox's input log: every input in order, plain data, and checkpoints (the whole state as JSON text, taken
 * now and then) to resume from. The first checkpoint is where the log starts and is always kept; later ones are
 * thinned when there are more than `keep`, dropping the one whose neighbours are closest (recent ones stay dense).
 */
export class InputLog {
  private readonly inputs: InputRecord[] = []
  private readonly checkpoints: Checkpoint[]
  /** Position of `inputs[0]`: how many inputs came before the base checkpoint (a resumed session keeps counting). */
  readonly offset: number
  /** Work since the newest checkpoint. */
  work = 0
  private readonly policy: Required<CheckpointPolicy>

  constructor(base: string, offset: number, policy: CheckpointPolicy = {}) {
    this.offset = offset
    this.checkpoints = [{ position: offset, snapshot: base }]
    this.policy = { ...DEFAULT_CHECKPOINT_POLICY, ...policy }
  }

  /** Position after the newest input. */
  get end(): number {
    return this.offset + this.inputs.length
  }

  /** Records an input; consecutive clock moves share one record (a playing clock advances every frame). */
  append(input: InputRecord, changes: number, coalesce: boolean): void {
    const last = this.inputs.at(-1)
    const newest = this.checkpoints[this.checkpoints.length - 1]
    if (coalesce && input.kind === 'advance' && last?.kind === 'advance' && newest.position < this.end) last.ms.push(...input.ms)
    else this.inputs.push(input)
    // A clock step with nothing due replays in microseconds; a playing clock records one every frame.
    this.work += this.cost(input.kind === 'advance' ? 1 / 64 : 1, changes)
  }

  private cost(inputs: number, changes: number): number {
    return inputs + changes / this.policy.workPerChange
  }

  /** True when enough work has passed since the newest checkpoint that replaying it would cost well more than a new one. */
  due(): boolean {
    if (this.policy.work <= 0) return false
    // The newest checkpoint's length in characters stands for the next one's cost: the state grows slowly.
    const megabytes = this.checkpoints[this.checkpoints.length - 1].snapshot.length / 2 ** 20
    return this.work >= Math.max(this.policy.work, this.policy.workPerMegabyte * megabytes)
  }

  addCheckpoint(snapshot: string): void {
    const newest = this.checkpoints[this.checkpoints.length - 1]
    if (newest.position === this.end) return
    this.checkpoints.push({ position: this.end, snapshot })
    this.work = 0
    while (this.checkpoints.length > this.policy.keep + 1) this.thin()
  }

  private thin(): void {
    let drop = 1
    let narrowest = Infinity
    // Never the base (index 0) nor the newest (the cheapest to resume for undo).
    for (let i = 1; i < this.checkpoints.length - 1; i++) {
      const gap = this.checkpoints[i + 1].position - this.checkpoints[i - 1].position
      if (gap < narrowest) {
        narrowest = gap
        drop = i
      }
    }
    this.checkpoints.splice(drop, 1)
  }

  /** The newest checkpoint at or before `position`, and the inputs from it up to `position`. */
  resumeFrom(position: number): { checkpoint: Checkpoint; inputs: InputRecord[] } {
    if (!Number.isInteger(position) || position < this.offset || position > this.end)
      throw new RangeError(`rewind(${position}): the input log holds positions ${this.offset} to ${this.end}`)
    let checkpoint = this.checkpoints[0]
    for (const c of this.checkpoints) if (c.position <= position) checkpoint = c
    return { checkpoint, inputs: this.inputs.slice(checkpoint.position - this.offset, position - this.offset) }
  }

  /** Forgets the inputs after `position` and the checkpoints taken after it; `replayed` inputs made `changes` since the newest kept. */
  truncate(position: number, replayed: number, changes: number): void {
    this.inputs.length = position - this.offset
    while (this.checkpoints.length > 1 && this.checkpoints[this.checkpoints.length - 1].position > position) this.checkpoints.pop()
    this.work = this.cost(replayed, changes)
  }

  history(): SandboxHistory {
    return { offset: this.offset, inputs: this.inputs, checkpoints: this.checkpoints }
  }
}
