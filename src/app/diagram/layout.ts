import type { DiagramKind, DiagramNodeData, DiagramNodeType } from './types.ts'

/**
 * A small containment layout of our own: every container lays its children out in named sections,
 * each section a row (wrapping after `wrap` items) or a column, sections stacked in the container's `flow`.
 * Sizes are computed bottom-up from children, positions top-down, relative to the parent (as React Flow's
 * sub-flows expect). Nothing depends on anything but the items and their order, so the same world always
 * gives the same picture, and growth only pushes things right or down. See README.md for why not elkjs.
 */

export interface Size {
  width: number
  height: number
}

export interface Box extends Size {
  /** Relative to the parent's top-left corner (absolute for top-level items). */
  x: number
  y: number
}

/** One node before layout: where it belongs and how big it is at least. */
export interface GraphItem {
  id: string
  /** Containing node's id; undefined = top level. A missing parent puts the item at top level. */
  parentId?: string
  nodeType: DiagramNodeType
  /** Which section of the parent's ContainerSpec it goes in. */
  section: string
  /** Sort key within the section; ties break on id. Use creation order so new resources go last. */
  order: string
  /** Leaf size, or a container's minimum size. */
  size: Size
  /** Placed centred above this sibling (outside the section flow), e.g. an internet gateway over its VPC. */
  anchorAbove?: string
  /**
   * Stretched horizontally over these siblings once they are placed (a load balancer across the AZ columns of
   * its subnets). Only ever widens, and only moves the item along its own line, so nothing else moves.
   */
  spanAcross?: readonly string[]
  data: DiagramNodeData
}

export interface SectionSpec {
  name: string
  flow: 'row' | 'column'
  gap: number
  /** Items per line before a row wraps. */
  wrap?: number
  /** Give every item of a row line the line's height (AZ columns of equal height). */
  stretch?: boolean
}

export interface ContainerSpec {
  /** Space above the content, for the container's title. */
  header: number
  padding: number
  /** How the sections are stacked. */
  flow: 'row' | 'column'
  sectionGap: number
  sections: SectionSpec[]
}

/** Gap between an anchored item and the sibling it sits above. */
export const ANCHOR_GAP = 28

const FALLBACK_SECTION: SectionSpec = { name: '*', flow: 'row', gap: 16, wrap: 6 }

export interface LayoutInput {
  items: readonly GraphItem[]
  /** Specs of containers by kind; the top level uses `root`. */
  containers: Partial<Record<DiagramKind, ContainerSpec>>
  root: ContainerSpec
}

