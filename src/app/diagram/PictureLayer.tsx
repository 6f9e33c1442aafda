import { useLayoutEffect, useRef } from 'react'
import { useStoreApi, ViewportPortal } from '@xyflow/react'
import { boundsOf, changedArea, paintGraph, type PaintView, type Rect } from './paintGraph.ts'
import type { DiagramEdge, DiagramNode } from './types.ts'

export interface PictureLayerProps {
  /** The decorated graph's nodes (decorate.ts). */
  nodes: readonly DiagramNode[]
  edges: readonly DiagramEdge[]
  label: string
}

/** How far beyond the visible area a painted canvas reaches, as a share of the visible size on each side. */
const MARGIN = 0.5
/** At most this many canvas pixels (4 bytes each): a bound on memory when a very large world is viewed up close. */
const MAX_PIXELS = 8_000_000

/** What the canvas shows now. */
interface Painted {
  view: PaintView
  zoom: number
  nodes: readonly DiagramNode[]
  edges: readonly DiagramEdge[]
  count: number
}

/**
 * The zoomed-out diagram as one canvas inside React Flow's viewport, so panning moves it with the viewport's
 * transform like any node, without painting again. The canvas covers the visible area plus half of it on each side,
 * clipped to the graph's bounds (so a fitted view is painted once and can be panned anywhere), and is painted again
 * when the zoom changes or the view leaves it. When only some nodes changed (a status change, a highlight), only
 * the area around them is painted again. Painting runs on React Flow's store updates, not on React renders: panning
 * re-renders nothing.
 */
export function PictureLayer({ nodes, edges, label }: PictureLayerProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const painted = useRef<Painted>(undefined)
  const store = useStoreApi()
  useLayoutEffect(() => {
    const bounds = boundsOf(nodes)
    const update = () => {
      const el = canvas.current
      const ctx = el?.getContext('2d')
      const { transform, width, height } = store.getState()
      const [tx, ty, zoom] = transform
      if (!el || !ctx || width === 0 || height === 0) return
      const visible = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom }
      const seen = intersect(visible, bounds)
      const last = painted.current
      const inView = last !== undefined && last.zoom === zoom && (seen.width === 0 || seen.height === 0 || covers(last.view, seen))
      if (inView && last.nodes === nodes && last.edges === edges) return
      const changed = inView ? changedArea(last.nodes, nodes, last.edges, edges, 1 / last.view.scale) : 'all'
      if (inView && changed !== 'all') {
        painted.current = { ...last, nodes, edges }
        if (changed.length) {
          paintGraph(ctx, nodes, edges, last.view, changed)
          mark(el, last.count)
        }
        return
      }
      const area = intersect(grow(visible, MARGIN), bounds)
      const ratio = typeof devicePixelRatio === 'number' ? Math.min(devicePixelRatio, 2) : 1
      const scale = Math.min(zoom * ratio, Math.sqrt(MAX_PIXELS / Math.max(1, area.width * area.height)))
      // Setting a canvas's size, even to the same value, allocates its pixels again.
      const [w, h] = [Math.max(1, Math.ceil(area.width * scale)), Math.max(1, Math.ceil(area.height * scale))]
      if (el.width !== w) el.width = w
      if (el.height !== h) el.height = h
      Object.assign(el.style, { left: `${area.x}px`, top: `${area.y}px`, width: `${w / scale}px`, height: `${h / scale}px` })
      const view = { ...area, scale }
      const count = paintGraph(ctx, nodes, edges, view)
      painted.current = { view, zoom, nodes, edges, count }
      mark(el, count)
    }
    update()
    return store.subscribe(update)
  }, [store, nodes, edges])
  return (
    <ViewportPortal>
      <canvas ref={canvas} className="cs-diagram-picture" role="img" aria-label={label} />
    </ViewportPortal>
  )
}

/** For tests and scripts/bench-ui.mjs: how many nodes the canvas shows, and a count that moves with every paint. */
function mark(el: HTMLCanvasElement, drawn: number): void {
  el.dataset.drawnNodes = String(drawn)
  el.dataset.paints = String(Number(el.dataset.paints ?? 0) + 1)
}

const grow = (r: Rect, share: number): Rect => ({
  x: r.x - r.width * share,
  y: r.y - r.height * share,
  width: r.width * (1 + 2 * share),
  height: r.height * (1 + 2 * share),
})

function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) }
}

const covers = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
