import { useLayoutEffect, useRef, type PointerEvent, type WheelEvent } from 'react'
import { Panel, useReactFlow, useStoreApi } from '@xyflow/react'
import { boundsOf, paintGraph, type Rect } from './paintGraph.ts'
import type { DiagramEdge, DiagramNode } from './types.ts'

export interface OverviewProps {
  /** The decorated graph's nodes (decorate.ts). */
  nodes: readonly DiagramNode[]
  edges: readonly DiagramEdge[]
}

const WIDTH = 160
const HEIGHT = 110
const PADDING = 6

/**
 * The overview map: the whole diagram small, with the visible area outlined; press or drag on it to move there, the
 * wheel zooms. Our own rather than React Flow's MiniMap, because while the zoomed-out picture of a large world is
 * shown (PictureLayer.tsx) React Flow has no nodes for its MiniMap to draw; and one canvas (paintGraph.ts) draws
 * 2,000 nodes far more cheaply than an SVG element per node. The graph is painted when it changes; the outline moves
 * with React Flow's store, without a React render.
 */
export function Overview({ nodes, edges }: OverviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const frame = useRef<HTMLDivElement>(null)
  /** The flow area the map shows and its map pixels per flow unit. */
  const fit = useRef<{ view: Rect; scale: number }>({ view: { x: 0, y: 0, width: 0, height: 0 }, scale: 1 })
  const store = useStoreApi()
  const { setCenter, zoomTo } = useReactFlow()

  useLayoutEffect(() => {
    const el = canvas.current
    if (!el) return
    const bounds = boundsOf(nodes)
    const scale = Math.min((WIDTH - 2 * PADDING) / Math.max(1, bounds.width), (HEIGHT - 2 * PADDING) / Math.max(1, bounds.height))
    const ratio = typeof devicePixelRatio === 'number' ? Math.min(devicePixelRatio, 2) : 1
    el.width = WIDTH * ratio
    el.height = HEIGHT * ratio
    const ctx = el.getContext('2d')
    // The whole graph, centred, drawn at `scale` map pixels per flow unit.
    const view = { x: bounds.x - (WIDTH / scale - bounds.width) / 2, y: bounds.y - (HEIGHT / scale - bounds.height) / 2, width: WIDTH / scale, height: HEIGHT / scale }
    if (ctx) paintGraph(ctx, nodes, edges, { ...view, scale: scale * ratio })
    fit.current = { view, scale }
  }, [nodes, edges])

  useLayoutEffect(() => {
    const outline = () => {
      const { transform, width, height } = store.getState()
      const [tx, ty, zoom] = transform
      const { view, scale } = fit.current
      const r = { x: (-tx / zoom - view.x) * scale, y: (-ty / zoom - view.y) * scale, width: (width / zoom) * scale, height: (height / zoom) * scale }
      if (frame.current) Object.assign(frame.current.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` })
    }
    outline()
    return store.subscribe(outline)
  }, [store, nodes])

  /** The flow point under the pointer. */
  const flowPoint = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    const { view, scale } = fit.current
    return { x: view.x + (event.clientX - box.left) / scale, y: view.y + (event.clientY - box.top) / scale }
  }
  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const { x, y } = flowPoint(event)
    void setCenter(x, y, { zoom: store.getState().transform[2] })
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId)
    moveTo(event)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.buttons & 1) moveTo(event)
  }
  const onWheel = (event: WheelEvent<HTMLDivElement>) => void zoomTo(store.getState().transform[2] * (event.deltaY < 0 ? 1.2 : 1 / 1.2))

  return (
    <Panel position="bottom-right" className="cs-overview nopan nowheel">
      <div className="cs-overview-map" style={{ width: WIDTH, height: HEIGHT }} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onWheel={onWheel}>
        <canvas ref={canvas} role="img" aria-label="Diagram overview" style={{ width: WIDTH, height: HEIGHT }} />
        <div ref={frame} className="cs-overview-frame" aria-hidden="true" />
      </div>
    </Panel>
  )
}
