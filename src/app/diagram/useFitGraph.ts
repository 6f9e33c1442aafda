import { useCallback, useLayoutEffect, useRef } from 'react'
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react'
import { boundsOf } from './paintGraph.ts'
import type { DiagramNode } from './types.ts'

interface FitOptions {
  /** Fit these nodes only (default: all shown). */
  ids?: readonly string[]
  /** Share of the view left around the nodes. */
  padding?: number
  maxZoom?: number
  /** Animation length, ms. */
  duration?: number
}

/** Around the whole diagram when the view is fitted: the same as the toolbar's "Zoom to fit". */
const FIT_PADDING = 0.08

/**
 * Fits the view to the graph's own boxes rather than to React Flow's nodes: while the zoomed-out picture is shown
 * (PictureLayer.tsx), React Flow is given no nodes at all, so its fitView would have nothing to fit.
 */
export function useFitGraph(nodes: readonly DiagramNode[]): (options?: FitOptions) => void {
  const store = useStoreApi()
  const { setViewport } = useReactFlow()
  // The same function for every graph (it fits the latest one), so effects that fit do not re-run on each change.
  const latest = useRef(nodes)
  useLayoutEffect(() => {
    latest.current = nodes
  }, [nodes])
  return useCallback(
    ({ ids, padding = FIT_PADDING, maxZoom, duration }: FitOptions = {}) => {
      const { width, height, minZoom, maxZoom: most } = store.getState()
      const bounds = boundsOf(latest.current, ids && new Set(ids))
      if (width === 0 || height === 0 || bounds.width + bounds.height === 0) return
      void setViewport(getViewportForBounds(bounds, width, height, minZoom, Math.min(most, maxZoom ?? most), padding), { duration })
    },
    [store, setViewport],
  )
}
