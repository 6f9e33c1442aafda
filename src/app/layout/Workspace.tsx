import { lazy, Suspense, useMemo, useState, type ComponentType, type CSSProperties } from 'react'
import type { World } from '../../sandbox/index.ts'
import { dockerContainers, type HostFiles } from '../../sandbox/views.ts'
import { ConsolePanel } from '../console/ConsolePanel.tsx'
import { FilesPanel } from '../files/FilesPanel.tsx'
import { useActions, useApp } from '../state/context.tsx'
import type { BottomTab } from '../state/types.ts'
import { SIZE_LIMITS } from './layoutModel.ts'
import { Region } from './Region.tsx'
import { Splitter } from './Splitter.tsx'
import { TabbedRegion } from './TabbedRegion.tsx'
import { useCompactLayout } from './useCompactLayout.ts'

export interface DiagramProps {
  world: Readonly<World>
  selectedId?: string
  onSelect(id: string | undefined): void
}
export interface InspectorProps {
  world: Readonly<World>
  selectedId?: string
  onSelect?(id: string | undefined): void
  host?: HostFiles
  /** Opens the Metrics tab on a task (the inspector offers it for a selected task). */
  onOpenMetrics?(taskArn: string): void
}

/** The panels built in their own folders (src/app/diagram, inspector, lesson), passed in so tests can swap them. */
export interface Panels {
  Diagram: ComponentType<DiagramProps>
  Inspector: ComponentType<InspectorProps>
  Lesson: ComponentType<object>
}

// The Insights tabs bring their charts, the metrics and query views and an editor: chunks of their own, loaded when
// a tab opens (neither is the first screen's).
const MetricsTab = lazy(() => import('../insights/MetricsTab.tsx').then((m) => ({ default: m.MetricsTab })))
const LogsInsightsTab = lazy(() => import('../insights/LogsInsightsTab.tsx'))

const STARTING = 'Starting the simulated account…'

function Starting() {
  return <p className="panel-status">{STARTING}</p>
}

function Loading({ what }: { what: string }) {
  return <p className="panel-status">Loading the {what}…</p>
}

function DiagramRegion({ Diagram }: { Diagram: Panels['Diagram'] }) {
  const world = useApp((s) => s.world)
  const selectedId = useApp((s) => s.selectedId)
  const actions = useActions()
  if (!world) return <Starting />
  return (
    <Suspense fallback={<Loading what="diagram" />}>
      <Diagram world={world} selectedId={selectedId} onSelect={actions.select} />
    </Suspense>
  )
}

function InspectorRegion({ Inspector }: { Inspector: Panels['Inspector'] }) {
  const world = useApp((s) => s.world)
  const selectedId = useApp((s) => s.selectedId)
  const files = useApp((s) => s.files)
  const revision = useApp((s) => s.revision)
  const actions = useActions()
  // The working folder as the Docker engine reads it (bind mounts in the layer microscope); new with every publication.
  const host = useMemo<HostFiles>(() => ({ read: actions.readFile, list: () => files, write: () => {}, remove: () => false }), [actions, files, revision]) // eslint-disable-line react-hooks/exhaustive-deps
  if (!world) return <Starting />
  return (
    <Suspense fallback={<Loading what="inspector" />}>
      <Inspector world={world} selectedId={selectedId} onSelect={actions.select} host={host} onOpenMetrics={actions.openTaskMetrics} />
    </Suspense>
  )
}

const BOTTOM_TABS = [
  { id: 'console', title: 'Console', content: <ConsolePanel /> },
  { id: 'files', title: 'Files', content: <FilesPanel /> },
  {
    id: 'metrics',
    title: 'Metrics',
    content: (
      <Suspense fallback={<Loading what="Metrics" />}>
        <MetricsTab />
      </Suspense>
    ),
  },
  {
    id: 'logs',
    title: 'Logs Insights',
    content: (
      <Suspense fallback={<Loading what="Logs Insights" />}>
        <LogsInsightsTab />
      </Suspense>
    ),
  },
] as const satisfies readonly { id: BottomTab; title: string; content: unknown }[]

/** Console | Files | Metrics | Logs Insights tabs in one resizable region. */
function BottomRegion() {
  const tab = useApp((s) => s.layout.bottomTab)
  const collapsed = useApp((s) => s.layout.collapsed.console)
  const actions = useActions()
  return (
    <TabbedRegion
      label="Console and Files"
      region="console"
      className="region-bottom"
      tabs={BOTTOM_TABS}
      selected={tab}
      onSelect={actions.setBottomTab}
      collapsed={collapsed}
      onCollapsedChange={(c) => actions.setCollapsed('console', c)}
    />
  )
}

type SideTab = 'lesson' | 'inspector'

/**
 * Narrow screens (a projector at 150 % zoom is 853 CSS px wide): the lesson and the inspector share one column
 * as tabs. Selecting a resource in the diagram brings the Inspector tab forward; the Lesson tab is one click away.
 */
function SideRegion({ panels }: { panels: Panels }) {
  const selectedId = useApp((s) => s.selectedId)
  const collapsed = useApp((s) => s.layout.collapsed.lesson)
  const actions = useActions()
  const [tab, setTab] = useState<SideTab>('lesson')
  const [shownFor, setShownFor] = useState(selectedId)
  // A new selection brings the inspector forward (adjusting state during render, React's documented pattern).
  if (shownFor !== selectedId) {
    setShownFor(selectedId)
    if (selectedId !== undefined) setTab('inspector')
  }
  const { Lesson } = panels
  const tabs = [
    {
      id: 'lesson',
      title: 'Lesson',
      content: (
        <Suspense fallback={<Loading what="lesson" />}>
          <Lesson />
        </Suspense>
      ),
    },
    { id: 'inspector', title: 'Inspector', content: <InspectorRegion Inspector={panels.Inspector} /> },
  ] as const
  return (
    <TabbedRegion<SideTab>
      label="Lesson and Inspector"
      region="lesson"
      className="region-side"
      tabs={tabs}
      selected={tab}
      onSelect={setTab}
      collapsed={collapsed}
      onCollapsedChange={(c) => actions.setCollapsed('lesson', c)}
    />
  )
}

