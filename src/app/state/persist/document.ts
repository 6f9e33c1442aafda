import type { SandboxHistory } from '../../../sandbox/types.ts'
import { PERSIST_VERSION, type PersistedState } from './migrations.ts'

/**
 * The stored document as text, without serialising the world again: the sandbox's newest checkpoint is already
 * its JSON text, so saving costs the inputs since it plus the app's own small state (a full snapshot of 1,000 tasks
 * took ~90 ms to copy and serialise; this takes well under a millisecond). Loading resumes the checkpoint and
 * replays the inputs (createSandbox({ snapshot, inputs, inputOffset })).
 */
export function persistedText(history: SandboxHistory, rest: Pick<PersistedState, 'log' | 'history' | 'layout' | 'clock'>): string {
  const newest = history.checkpoints[history.checkpoints.length - 1]
  const inputs = history.inputs.slice(newest.position - history.offset)
  const tail = JSON.stringify({ inputOffset: newest.position, inputs, ...rest })
  return `{"version":${PERSIST_VERSION},"sandbox":${newest.snapshot},${tail.slice(1)}`
}
