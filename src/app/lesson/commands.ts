import type { CommandRecord } from '../../course/index.ts'
import type { ConsoleEntry } from '../state/types.ts'

/** The console's transcript as the course's command records (what lastCommand / ranCommand goals read). */
export function commandRecords(log: readonly ConsoleEntry[]): CommandRecord[] {
  const records: CommandRecord[] = []
  for (const e of log) {
    if (e.input === undefined || e.pending || e.interrupted || e.note || !e.input.trim()) continue
    records.push({ seq: e.id, line: e.input, stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode })
  }
  return records
}
