// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { DiagramPanel } from '../../../src/app/diagram/DiagramPanel.tsx'
import { benchTaskArns, benchWorld, withTaskStatus } from '../../../src/app/diagram/bench.ts'
import { toGraph } from '../../../src/app/diagram/index.ts'
import type { DiagramNode } from '../../../src/app/diagram/index.ts'
import type { World } from '../../../src/sim/world.ts'
import { startingWorld } from './world.ts'

// A world of ~1,000 resources, fitted to the view, is zoomed far out: the diagram draws it as one picture on a canvas
// instead of a DOM node per resource. jsdom has no canvas, so each canvas gets a 2D context that records what is drawn.

interface Drawn {
  op: 'fill' | 'stroke' | 'clearRect'
  style: string
  alpha: number
  args: number[]
  /** Rectangles in the path being filled or stroked. */
  rects: number[][]
}

let drawn: Drawn[]

function recordingContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  let rects: number[][] = []
  const state = { fillStyle: '', strokeStyle: '', globalAlpha: 1, lineWidth: 1 }
  const ctx = {
    canvas,
    ...state,
    setTransform() {},
    save() {},
    restore() {},
    clip() {},
    setLineDash() {},
    moveTo() {},
    bezierCurveTo() {},
    beginPath() {
      rects = []
    },
    rect(...args: number[]) {
      rects.push(args)
    },
    clearRect(...args: number[]) {
      drawn.push({ op: 'clearRect', style: '', alpha: 1, args, rects: [] })
    },
    fill() {
      drawn.push({ op: 'fill', style: ctx.fillStyle, alpha: ctx.globalAlpha, args: [], rects })
    },
    stroke() {
      drawn.push({ op: 'stroke', style: ctx.strokeStyle, alpha: ctx.globalAlpha, args: [], rects })
    },
    strokeRect(...args: number[]) {
      drawn.push({ op: 'stroke', style: ctx.strokeStyle, alpha: ctx.globalAlpha, args, rects: [args] })
    },
  }
  return ctx as unknown as CanvasRenderingContext2D
}

beforeEach(() => {
  drawn = []
  const contexts = new WeakMap<HTMLCanvasElement, CanvasRenderingContext2D>()
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    if (!contexts.has(this)) contexts.set(this, recordingContext(this))
    return contexts.get(this)!
  } as never)
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const large = benchWorld(startingWorld(), 1000)

function Panel({ world, onSelect = () => {} }: { world: World; onSelect?: (id: string | undefined) => void }) {
  return (
    <div style={{ width: '1200px', height: '800px' }}>
      <DiagramPanel world={world} onSelect={onSelect} />
    </div>
  )
}

async function renderPanel(world: World, onSelect = vi.fn()) {
  const view = render(<Panel world={world} onSelect={onSelect} />)
  // React Flow calls onInit, where the view is fitted, a moment after it mounts.
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  return { ...view, onSelect }
}

/** A node's box in flow units, as toGraph lays it out. */
function boxOf(byId: ReadonlyMap<string, DiagramNode>, id: string) {
  let n = byId.get(id)
  const box = { x: 0, y: 0, width: n!.width!, height: n!.height! }
  while (n) {
    box.x += n.position.x
    box.y += n.position.y
    n = n.parentId ? byId.get(n.parentId) : undefined
  }
  return box
}

/** React Flow's viewport transform: `translate(xpx, ypx) scale(zoom)`. */
function viewport() {
  const style = document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform
  const [x, y, zoom] = (style.match(/-?\d[\d.]*(?:e-?\d+)?/g) ?? []).map(Number)
  return { x, y, zoom }
}

/** The task nearest the middle of the view (jsdom's pane is small, so the view shows part of the world). */
function taskInView(world: World) {
  const { x, y, zoom } = viewport()
  const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
  const [cx, cy] = [(-x + (pane.width || 100) / 2) / zoom, (-y + (pane.height || 100) / 2) / zoom]
  const byId = new Map(toGraph(world).nodes.map((n) => [n.id, n]))
  const distance = (arn: string) => {
    const b = boxOf(byId, arn)
    return Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy)
  }
  const arn = benchTaskArns(world).reduce((best, arn) => (distance(arn) < distance(best) ? arn : best))
  return { arn, box: boxOf(byId, arn) }
}

