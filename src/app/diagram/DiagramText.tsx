import { memo, useMemo } from 'react'
import type { DiagramGraph, DiagramNode } from './types.ts'

export interface DiagramTextProps {
  graph: DiagramGraph
  selectedId?: string
  onSelect(id: string | undefined): void
}

/** The same graph as a nested list: for screen readers, keyboard users and copy-paste. */
function DiagramTextView({ graph, selectedId, onSelect }: DiagramTextProps) {
  const children = useMemo(() => {
    const ids = new Set(graph.nodes.map((n) => n.id))
    const map = new Map<string, DiagramNode[]>()
    for (const n of graph.nodes) {
      const parent = n.parentId !== undefined && ids.has(n.parentId) ? n.parentId : ''
      map.set(parent, [...(map.get(parent) ?? []), n])
    }
    return map
  }, [graph])

  const renderList = (parent: string, label?: string) => {
    const kids = children.get(parent)
    if (!kids) return null
    return (
      <ul aria-label={label}>
        {kids.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="cs-diagram-text-item"
              aria-current={n.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(n.id)}
            >
              {n.data.ariaLabel}
            </button>
            {renderList(n.id)}
          </li>
        ))}
      </ul>
    )
  }

  return (
    <div className="cs-diagram-text">
      {renderList('', 'Diagram as text')}
      {graph.edges.length > 0 && (
        <>
          <h3 className="cs-diagram-text-heading">Connections</h3>
          <ul aria-label="Connections">
            {graph.edges.map((e) => (
              <li key={e.id}>{e.data?.relation ?? `${e.source} → ${e.target}`}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

export const DiagramText = memo(DiagramTextView)
