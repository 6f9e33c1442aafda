import { useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { resultColumns, type ResultRow } from './queryResults.ts'

/** Rows drawn at once without windowing; longer answers (up to StartQuery's 10,000) draw only what is in view. */
const PLAIN_ROWS = 200
const ROW_HEIGHT = 26

/**
 * A Logs Insights answer as a table: a column per field (first seen first), a row per result. Long answers are
 * windowed: only the rows in view are in the DOM, with the table's row count and each row's index announced
 * (aria-rowcount / aria-rowindex) so a screen reader still knows where it is.
 */
export function ResultsTable({ rows, caption }: { rows: readonly ResultRow[]; caption: string }) {
  const scroller = useRef<HTMLDivElement>(null)
  const columns = resultColumns(rows)
  const windowed = rows.length > PLAIN_ROWS
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions that must not be memoised; read fresh each render.
  const virtualizer = useVirtualizer({ count: windowed ? rows.length : 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const items = windowed ? virtualizer.getVirtualItems() : rows.map((_, index) => ({ index, start: index * ROW_HEIGHT }))
  const before = windowed && items.length ? items[0].start : 0
  const after = windowed && items.length ? virtualizer.getTotalSize() - items[items.length - 1].start - ROW_HEIGHT : 0
  return (
    // The scroller is a keyboard stop so a long answer can be scrolled without a mouse (axe scrollable-region-focusable).
    <div ref={scroller} className="insights-results" tabIndex={0} role="region" aria-label={caption}>
      <table aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">#</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
          {items.map(({ index }) => {
            const values = new Map(rows[index].map((c) => [c.field, c.value]))
            return (
              <tr key={index} aria-rowindex={index + 2} style={windowed ? { height: ROW_HEIGHT } : undefined}>
                <th scope="row">{index + 1}</th>
                {columns.map((c) => (
                  <td key={c}>{values.get(c) ?? ''}</td>
                ))}
              </tr>
            )
          })}
          {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
        </tbody>
      </table>
    </div>
  )
}
