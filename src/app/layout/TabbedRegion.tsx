import type { KeyboardEvent, ReactNode } from 'react'
import { PanelErrorBoundary } from '../errors/PanelErrorBoundary.tsx'

export interface RegionTab<Id extends string> {
  id: Id
  title: string
  content: ReactNode
}

interface Props<Id extends string> {
  /** Names the group: "Console and Files". */
  label: string
  /** `data-region` for F6 and the skip links. */
  region: string
  className?: string
  tabs: readonly RegionTab<Id>[]
  selected: Id
  onSelect(id: Id): void
  collapsed: boolean
  onCollapsedChange(collapsed: boolean): void
}

/**
 * Several panels sharing one place, as WAI-ARIA tabs (arrow keys move between tabs). Each tab's panel is its own
 * landmark named by its own heading, with its own error boundary; hidden panels stay mounted.
 */
export function TabbedRegion<Id extends string>({ label, region, className, tabs, selected, onSelect, collapsed, onCollapsedChange }: Props<Id>) {
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const by = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (by === 0) return
    e.preventDefault()
    const next = tabs[(tabs.findIndex((t) => t.id === selected) + by + tabs.length) % tabs.length].id
    onSelect(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  return (
    <div className={`region region-tabbed${className ? ` ${className}` : ''}${collapsed ? ' is-collapsed' : ''}`} data-region={region} id={`region-${region}`}>
      <div className="region-header">
        <div role="tablist" aria-label={label} className="tabs">
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={selected === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={selected === t.id ? 0 : -1}
              onClick={() => {
                onSelect(t.id)
                if (collapsed) onCollapsedChange(false)
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
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${label}`}
          title={`${collapsed ? 'Expand' : 'Collapse'} ${label}`}
          onClick={() => onCollapsedChange(!collapsed)}
        >
          <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
        </button>
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          id={`tabpanel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          className="region-body"
          hidden={collapsed || selected !== t.id}
        >
          <section className={`tab-region region-${t.id}`} aria-labelledby={`${t.id}-heading`}>
            <h2 id={`${t.id}-heading`} className="visually-hidden">
              {t.title}
            </h2>
            <PanelErrorBoundary name={t.title}>{t.content}</PanelErrorBoundary>
          </section>
        </div>
      ))}
    </div>
  )
}
