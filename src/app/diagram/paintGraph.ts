import {
  DASHED_KINDS,
  EDGE_COLOUR,
  FOCUS_COLOUR,
  HIGHLIGHT_COLOUR,
  KIND_COLOURS,
  PRIVATE_SUBNET_COLOURS,
  STATUS_COLOURS,
} from './palette.ts'
import type { DiagramEdge, DiagramKind, DiagramNode } from './types.ts'

// The diagram as one picture on a 2D canvas: what a zoomed-out view of a large world shows (PictureLayer.tsx) and
// the overview map (Overview.tsx). Zoomed that far out, text is a few pixels high and nodes are coloured boxes; one
// canvas draws 2,000 of them in about a millisecond, where 2,000 DOM nodes cost React Flow and Chromium per node on
// every pan step and status change (README, Performance). Nodes come decorated (decorate.ts: hidden, selected, class
// names for highlights), so the picture shows what the DOM would.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A region of the flow (in flow units) drawn at `scale` canvas pixels per flow unit. */
export interface PaintView extends Rect {
  scale: number
}

/** Kinds whose fill shows their status, so a zoomed-out picture still shows tasks starting, stopping, failing. */
const STATUS_FILLED: ReadonlySet<DiagramKind> = new Set<DiagramKind>(['Task', 'Container', 'Load balancer', 'Target group'])

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

const hasClass = (item: { className?: string }, name: string): boolean => item.className !== undefined && item.className.split(' ').includes(name)

/** How a box is filled and bordered; boxes that share one are drawn as one path. */
interface BoxStyle {
  fill: string
  /** The status colour laid over the fill (STATUS_FILLED kinds). */
  tint?: string
  stroke: string
  /** Border width in flow units (never drawn thinner than a canvas pixel). */
  lineWidth: number
  alpha: number
  dashed: boolean
  /** Equal for equal styles. */
  key: string
}

/** Per node object: a changed node is a new object (toGraph, decorate), so the cache never goes stale. */
const styles = new WeakMap<DiagramNode, BoxStyle>()

function styleOf(n: DiagramNode): BoxStyle {
  let style = styles.get(n)
  if (style) return style
  const { kind, status, accent, variant, state } = n.data
  const [fill, border] = kind === 'Subnet' && variant === 'private' ? PRIVATE_SUBNET_COLOURS : KIND_COLOURS[kind]
  const tint = STATUS_FILLED.has(kind) && state !== undefined ? STATUS_COLOURS[status] : undefined
  const stroke = status === 'error' ? STATUS_COLOURS.error : (accent ?? border)
  const lineWidth = accent ? 3 : 1.5
  const alpha = hasClass(n, 'cs-dimmed') ? 0.25 : status === 'stopped' ? 0.6 : 1
  const dashed = DASHED_KINDS.has(kind) || status === 'stopped'
  style = { fill, tint, stroke, lineWidth, alpha, dashed, key: `${fill}|${tint}|${stroke}|${lineWidth}|${alpha}|${dashed}` }
  styles.set(n, style)
  return style
}

/**
 * Paints `view` of the graph onto the whole of `ctx`'s canvas, or only the `dirty` parts of it (the rest is left as
 * it was), and returns how many nodes it drew. `nodes` are the graph's (positions relative to `parentId`, parents
 * first). Boxes are drawn a nesting level at a time, so a child is always over its parent, and within a level one path
 * per style: a few dozen fills and strokes for 2,000 nodes instead of 2,000 of each.
 */
export function paintGraph(
  ctx: CanvasRenderingContext2D,
  nodes: readonly DiagramNode[],
  edges: readonly DiagramEdge[],
  view: PaintView,
  dirty?: readonly Rect[],
): number {
  const { scale } = view
  if (!dirty) {
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  }
  ctx.setTransform(scale, 0, 0, scale, -view.x * scale, -view.y * scale)
  let drawn = 0
  for (const area of dirty ?? [view]) {
    ctx.save()
    ctx.beginPath()
    ctx.rect(area.x, area.y, area.width, area.height)
    ctx.clip()
    ctx.clearRect(area.x, area.y, area.width, area.height)
    drawn += paintArea(ctx, nodes, edges, area, 1 / scale)
    ctx.restore()
  }
  return drawn
}

