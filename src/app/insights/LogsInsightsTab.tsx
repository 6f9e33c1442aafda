import { useApp } from '../state/context.tsx'
import { LogsInsightsPanel } from './LogsInsightsPanel.tsx'

/** The Logs Insights tab (a lazily loaded chunk with the query engine's view): the panel on the app's world and time. */
export default function LogsInsightsTab() {
  const world = useApp((s) => s.world)
  const now = useApp((s) => s.now)
  if (!world) return <p className="panel-status">Starting the simulated account…</p>
  return <LogsInsightsPanel world={world} now={now} />
}
