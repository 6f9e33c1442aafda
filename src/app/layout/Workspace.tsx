import { Suspense, type ComponentType, type CSSProperties, type KeyboardEvent } from 'react'
import type { World } from '../../sandbox/index.ts'
import { ConsolePanel } from '../console/ConsolePanel.tsx'
import { PanelErrorBoundary } from '../errors/PanelErrorBoundary.tsx'
import { FilesPanel } from '../files/FilesPanel.tsx'
import { useActions, useApp } from '../state/context.tsx'
import type { BottomTab } from '../state/types.ts'
import { SIZE_LIMITS } from './layoutModel.ts'
import { Region } from './Region.tsx'
import { Splitter } from './Splitter.tsx'

export interface DiagramProps {
  world: Readonly<World>
  selectedId?: string
  onSelect(id: string | undefined): void
}
export interface InspectorProps {
  world: Readonly<World>
  selectedId?: string
}

/** The panels built in their own folders (src/app/diagram, inspector, lesson), passed in so tests can swap them. */
export interface Panels {
  Diagram: ComponentType<DiagramProps>
  Inspector: ComponentType<InspectorProps>
  Lesson: ComponentType<object>
}

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
  if (!world) return <Starting />
  return (
    <Suspense fallback={<Loading what="inspector" />}>
      <Inspector world={world} selectedId={selectedId} />
    </Suspense>
  )
}

const TABS: { id: BottomTab; title: string }[] = [
  { id: 'console', title: 'Console' },
  { id: 'files', title: 'Files' },
]

/** Console | Files tabs in one resizable region. Each tab's panel is its own landmark with its own boundary. */
function BottomRegion() {
  const tab = useApp((s) => s.layout.bottomTab)
  const collapsed = useApp((s) => s.layout.collapsed.console)
  const actions = useActions()
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + 1) % TABS.length].id
    actions.setBottomTab(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div className={`region region-bottom${collapsed ? ' is-collapsed' : ''}`}>
      <div className="region-header">
        <div role="tablist" aria-label="Console and files" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => {
                actions.setBottomTab(t.id)
                if (collapsed) actions.setCollapsed('console', false)
              }}
              onKeyDown={onTabKey}
            >
              {t.title}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="region-toggle"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} Console and Files`}
          title={`${collapsed ? 'Expand' : 'Collapse'} Console and Files`}
          onClick={() => actions.setCollapsed('console', !collapsed)}
        >
          {collapsed ? '+' : '−'}
        </button>
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          id={`tabpanel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          className="region-body"
          hidden={collapsed || tab !== t.id}
        >
          <section className={`tab-region region-${t.id}`} aria-labelledby={`${t.id}-heading`}>
            <h2 id={`${t.id}-heading`} className="visually-hidden">
              {t.title}
            </h2>
            <PanelErrorBoundary name={t.title}>{t.id === 'console' ? <ConsolePanel /> : <FilesPanel />}</PanelErrorBoundary>
          </section>
        </div>
      ))}
    </div>
  )
}

/** The page below the toolbar: lesson | (diagram over console/files) | inspector, all resizable and collapsible. */
export function Workspace({ panels }: { panels: Panels }) {
  const layout = useApp((s) => s.layout)
  const actions = useActions()
  const { collapsed } = layout
  const { Lesson } = panels

  const columns = [
    collapsed.lesson ? 'auto' : `${layout.lessonWidth}px`,
    'auto',
    'minmax(0, 1fr)',
    'auto',
    collapsed.inspector ? 'auto' : `${layout.inspectorWidth}px`,
  ].join(' ')
  const rows = [
    collapsed.diagram ? 'auto' : collapsed.console ? 'minmax(0, 1fr)' : `min(${layout.diagramHeight}px, calc(100% - 140px))`,
    'auto',
    collapsed.console ? 'auto' : 'minmax(0, 1fr)',
  ].join(' ')

  return (
    <div className="workspace" style={{ gridTemplateColumns: columns } as CSSProperties}>
      <Region id="lesson" title="Lesson" collapsed={collapsed.lesson} onCollapsedChange={(c) => actions.setCollapsed('lesson', c)}>
        <Suspense fallback={<Loading what="lesson" />}>
          <Lesson />
        </Suspense>
      </Region>
      {collapsed.lesson ? <div /> : (
        <Splitter
          label="Resize the lesson panel"
          orientation="vertical"
          direction={1}
          value={layout.lessonWidth}
          min={SIZE_LIMITS.lessonWidth.min}
          max={SIZE_LIMITS.lessonWidth.max}
          onChange={(v) => actions.setSize('lessonWidth', v)}
        />
      )}
      <div className="center" style={{ gridTemplateRows: rows }}>
        <Region id="diagram" title="Diagram" collapsed={collapsed.diagram} onCollapsedChange={(c) => actions.setCollapsed('diagram', c)}>
          <DiagramRegion Diagram={panels.Diagram} />
        </Region>
        {collapsed.diagram || collapsed.console ? <div /> : (
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
      {collapsed.inspector ? <div /> : (
        <Splitter
          label="Resize the inspector"
          orientation="vertical"
          direction={-1}
          value={layout.inspectorWidth}
          min={SIZE_LIMITS.inspectorWidth.min}
          max={SIZE_LIMITS.inspectorWidth.max}
          onChange={(v) => actions.setSize('inspectorWidth', v)}
        />
      )}
      <Region id="inspector" title="Inspector" collapsed={collapsed.inspector} onCollapsedChange={(c) => actions.setCollapsed('inspector', c)}>
        <InspectorRegion Inspector={panels.Inspector} />
      </Region>
    </div>
  )
}
