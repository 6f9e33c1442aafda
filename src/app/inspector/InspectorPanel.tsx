import { useMemo } from 'react'
import './inspector.css'
import type { World } from '../../sandbox/index.ts'
import type { HostFiles } from '../../sandbox/views.ts'
import { ContainerList } from './ContainerList.tsx'
import { CopyButton } from './CopyButton.tsx'
import { DOCKER_CONTAINER } from './dockerFinder.ts'
import { FieldTree } from './FieldTree.tsx'
import { findResource } from './findResource.ts'
import { LayerMicroscope } from './LayerMicroscope.tsx'
import { historyOf } from './serviceFinders.ts'
import { StateHistory } from './StateHistory.tsx'

export interface InspectorPanelProps {
  world: Readonly<World>
  selectedId?: string
  /** Selects a resource (the workstation's containers are chosen here: the diagram draws only AWS). */
  onSelect?(id: string | undefined): void
  /** The working folder as the Docker engine sees it (bind mounts); an empty folder when not given. */
  host?: HostFiles
  /** Opens the Metrics tab on a task's own CPU and memory: offered when the selection is a task. */
  onOpenMetrics?(taskArn: string): void
}

const NO_FILES: HostFiles = { read: () => undefined, list: () => [], write: () => {}, remove: () => false }

/**
 * The scroll box is in the Tab order (a keyboard user scrolls long field lists with the arrow keys, WCAG 2.1.1)
 * and named, so the focus announces what it landed on.
 */
const SCROLL_BOX = { className: 'cs-inspector', tabIndex: 0, role: 'group', 'aria-label': 'Inspector details' } as const

/** The selected resource's fields, and the command that prints them in the console. */
export function InspectorPanel({ world, selectedId, onSelect, host = NO_FILES, onOpenMetrics }: InspectorPanelProps) {
  const found = useMemo(() => (selectedId === undefined ? undefined : findResource(world, selectedId)), [world, selectedId])

  if (selectedId === undefined) {
    return (
      <div {...SCROLL_BOX}>
        <p className="cs-inspector-empty">Select a resource in the diagram to see its fields here.</p>
        {onSelect && <ContainerList world={world} onSelect={onSelect} />}
      </div>
    )
  }
  if (!found) {
    return (
      <div {...SCROLL_BOX}>
        <p className="cs-inspector-empty">
          <code>{selectedId}</code> no longer exists. Select another resource in the diagram.
        </p>
        {onSelect && <ContainerList world={world} onSelect={onSelect} />}
      </div>
    )
  }
  return (
    <div {...SCROLL_BOX}>
      <header className="cs-inspector-header">
        <h3 className="cs-inspector-title">
          <span className="cs-inspector-kind">{found.kind}</span> {found.title}
        </h3>
        {found.title !== found.id && <div className="cs-inspector-id">{found.resourceId ?? found.id}</div>}
      </header>
      <section className="cs-inspector-command" aria-label="Describe command">
        <pre>
          <code>{found.describeCommand}</code>
        </pre>
        <CopyButton text={found.describeCommand} label="Copy command" />
      </section>
      {found.kind === 'Task' && onOpenMetrics && (
        <button type="button" className="cs-inspector-metrics" onClick={() => onOpenMetrics(found.id)}>
          Open its metrics
        </button>
      )}
      {found.facts && found.facts.length > 0 && (
        <dl className="cs-inspector-facts" aria-label="Key facts">
          {found.facts.map(([label, value]) => (
            <div key={label + value} className="cs-inspector-fact">
              <dt>{label}</dt>
              <dd>
                <code>{value}</code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {found.kind === DOCKER_CONTAINER && <LayerMicroscope world={world} host={host} containerId={found.id} />}
      {found.kind === DOCKER_CONTAINER && onSelect && (
        <button type="button" className="cs-inspector-back" onClick={() => onSelect(undefined)}>
          All containers
        </button>
      )}
      <StateHistory entries={historyOf(world, found)} world={world} />
      <FieldTree key={found.id} value={found.data} label={`Fields of ${found.id}`} />
    </div>
  )
}

export default InspectorPanel
