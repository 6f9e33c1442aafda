import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

interface Props {
  /** "Resize the lesson panel": what moving this handle changes. */
  label: string
  /** vertical: a vertical bar between columns (moves left/right); horizontal: a bar between rows. */
  orientation: 'vertical' | 'horizontal'
  value: number
  min: number
  max: number
  /** +1 when moving the handle right/down grows `value`, -1 when it shrinks it. */
  direction: 1 | -1
  onChange(value: number): void
}

const STEP = 16
const BIG_STEP = 64

/** A focusable window splitter (WAI-ARIA separator): drag with a pointer, or move with the arrow keys. */
export function Splitter({ label, orientation, value, min, max, direction, onChange }: Props) {
  const drag = useRef<{ start: number; value: number } | null>(null)
  const position = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY)

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture?.(e.pointerId)
    e.currentTarget.focus()
    drag.current = { start: position(e), value }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    onChange(drag.current.value + (position(e) - drag.current.start) * direction)
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null
    e.currentTarget.releasePointerCapture?.(e.pointerId)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp'
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown'
    let next: number | undefined
    if (e.key === forward) next = value + step * direction
    else if (e.key === back) next = value - step * direction
    else if (e.key === 'Home') next = min
    else if (e.key === 'End') next = max
    if (next === undefined) return
    e.preventDefault()
    onChange(Math.min(max, Math.max(min, next)))
  }

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
