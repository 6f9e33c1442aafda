import type { ReactNode } from 'react'
import { PanelErrorBoundary } from '../errors/PanelErrorBoundary.tsx'

interface Props {
  id: string
  title: string
  collapsed: boolean
  onCollapsedChange(collapsed: boolean): void
  /** Extra controls in the header, right of the heading. */
  actions?: ReactNode
  className?: string
  /** Shown on the folded rail instead of nothing (e.g. why the region folded itself away). */
  foldedNote?: string
  children: ReactNode
}

/**
 * One region of the page: a landmark (`<section>` named by its `<h2>`) with a collapse toggle and its own
 * error boundary. A collapsed region keeps its content mounted (hidden), so editors keep their state.
 */
export function Region({ id, title, collapsed, onCollapsedChange, actions, className, foldedNote, children }: Props) {
  const headingId = `${id}-heading`
  const bodyId = `${id}-body`
  return (
    <section
      className={`region region-${id}${collapsed ? ' is-collapsed' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      data-region={id}
      id={`region-${id}`}
    >
      <header className="region-header">
        <h2 id={headingId}>{title}</h2>
        {collapsed && foldedNote && <span className="region-folded-note">{foldedNote}</span>}
        {!collapsed && actions}
        <button
          type="button"
          className="region-toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
          title={`${collapsed ? 'Expand' : 'Collapse'} ${title}`}
          onClick={() => onCollapsedChange(!collapsed)}
        >
          <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
        </button>
      </header>
      <div className="region-body" id={bodyId} hidden={collapsed}>
        <PanelErrorBoundary name={title}>{children}</PanelErrorBoundary>
      </div>
    </section>
  )
}
