import { useActions, useApp } from '../state/context.tsx'
import { LogsInsightsPanel } from './LogsInsightsPanel.tsx'

/**
 * The Logs Insights tab (a lazily loaded chunk with the query engine's view): the panel on the app's world and time.
 * Log events are an append-only stream that moves no slice version (src/sim/logs/README.md), so the published copy
 * of the world keeps the events it had when the logs slice last changed; queries read the live sandbox's world
 * instead (read-only), except while the timeline shows an earlier moment, when they read that moment's world.
 */
export default function LogsInsightsTab() {
  const world = useApp((s) => s.world)
  const now = useApp((s) => s.now)
  const scrubbing = useApp((s) => s.scrub !== undefined)
  const actions = useActions()
  if (!world) return <p className="panel-status">Starting the simulated account…</p>
  const live = scrubbing ? undefined : actions.liveSandbox()
  return <LogsInsightsPanel world={live?.world() ?? world} now={live?.now() ?? now} />
}