/**
 * The inspector folds itself away while nothing is selected (an empty column helps nobody) and opens when
 * something is, or while the workstation has Docker containers (the diagram draws only AWS, so the inspector's list
 * is where a learner opens a container's layer stack). A learner's own Collapse/Expand wins: expanding it while empty
 * keeps it open until they collapse it again.
 */
function useInspectorFold(): { folded: boolean; setFolded(folded: boolean): void } {
  const selectedId = useApp((s) => s.selectedId)
  const collapsedByLearner = useApp((s) => s.layout.collapsed.inspector)
  const actions = useActions()
  const hasContainers = useApp((s) => (s.world ? dockerContainers(s.world).length > 0 : false))
  const [openedEmpty, setOpenedEmpty] = useState(false)
  const folded = collapsedByLearner || (selectedId === undefined && !openedEmpty && !hasContainers)
  return {
    folded,
    setFolded(next) {
      setOpenedEmpty(!next && selectedId === undefined)
      actions.setCollapsed('inspector', next)
    },
  }
}

/** The rows of the middle column: the diagram gets what the console's minimum leaves it. */
function centerRows(layout: { diagramHeight: number; collapsed: { diagram: boolean; console: boolean } }): string {
  const { collapsed } = layout
  // The console keeps its tabs, its command line and a few lines of output (about 9.5em) whatever the sizes.
  const diagram = collapsed.diagram
    ? 'auto'
    : collapsed.console
      ? 'minmax(0, 1fr)'
      : `minmax(0, min(${layout.diagramHeight}px, calc(100% - 6px - max(128px, 9.5rem))))`
  return [diagram, 'auto', collapsed.console ? 'auto' : 'minmax(0, 1fr)'].join(' ')
}

/**
 * The page below the toolbar: lesson | (diagram over console/files) | inspector, all resizable and collapsible.
 * Below COMPACT_MAX_WIDTH the lesson and inspector become tabs of one side column.
 */
export function Workspace({ panels }: { panels: Panels }) {
  const layout = useApp((s) => s.layout)
  const actions = useActions()
  const compact = useCompactLayout()
  const inspector = useInspectorFold()
  const { collapsed } = layout
  const { Lesson } = panels

  const sideWidth = collapsed.lesson ? 'auto' : compact ? `min(${layout.lessonWidth}px, 38vw)` : `${layout.lessonWidth}px`
  const columns = compact
    ? [sideWidth, 'auto', 'minmax(0, 1fr)']
    : [sideWidth, 'auto', 'minmax(0, 1fr)', 'auto', inspector.folded ? 'auto' : `${layout.inspectorWidth}px`]

  const lessonSplitter = collapsed.lesson ? (
    <div />
  ) : (
    <Splitter
      label="Resize the lesson panel"
      orientation="vertical"
      direction={1}
      value={layout.lessonWidth}
      min={SIZE_LIMITS.lessonWidth.min}
      max={SIZE_LIMITS.lessonWidth.max}
      onChange={(v) => actions.setSize('lessonWidth', v)}
    />
  )

  return (
    <div className={`workspace${compact ? ' is-compact' : ''}`} style={{ gridTemplateColumns: columns.join(' ') } as CSSProperties}>
      {compact ? (
        <SideRegion panels={panels} />
      ) : (
        <Region id="lesson" title="Lesson" collapsed={collapsed.lesson} onCollapsedChange={(c) => actions.setCollapsed('lesson', c)}>
          <Suspense fallback={<Loading what="lesson" />}>
            <Lesson />
          </Suspense>
        </Region>
      )}
      {lessonSplitter}
      <div className="center" style={{ gridTemplateRows: centerRows(layout) }}>
        <Region id="diagram" title="Diagram" collapsed={collapsed.diagram} onCollapsedChange={(c) => actions.setCollapsed('diagram', c)}>
          <DiagramRegion Diagram={panels.Diagram} />
        </Region>
        {collapsed.diagram || collapsed.console ? (
          <div />
        ) : (
          <Splitter
            label="Resize the diagram"
            orientation="horizontal"
            direction={1}
            value={layout.diagramHeight}
            min={SIZE_LIMITS.diagramHeight.min}
            max={SIZE_LIMITS.diagramHeight.max}
            onChange={(v) => actions.setSize('diagramHeight', v)}
          />
        )}
        <BottomRegion />
      </div>
      {!compact && (inspector.folded ? (
        <div />
      ) : (
        <Splitter
          label="Resize the inspector"
          orientation="vertical"
          direction={-1}
          value={layout.inspectorWidth}
          min={SIZE_LIMITS.inspectorWidth.min}
          max={SIZE_LIMITS.inspectorWidth.max}
          onChange={(v) => actions.setSize('inspectorWidth', v)}
        />
      ))}
      {!compact && (
        <Region
          id="inspector"
          title="Inspector"
          collapsed={inspector.folded}
          onCollapsedChange={inspector.setFolded}
          foldedNote={collapsed.inspector ? undefined : 'Select a resource to inspect it'}
        >
          <InspectorRegion Inspector={panels.Inspector} />
        </Region>
      )}
    </div>
  )
}
