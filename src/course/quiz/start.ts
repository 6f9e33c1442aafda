import { createSandbox } from '../../sandbox/createSandbox.ts'
import type { CheckpointPolicy, InputRecord, Sandbox } from '../../sandbox/types.ts'
import type { Mark } from '../goals/types.ts'
import { runItems } from './grade.ts'
import type { SandboxStart } from './types.ts'

/** A sandbox question's own world: the default world from the question's seed, its files, its setup; and where the learner's part starts. */
export interface QuestionWorld {
  sandbox: Sandbox
  /** Inputs and log entries before this are the setup's, not the learner's. */
  since: Mark
}

export function startQuestion(q: SandboxStart & { seed: number }, checkpoints?: CheckpointPolicy): QuestionWorld {
  const sandbox = createSandbox({ seed: q.seed, ...(checkpoints ? { checkpoints } : {}) })
  for (const [path, text] of Object.entries(q.files)) sandbox.files.write(path, text)
  runItems(sandbox, q.setup)
  return { sandbox, since: { command: sandbox.position(), log: sandbox.world().log.nextId } }
}

/**
 * One input of a learner's log as the result code keeps it: a command line, a clock move (consecutive moves summed —
 * a playing clock moves every frame, and the scheduler runs what is due in the same order either way), a file write
 * or removal.
 */
export type LogItem = string | number | ['w', string, string] | ['r', string]

export function logItems(inputs: readonly InputRecord[]): LogItem[] {
  const out: LogItem[] = []
  for (const input of inputs) {
    if (input.kind === 'exec') out.push(input.line)
    else if (input.kind === 'advance') {
      const ms = input.ms.reduce((a, b) => a + b, 0)
      if (typeof out.at(-1) === 'number') out[out.length - 1] = (out.at(-1) as number) + ms
      else out.push(ms)
    } else if (input.kind === 'write') out.push(['w', input.path, input.text])
    else out.push(['r', input.path])
  }
  return out
}

/** Replays a learner's log on a question's world; returns each command's output, in order. */
export function replayLog(sandbox: Sandbox, items: readonly LogItem[]): string[] {
  const outputs: string[] = []
  for (const item of items) {
    if (typeof item === 'string') {
      const r = sandbox.exec(item)
      outputs.push(outputText(r.stdout, r.stderr, r.exitCode))
    } else if (typeof item === 'number') sandbox.advance(item)
    else if (item[0] === 'w') sandbox.files.write(item[1], item[2])
    else sandbox.files.remove(item[1])
  }
  return outputs
}

export const outputText = (stdout: string, stderr: string, exitCode: number) => `${exitCode}\u0000${stdout}\u0000${stderr}`

/** The outputs the learner saw after the setup, from the sandbox's input log. */
export function outputsSince(sandbox: Sandbox, since: Mark): string[] {
  const { offset, inputs } = sandbox.history()
  return inputs.slice(Math.max(0, since.command - offset)).flatMap((i) => (i.kind === 'exec' ? [outputText(i.stdout, i.stderr, i.exitCode)] : []))
}
