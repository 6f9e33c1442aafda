import type { World } from '../../sandbox/index.ts'
import type { CommandRecord } from '../goals/types.ts'
import type { LessonProgress } from './progress.ts'

/** "What you did" when a lesson is finished: read from the input log and the event log since the lesson started. */
export interface LessonSummary {
  /** Commands run since the lesson started (blank lines not counted). */
  commands: number
  failedCommands: number
  /** Resources created since the lesson started, by kind ("cluster", "task"), in the order first seen. */
  created: { kind: string; count: number }[]
  /** Virtual time that passed since the lesson started. */
  virtualMs: number
}

/** `AWS::ElasticLoadBalancingV2::TargetGroup` → "target group" (CloudFormation's type names, as the event log keeps them). */
export const resourceKind = (type: string): string =>
  (type.split('::').pop() ?? type)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()

export function summarize(p: LessonProgress, commands: readonly CommandRecord[], world: Readonly<World>, now: number): LessonSummary {
  const from = p.startMark ?? { command: 0, log: 0 }
  const ran = commands.filter((c) => c.seq > from.command && c.line.trim())
  const counts = new Map<string, number>()
  for (const entry of world.log?.entries ?? []) {
    if (entry.id < from.log) continue
    const kind = entry.kind === 'resource.created' || entry.kind === 'resource.registered' ? resourceKind(entry.type) : entry.kind === 'task.created' ? 'task' : undefined
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return {
    commands: ran.length,
    failedCommands: ran.filter((c) => c.exitCode !== 0).length,
    created: [...counts].map(([kind, count]) => ({ kind, count })),
    virtualMs: p.startedAt !== undefined ? Math.max(0, now - p.startedAt) : 0,
  }
}
