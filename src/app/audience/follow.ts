import type { InputRecord, Sandbox } from '../../sandbox/types.ts'

/**
 * How much of the presenter's input log an audience sandbox has applied, in the presenter's positions: every record
 * before `done`, and of record `done - 1`, when it is a clock move, its first `lastMs` steps (it may still grow).
 */
export interface Followed {
  done: number
  lastMs: number
}

/** After a whole session was replayed from `offset`: every one of `inputs` is applied. */
export function followedAfter(offset: number, inputs: readonly InputRecord[]): Followed {
  const last = inputs.at(-1)
  return { done: offset + inputs.length, lastMs: last?.kind === 'advance' ? last.ms.length : -1 }
}

function apply(sandbox: Sandbox, input: InputRecord, fromMs = 0): void {
  if (input.kind === 'exec') sandbox.exec(input.line)
  else if (input.kind === 'advance') for (const ms of input.ms.slice(fromMs)) sandbox.advance(ms)
  else if (input.kind === 'write') sandbox.files.write(input.path, input.text)
  else sandbox.files.remove(input.path)
}

/**
 * Applies the presenter's inputs from position `from` that `sandbox` has not applied yet. The sandbox's own record
 * boundaries may differ (where its checkpoints fall decides when clock moves share a record); what it runs, in order,
 * is the same, and so is its world. Returns the new state, or undefined when `from` leaves a gap (a message was
 * missed): the audience then asks for the whole session.
 */
export function followInputs(sandbox: Sandbox, followed: Followed, from: number, inputs: readonly InputRecord[]): Followed | undefined {
  let { done, lastMs } = followed
  for (let i = 0; i < inputs.length; i++) {
    const position = from + i
    const input = inputs[i]
    if (position < done - 1) continue
    if (position === done - 1) {
      if (input.kind === 'advance' && lastMs >= 0 && input.ms.length > lastMs) {
        apply(sandbox, input, lastMs)
        lastMs = input.ms.length
      }
      continue
    }
    if (position > done) return undefined
    apply(sandbox, input)
    done += 1
    lastMs = input.kind === 'advance' ? input.ms.length : -1
  }
  return { done, lastMs }
}
