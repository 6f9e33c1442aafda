import { describe, expect, it } from 'vitest'
import { OVERLAY_INSETS, viewportFor } from '../../../src/app/diagram/useFitGraph.ts'
import { DETAIL_ZOOM, READABLE_ZOOM, TEXT_SCALE_MAX, textScaleOf } from '../../../src/app/diagram/zoomLevels.ts'

const pane = { width: 766, height: 230 }
/** Where a flow-space box lands on screen. */
const onScreen = (b: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }) => ({
  left: v.x + b.x * v.zoom,
  top: v.y + b.y * v.zoom,
  right: v.x + (b.x + b.width) * v.zoom,
  bottom: v.y + (b.y + b.height) * v.zoom,
})

describe('fitting the view', () => {
  it('keeps what it fits clear of the zoom controls and uses the height when that binds', () => {
    const bounds = { x: 0, y: 0, width: 1856, height: 830 }
    const v = viewportFor(bounds, pane, { minZoom: 0.05, maxZoom: 2, padding: 0 })
    const r = onScreen(bounds, v)
    expect(r.right).toBeLessThanOrEqual(pane.width - OVERLAY_INSETS.right + 0.01)
    expect(r.left).toBeGreaterThanOrEqual(OVERLAY_INSETS.left - 0.01)
    // Height-bound: it fills the free height exactly.
    expect(r.bottom - r.top).toBeCloseTo(pane.height - OVERLAY_INSETS.top - OVERLAY_INSETS.bottom, 5)
  })

  it('with a readable floor, starts from the top-left corner of what does not fit', () => {
    const bounds = { x: 100, y: 50, width: 3000, height: 830 }
    const v = viewportFor(bounds, pane, { minZoom: READABLE_ZOOM, maxZoom: 2, padding: 0, start: true })
    expect(v.zoom).toBe(READABLE_ZOOM)
    const r = onScreen(bounds, v)
    expect(r.left).toBeCloseTo(OVERLAY_INSETS.left, 5)
    expect(r.top).toBeCloseTo(OVERLAY_INSETS.top, 5)
  })

  it('letters keep at least 11 px of a 12 px label on screen down to the readable floor', () => {
    // Letters grow only below DETAIL_ZOOM (the overview level); above it they are drawn at their own size.
    for (let zoom = READABLE_ZOOM; zoom <= 2; zoom += 0.01) {
      const onScreen = 12 * (zoom < DETAIL_ZOOM ? textScaleOf(zoom) : 1) * zoom
      expect(onScreen, `at zoom ${zoom.toFixed(2)}`).toBeGreaterThanOrEqual(11)
    }
    expect(textScaleOf(2)).toBe(1)
    expect(textScaleOf(0.01)).toBe(TEXT_SCALE_MAX)
  })
})