/** Lays out every item; returns boxes by id plus the items in parent-before-child order. */
export function layout(input: LayoutInput): { boxes: Map<string, Box>; ordered: GraphItem[] } {
  const byId = new Map(input.items.map((i) => [i.id, i]))
  const parentOf = (i: GraphItem) => (i.parentId !== undefined && byId.has(i.parentId) ? i.parentId : '')
  const children = new Map<string, GraphItem[]>()
  for (const item of input.items) {
    const p = parentOf(item)
    const list = children.get(p) ?? []
    list.push(item)
    children.set(p, list)
  }
  for (const list of children.values()) {
    list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
  const specOf = (id: string): ContainerSpec | undefined => {
    if (id === '') return input.root
    const item = byId.get(id)
    return item ? input.containers[item.data.kind] : undefined
  }

  const sizes = new Map<string, Size>()
  // Relative positions of each container's children, computed while measuring.
  const placed = new Map<string, Box>()

  const measure = (id: string): Size => {
    const item = byId.get(id)
    const kids = children.get(id) ?? []
    const spec = specOf(id)
    const min = item?.size ?? { width: 0, height: 0 }
    if (kids.length === 0 || spec === undefined) {
      sizes.set(id, min)
      return min
    }
    for (const k of kids) measure(k.id)
    const kidIds = new Set(kids.map((k) => k.id))
    const isAnchored = (k: GraphItem) => k.anchorAbove !== undefined && kidIds.has(k.anchorAbove)
    const flowKids = kids.filter((k) => !isAnchored(k))
    const anchored = kids.filter(isAnchored)
    // Room reserved above an item for what is anchored to it.
    const room = new Map<string, number>()
    for (const a of anchored) {
      const target = a.anchorAbove ?? ''
      room.set(target, Math.max(room.get(target) ?? 0, sizeOf(a.id).height + ANCHOR_GAP))
    }
    const headroom = (target: string) => room.get(target) ?? 0

    const known = new Set(spec.sections.map((s) => s.name))
    const sections = [...spec.sections, FALLBACK_SECTION]
      .map((s) => ({ spec: s, items: flowKids.filter((k) => (s === FALLBACK_SECTION ? !known.has(k.section) : k.section === s.name)) }))
      .filter((s) => s.items.length > 0)

    let cursor = 0
    let cross = 0
    for (const { spec: s, items } of sections) {
      const local = arrangeSection(s, items, sizeOf, headroom, sizes)
      const [dx, dy] = spec.flow === 'column' ? [0, cursor] : [cursor, 0]
      for (const [kid, box] of local.boxes) {
        placed.set(kid, { ...box, x: box.x + spec.padding + dx, y: box.y + spec.header + dy })
      }
      cursor += (spec.flow === 'column' ? local.height : local.width) + spec.sectionGap
      cross = Math.max(cross, spec.flow === 'column' ? local.width : local.height)
    }
    cursor -= spec.sectionGap
    const contentW = spec.flow === 'column' ? cross : cursor
    const contentH = spec.flow === 'column' ? cursor : cross
    for (const a of anchored) {
      const target = placed.get(a.anchorAbove ?? '')
      const s = sizeOf(a.id)
      if (target) placed.set(a.id, { ...s, x: target.x + (target.width - s.width) / 2, y: target.y - ANCHOR_GAP - s.height })
    }
    for (const k of flowKids) {
      if (!k.spanAcross?.length) continue
      const over = k.spanAcross.map((id) => placed.get(id)).filter((b): b is Box => b !== undefined)
      const own = placed.get(k.id)
      if (over.length === 0 || !own) continue
      const left = Math.min(...over.map((b) => b.x))
      const right = Math.max(...over.map((b) => b.x + b.width))
      const width = Math.max(own.width, right - left)
      placed.set(k.id, { ...own, x: Math.min(left, spec.padding + contentW - width), width })
      sizes.set(k.id, { width, height: own.height })
    }
    const size = {
      width: Math.max(min.width, contentW + 2 * spec.padding),
      height: Math.max(min.height, contentH + spec.header + spec.padding),
    }
    sizes.set(id, size)
    return size
  }
  const sizeOf = (id: string): Size => sizes.get(id) ?? { width: 0, height: 0 }

  measure('')

  const boxes = new Map<string, Box>()
  const ordered: GraphItem[] = []
  const emit = (id: string) => {
    for (const k of children.get(id) ?? []) {
      const at = placed.get(k.id) ?? { x: 0, y: 0 }
      const size = sizeOf(k.id)
      boxes.set(k.id, { x: at.x, y: at.y, width: size.width, height: size.height })
      ordered.push(parentOf(k) === k.parentId ? k : { ...k, parentId: undefined })
      emit(k.id)
    }
  }
  emit('')
  return { boxes, ordered }
}

function arrangeSection(
  s: SectionSpec,
  items: readonly GraphItem[],
  sizeOf: (id: string) => Size,
  headroom: (id: string) => number,
  sizes: Map<string, Size>,
): { boxes: Map<string, Box>; width: number; height: number } {
  const boxes = new Map<string, Box>()
  let width = 0
  let height = 0
  if (s.flow === 'column') {
    for (const item of items) {
      const size = sizeOf(item.id)
      const y = height + headroom(item.id)
      boxes.set(item.id, { x: 0, y, ...size })
      height = y + size.height + s.gap
      width = Math.max(width, size.width)
    }
    return { boxes, width, height: Math.max(0, height - s.gap) }
  }
  const perLine = s.wrap ?? Number.POSITIVE_INFINITY
  for (let start = 0; start < items.length; start += perLine) {
    const line = items.slice(start, start + perLine)
    const top = height + line.reduce((h, i) => Math.max(h, headroom(i.id)), 0)
    const lineHeight = line.reduce((h, i) => Math.max(h, sizeOf(i.id).height), 0)
    let x = 0
    for (const item of line) {
      const size = s.stretch ? { width: sizeOf(item.id).width, height: lineHeight } : sizeOf(item.id)
      if (s.stretch) sizes.set(item.id, size)
      boxes.set(item.id, { x, y: top, ...size })
      x += size.width + s.gap
    }
    width = Math.max(width, x - s.gap)
    height = top + lineHeight + s.gap
  }
  return { boxes, width, height: Math.max(0, height - s.gap) }
}