/** One canvas pixel is `px` flow units: borders and outlines never get thinner than that, or they vanish zoomed out. */
function paintArea(ctx: CanvasRenderingContext2D, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[], view: Rect, px: number): number {
  const { boxes, depths, index } = placed(nodes)
  // Nodes whose outline or border reaches into the area, though their box may not.
  const reach = reachOf(px)
  const near = { x: view.x - reach, y: view.y - reach, width: view.width + 2 * reach, height: view.height + 2 * reach }
  const levels: Map<string, { style: BoxStyle; boxes: Rect[] }>[] = []
  const outlined: { box: Rect; colour: string }[] = []
  let drawn = 0
  nodes.forEach((n, k) => {
    const box = boxes[k]
    if (!box || !overlaps(box, near)) return
    drawn++
    const style = styleOf(n)
    const level = (levels[depths[k]] ??= new Map())
    const group = level.get(style.key)
    if (group) group.boxes.push(box)
    else level.set(style.key, { style, boxes: [box] })
    const outline = n.selected ? FOCUS_COLOUR : hasClass(n, 'cs-lit') || hasClass(n, 'cs-changed') ? HIGHLIGHT_COLOUR : undefined
    if (outline) outlined.push({ box, colour: outline })
  })
  for (const level of levels) for (const group of level?.values() ?? []) paintBoxes(ctx, group.style, group.boxes, px)
  // Outside the box, like the DOM's outline-offset, and at least two canvas pixels wide to be seen from afar.
  ctx.globalAlpha = 1
  const { width, gap } = outlineOf(px)
  ctx.lineWidth = width
  for (const { box, colour } of outlined) {
    ctx.strokeStyle = colour
    ctx.strokeRect(box.x - gap, box.y - gap, box.width + 2 * gap, box.height + 2 * gap)
  }
  const boxOfId = (id: string) => {
    const k = index.get(id)
    return k === undefined ? undefined : boxes[k]
  }
  for (const e of edges) {
    const source = boxOfId(e.source)
    const target = boxOfId(e.target)
    if (e.hidden || !source || !target) continue
    const curve = curveOf(source, target)
    if (overlaps(curveBox(curve, Math.max(widthOf(e), px)), view)) paintEdge(ctx, e, curve, px)
  }
  return drawn
}

/** A selection or highlight outline: its width and its centre line's distance outside the box. */
function outlineOf(px: number): { width: number; gap: number } {
  const width = Math.max(3, 2 * px)
  return { width, gap: Math.max(2, px) + width / 2 }
}

/** How far beyond its box a node's drawing can reach: its outline, or half its widest border. */
const reachOf = (px: number): number => {
  const { width, gap } = outlineOf(px)
  return Math.max(gap + width / 2, Math.max(3, px) / 2) + px
}

/**
 * Where the picture of `nodes`/`edges` differs from that of `before`/`edgesBefore`, drawn with `px` flow units per
 * canvas pixel: a box around each changed node and edge (before and after; none when nothing changed), or 'all' when
 * the layout changed (other nodes, a node moved, resized, shown or hidden) or there are more changes than a partial
 * repaint is worth. toGraph and decorate give a changed node a new object, so unchanged ones are found by identity.
 */
