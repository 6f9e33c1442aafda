import { lazy, Suspense, useMemo } from 'react'
import type { Sandbox } from '../../sandbox/types.ts'
import { projectWorld } from '../state/projection.ts'

const DiagramPanel = lazy(() => import('../diagram/DiagramPanel.tsx'))

/**
 * A "click the part" question's world in the app's own diagram (the same component, nodes and selection as the
 * workspace's), over the question's sandbox; the selection is the learner's answer. The diagram's text view lets a
 * keyboard or screen-reader user select just the same.
 */
export function PickDiagram({ sandbox, selectedId, onSelect }: { sandbox: Sandbox; selectedId?: string; onSelect(id: string | undefined): void }) {
  // The question's world does not move while it is shown (no console, no clock), so one projection serves.
  const world = useMemo(() => projectWorld(sandbox.world(), undefined), [sandbox])
  return (
    <div className="quiz-pick-diagram">
      <Suspense fallback={<p role="status">Loading the diagram…</p>}>
        <DiagramPanel world={world} selectedId={selectedId} onSelect={onSelect} />
      </Suspense>
    </div>
  )
}
