import { useCallback, useLayoutEffect, useRef } from 'react'
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react'
import { boundsOf } from './paintGraph.ts'
import type { DiagramNode } from './types.ts'

export interface FitOptions {
  /** Fit these nodes only (default: all shown). */
  ids?: readonly string[]
  /** Share of the nodes' own size left around them, each side. */
  padding?: number
  maxZoom?: number
  /**
   * Never zoom out further than this, even if the nodes then do not all fit: the view is centred on them instead.
   * Used so the view a learner gets without asking stays readable (READABLE_ZOOM).
   */
  minZoom?: number
  /** Animation length, ms. */
  duration?: number
  /** Only say which zoom the fit would have; do not move the view. */
  measure?: boolean
}

/** Around the whole diagram when the view is fitted: the same as the toolbar's "Zoom to fit". */
const FIT_PADDING = 0.04

/**
 * Screen pixels kept clear at each side of the pane, so a fitted node never touches its edge. Nothing lies over the pane:
 * the zoom buttons are in the toolbar and the legend is a bar below it.
 */
export const OVERLAY_INSETS = { top: 12, right: 12, bottom: 12, left: 12 } as const

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The viewport that shows `bounds` in a pane of `width` × `height`, inside the insets, as large as fits between
 * `minZoom` and `maxZoom`, centred in the free area. Pure, for the tests.
 */
export function viewportFor(
  bounds: Rect,
  pane: { width: number; height: number },
  { minZoom, maxZoom, padding, start = false }: { minZoom: number; maxZoom: number; padding: number; start?: boolean },
  overlays: typeof OVERLAY_INSETS = OVERLAY_INSETS,
): Viewport {
  // A pane too small for margins gets none: they would leave it no room at all.
  const insets = pane.width >= 160 && pane.height >= 120 ? overlays : { top: 0, right: 0, bottom: 0, left: 0 }
  const free = { width: Math.max(1, pane.width - insets.left - insets.right), height: Math.max(1, pane.height - insets.top - insets.bottom) }
  const w = Math.max(1, bounds.width * (1 + 2 * padding))
  const h = Math.max(1, bounds.height * (1 + 2 * padding))
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min(free.width / w, free.height / h)))
  // Centred; or, with `start`, when it does not fit, from its top-left corner, where titles are (and the load balancer,
  // above its zones).
  const along = (from: number, size: number, extent: number, inset: number, room: number): number =>
    !start || extent * zoom <= room ? inset + room / 2 - (from + size / 2) * zoom : inset - (from - (extent - size) / 2) * zoom
  return { x: along(bounds.x, bounds.width, w, insets.left, free.width), y: along(bounds.y, bounds.height, h, insets.top, free.height), zoom }
}

/**
 * Fits the view to the graph's own boxes rather than to React Flow's nodes: while the zoomed-out picture is shown
 * (PictureLayer.tsx), React Flow is given no nodes at all, so its fitView would have nothing to fit.
 */
export function useFitGraph(nodes: readonly DiagramNode[]): (options?: FitOptions) => number | undefined {
  const store = useStoreApi()
  const { setViewport } = useReactFlow()
  // The same function for every graph (it fits the latest one), so effects that fit do not re-run on each change.
  const latest = useRef(nodes)
  useLayoutEffect(() => {
    latest.current = nodes
  }, [nodes])
  return useCallback(
    ({ ids, padding = FIT_PADDING, maxZoom, minZoom, duration, measure }: FitOptions = {}) => {
      const { width, height, minZoom: least, maxZoom: most } = store.getState()
      const bounds = boundsOf(latest.current, ids && new Set(ids))
      if (width === 0 || height === 0 || bounds.width + bounds.height === 0) return undefined
      const top = Math.min(most, maxZoom ?? most)
      const view = viewportFor(bounds, { width, height }, {
        minZoom: Math.min(top, Math.max(least, minZoom ?? least)),
        maxZoom: top,
        padding,
        // A readable floor was asked for: what does not fit then starts at the top-left corner.
        start: minZoom !== undefined,
      })
      if (!measure) void setViewport(view, { duration })
      return view.zoom
    },
    [store, setViewport],
  )
}