export function changedArea(
  before: readonly DiagramNode[],
  nodes: readonly DiagramNode[],
  edgesBefore: readonly DiagramEdge[],
  edges: readonly DiagramEdge[],
  px: number,
): Rect[] | 'all' {
  if (before.length !== nodes.length || edgesBefore.length !== edges.length) return 'all'
  const [was, now] = [placed(before), placed(nodes)]
  const reach = reachOf(px)
  const areas: Rect[] = []
  let changes = 0
  const add = (box: Rect | undefined, by: number) => {
    if (box) areas.push({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by })
  }
  for (let k = 0; k < nodes.length; k++) {
    if (nodes[k] === before[k]) continue
    if (nodes[k].id !== before[k].id || ++changes > MAX_CHANGES) return 'all'
    // Moved, resized, shown or hidden: its children and edges move with it, so the whole picture is painted again.
    const [a, b] = [was.boxes[k], now.boxes[k]]
    if (a !== b && (!a || !b || a.x !== b.x || a.y !== b.y || a.width !== b.width || a.height !== b.height)) return 'all'
    add(b, reach)
  }
  for (let k = 0; k < edges.length; k++) {
    if (edges[k] === edgesBefore[k]) continue
    if (++changes > MAX_CHANGES) return 'all'
    for (const [e, at] of [[edgesBefore[k], was], [edges[k], now]] as const) {
      const [s, t] = [at.index.get(e.source), at.index.get(e.target)]
      const [source, target] = [s === undefined ? undefined : at.boxes[s], t === undefined ? undefined : at.boxes[t]]
      if (source && target) add(curveBox(curveOf(source, target), Math.max(widthOf(e), px)), px)
    }
  }
  return areas
}

/** Past this many changed nodes and edges, one full repaint is cheaper than a pass over all nodes per change. */
const MAX_CHANGES = 8

interface Placement {
  /** Absolute box per node (undefined: hidden, or under a hidden parent). */
  boxes: (Rect | undefined)[]
  /** Nesting depth per node (0: no parent). */
  depths: number[]
  /** Node id → position in the array. */
  index: Map<string, number>
  /** Around every shown node. */
  bounds: Rect
}

/** Per nodes array: the picture, its bounds and a click on it all place the same array. */
const placements = new WeakMap<readonly DiagramNode[], Placement>()
/** The last array placed: a status change gives a new array whose boxes are all where they were. */
let lastPlaced: { nodes: readonly DiagramNode[]; placement: Placement } | undefined

function placed(nodes: readonly DiagramNode[]): Placement {
  const cached = placements.get(nodes) ?? (lastPlaced && samePlaces(lastPlaced.nodes, nodes) ? lastPlaced.placement : undefined)
  const placement = cached ?? place(nodes)
  placements.set(nodes, placement)
  lastPlaced = { nodes, placement }
  return placement
}

/** Same ids in the same order, each node either the same object or at the same place, size, parent and visibility. */
function samePlaces(a: readonly DiagramNode[], b: readonly DiagramNode[]): boolean {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) {
    const [m, n] = [a[k], b[k]]
    if (m === n) continue
    const same =
      m.id === n.id &&
      m.parentId === n.parentId &&
      m.position.x === n.position.x &&
      m.position.y === n.position.y &&
      m.width === n.width &&
      m.height === n.height &&
      Boolean(m.hidden) === Boolean(n.hidden)
    if (!same) return false
  }
  return true
}

function place(nodes: readonly DiagramNode[]): Placement {
  const index = new Map<string, number>()
  const boxes: (Rect | undefined)[] = []
  const depths: number[] = []
  nodes.forEach((n, k) => {
    index.set(n.id, k)
    const p = n.parentId === undefined ? undefined : index.get(n.parentId)
    const parent = p === undefined ? undefined : boxes[p]
    depths.push(p === undefined ? 0 : depths[p] + 1)
    if (n.hidden || (p !== undefined && parent === undefined)) {
      boxes.push(undefined)
      return
    }
    boxes.push({ x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), width: n.width ?? 0, height: n.height ?? 0 })
  })
  return { boxes, depths, index, bounds: enclose(boxes) }
}

