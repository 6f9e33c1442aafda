import { useEffect, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useApp } from '../state/context.tsx'
import { rowsOfLog, type LogRow } from './logRows.ts'

const ROW_HEIGHT = 18

function Row({ row }: { row: LogRow }) {
  const select = useApp((s) => s.select)
  if (row.stream === 'hint') {
    const [first] = row.highlight ?? []
    return (
      <>
        <span className="log-hint-label">Hint: </span>
        <span className="log-text">{row.text}</span>
        {first !== undefined && (
          <button type="button" className="log-hint-show" onClick={() => select(first)}>
            Show in diagram
          </button>
        )}
      </>
    )
  }
  return (
    <>
      <span className="log-text">{row.text}</span>
      {row.interrupted && <span className="log-interrupt">^C</span>}
      {row.pending && <span className="log-pending"> (waiting for the simulated account…)</span>}
      {row.exitCode !== undefined && <span className="exit-badge">exit {row.exitCode}</span>}
    </>
  )
}

/** The transcript: `$ command`, stdout plain, stderr marked, `exit N` when non-zero. Virtualised by line. */
export function ConsoleLog() {
  const log = useApp((s) => s.log)
  const rows = useMemo(() => rowsOfLog(log), [log])
  const scrollRef = useRef<HTMLDivElement>(null)
  const stickToBottom = useRef(true)
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions that must not be memoised; this component reads them fresh each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i].key,
    overscan: 20,
  })

  useEffect(() => {
    if (stickToBottom.current && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' })
  }, [rows.length, virtualizer])

  const onScroll = () => {
    const el = scrollRef.current
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT * 2
  }

  return (
    // Not live (aria-live off): CommandAnnouncer says how each command ended; the output is read here on demand.
    <div ref={scrollRef} className="console-log" role="log" aria-label="Console output" aria-live="off" tabIndex={0} onScroll={onScroll}>
      {rows.length === 0 && (
        <p className="console-empty">
          Output appears here. Type a command above and press <kbd>Enter</kbd>; <kbd>Tab</kbd> completes,{' '}
          <kbd>Esc</kbd> then <kbd>Tab</kbd> (or <kbd>Tab</kbd> on an empty line) leaves the console.
        </p>
      )}
      <div className="console-log-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-stream={row.stream}
              className={`log-row log-${row.stream}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <Row row={row} />
            </div>
          )
        })}
      </div>
    </div>
  )
}
