import { lazy } from 'react'
import { InspectorPanel } from './inspector/index.ts'
import { LessonPanel } from './lesson/index.ts'
import type { Panels } from './layout/Workspace.tsx'

/**
 * The panels built in their own folders. React Flow is heavy, so the diagram is its own lazily loaded
 * chunk; the inspector and the lesson (the welcome page is the first thing a learner reads) are small.
 */
export const panels: Panels = {
  Diagram: lazy(() => import('./diagram/DiagramPanel.tsx')),
  Inspector: InspectorPanel,
  Lesson: LessonPanel,
}