function paintBoxes(ctx: CanvasRenderingContext2D, style: BoxStyle, boxes: readonly Rect[], px: number): void {
  ctx.beginPath()
  for (const b of boxes) ctx.rect(b.x, b.y, b.width, b.height)
  ctx.globalAlpha = style.alpha
  ctx.fillStyle = style.fill
  ctx.fill()
  if (style.tint) {
    ctx.globalAlpha = style.alpha * 0.35
    ctx.fillStyle = style.tint
    ctx.fill()
    ctx.globalAlpha = style.alpha
  }
  ctx.setLineDash(style.dashed ? [Math.max(6, 4 * px), Math.max(4, 3 * px)] : [])
  ctx.strokeStyle = style.stroke
  ctx.lineWidth = Math.max(style.lineWidth, px)
  ctx.stroke()
  ctx.setLineDash([])
}

/** An edge's cubic: bottom of the source to the top of the target, curved as React Flow's default (bezier) edge. */
type Curve = readonly [x1: number, y1: number, cx1: number, cy1: number, cx2: number, cy2: number, x2: number, y2: number]

function curveOf(s: Rect, t: Rect): Curve {
  const [x1, y1] = [s.x + s.width / 2, s.y + s.height]
  const [x2, y2] = [t.x + t.width / 2, t.y]
  // React Flow's control offset: half the distance when the target is below, else 0.25 × 25 × √distance.
  const d = y2 - y1
  const c = d >= 0 ? d / 2 : 0.25 * 25 * Math.sqrt(-d)
  return [x1, y1, x1, y1 + c, x2, y2 - c, x2, y2]
}

/** A cubic lies inside its control points' box; `width` is its stroke's. */
function curveBox(c: Curve, width: number): Rect {
  const xs = [c[0], c[2], c[4], c[6]]
  const ys = [c[1], c[3], c[5], c[7]]
  const [x, y] = [Math.min(...xs) - width, Math.min(...ys) - width]
  return { x, y, width: Math.max(...xs) + width - x, height: Math.max(...ys) + width - y }
}

const widthOf = (e: DiagramEdge): number => (typeof e.style?.strokeWidth === 'number' ? e.style.strokeWidth : 1)

function paintEdge(ctx: CanvasRenderingContext2D, e: DiagramEdge, c: Curve, px: number): void {
  const status = /\bcs-edge-(ok|pending|warning|error)\b/.exec(e.className ?? '')?.[1] as keyof typeof STATUS_COLOURS | undefined
  ctx.strokeStyle = hasClass(e, 'cs-lit') ? HIGHLIGHT_COLOUR : status ? STATUS_COLOURS[status] : EDGE_COLOUR
  ctx.lineWidth = Math.max(widthOf(e), px)
  ctx.beginPath()
  ctx.moveTo(c[0], c[1])
  ctx.bezierCurveTo(c[2], c[3], c[4], c[5], c[6], c[7])
  ctx.stroke()
}

/** The topmost node drawn at `point` (flow units): children come after their parents, so the last box that holds it. */
export function nodeAt(nodes: readonly DiagramNode[], point: { x: number; y: number }): DiagramNode | undefined {
  const { boxes } = placed(nodes)
  for (let k = nodes.length - 1; k >= 0; k--) {
    const b = boxes[k]
    if (b && point.x >= b.x && point.x <= b.x + b.width && point.y >= b.y && point.y <= b.y + b.height) return nodes[k]
  }
  return undefined
}

/** The box around every shown node, or those of `ids` (flow units); none is an empty box at the origin. */
export function boundsOf(nodes: readonly DiagramNode[], ids?: ReadonlySet<string>): Rect {
  const { boxes, bounds } = placed(nodes)
  return ids ? enclose(boxes.filter((_, k) => ids.has(nodes[k].id))) : bounds
}

function enclose(boxes: readonly (Rect | undefined)[]): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const b of boxes) {
    if (!b) continue
    x0 = Math.min(x0, b.x)
    y0 = Math.min(y0, b.y)
    x1 = Math.max(x1, b.x + b.width)
    y1 = Math.max(y1, b.y + b.height)
  }
  return x0 > x1 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
}
