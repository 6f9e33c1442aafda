import { useActions, useApp } from '../state/context.tsx'
import { MetricsPanel } from './MetricsPanel.tsx'

/** The Metrics tab in the workspace: the panel on the app's current world and virtual time. */
export function MetricsTab() {
  const world = useApp((s) => s.world)
  const now = useApp((s) => s.now)
  const metricsTask = useApp((s) => s.metricsTask)
  const actions = useActions()
  if (!world) return <p className="panel-status">Starting the simulated account…</p>
  return <MetricsPanel world={world} now={now} taskArn={metricsTask} onShowServices={() => actions.openTaskMetrics(undefined)} />
}