describe('the diagram of a large world, zoomed out', () => {
  it('is one picture with its own label, not a DOM node per resource', async () => {
    await renderPanel(large)
    const picture = screen.getByRole('img', { name: /^Architecture diagram zoomed out: \d+ resources drawn as one picture/ })
    expect(document.querySelectorAll('.react-flow__node')).toHaveLength(0)
    const count = Number(picture.dataset.drawnNodes)
    expect(count).toBeGreaterThan(100)
    expect(drawn.filter((d) => d.op === 'fill' && d.style === '#ffffff').reduce((n, d) => n + d.rects.length, 0)).toBeGreaterThan(100)
  })

  it('repaints only around a task whose status changed, in the stopped colour', async () => {
    const { rerender } = await renderPanel(large)
    const { arn, box } = taskInView(large)
    drawn = []
    rerender(<Panel world={withTaskStatus(large, arn, 'STOPPED')} />)
    await act(async () => {})
    const [clear, ...others] = drawn.filter((d) => d.op === 'clearRect')
    expect(others).toHaveLength(0)
    const [x, y, width, height] = clear.args
    // The cleared area holds the task and its outline, and is far smaller than the diagram.
    expect(x).toBeLessThanOrEqual(box.x)
    expect(y).toBeLessThanOrEqual(box.y)
    expect(x + width).toBeGreaterThanOrEqual(box.x + box.width)
    expect(y + height).toBeGreaterThanOrEqual(box.y + box.height)
    expect(width * height).toBeLessThan(box.width * box.height * 100)
    // Stopped: faded, with the stopped colour over the task's fill.
    expect(drawn).toContainEqual(expect.objectContaining({ op: 'fill', style: '#7d8998', rects: [[box.x, box.y, box.width, box.height]] }))
    expect(drawn.filter((d) => d.op === 'fill' && d.rects.some((r) => r[0] === box.x && r[1] === box.y)).every((d) => d.alpha < 1)).toBe(true)
  })

  it('selects the resource under a click on the picture, and outlines it', async () => {
    const { onSelect, rerender } = await renderPanel(large)
    const { arn, box } = taskInView(large)
    const { x, y, zoom } = viewport()
    const pane = document.querySelector('.react-flow__pane')!
    fireEvent.click(pane, { clientX: x + (box.x + box.width / 2) * zoom, clientY: y + (box.y + box.height / 2) * zoom })
    expect(onSelect).toHaveBeenLastCalledWith(arn)
    drawn = []
    rerender(
      <div style={{ width: '1200px', height: '800px' }}>
        <DiagramPanel world={large} selectedId={arn} onSelect={onSelect} />
      </div>,
    )
    await act(async () => {})
    expect(drawn).toContainEqual(expect.objectContaining({ op: 'stroke', style: '#0972d3' }))
  })

  it('shows DOM nodes again when zoomed in, and the overview map draws the whole world', async () => {
    await renderPanel(large)
    drawn = []
    fireEvent.click(screen.getByRole('button', { name: 'Minimap' }))
    expect(screen.getByRole('img', { name: 'Diagram overview' })).toBeInTheDocument()
    expect(drawn.filter((d) => d.op === 'fill').reduce((n, d) => n + d.rects.length, 0)).toBeGreaterThanOrEqual(toGraph(large).nodes.length)
    for (let i = 0; i < 40 && screen.queryByRole('img', { name: /^Architecture diagram zoomed out/ }); i++) {
      fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }))
      await act(async () => {})
    }
    expect(screen.queryByRole('img', { name: /^Architecture diagram zoomed out/ })).not.toBeInTheDocument()
    expect(document.querySelectorAll('.react-flow__node').length).toBeGreaterThan(0)
  })
})
