import { DASHED_KINDS, KIND_COLOURS, STATUS_COLOURS, USAGE_COLOUR } from './palette.ts'
import type { DiagramGraph, DiagramNodeData } from './types.ts'

// Export for slides without a dependency: React Flow's docs use html-to-image, which we do not ship. We draw our
// own plain SVG of the same graph (boxes with their kind and label, edges as lines with their labels) from
// toGraph's output, and rasterise that SVG on a canvas for the PNG.

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c)

/** Absolute boxes of every node (React Flow positions are relative to the parent). */
export function absoluteBoxes(graph: DiagramGraph): Map<string, { x: number; y: number; width: number; height: number }> {
  const out = new Map<string, { x: number; y: number; width: number; height: number }>()
  for (const n of graph.nodes) {
    const p = n.parentId ? out.get(n.parentId) : undefined
    out.set(n.id, { x: (p?.x ?? 0) + n.position.x, y: (p?.y ?? 0) + n.position.y, width: n.width ?? 0, height: n.height ?? 0 })
  }
  return out
}

/** The graph as a standalone SVG document (hidden nodes left out). Pure: the same graph gives the same text. */
export function graphToSvg(graph: DiagramGraph, options: { margin?: number; title?: string } = {}): string {
  const margin = options.margin ?? 20
  const boxes = absoluteBoxes(graph)
  const visible = graph.nodes.filter((n) => !n.hidden)
  let maxX = 0
  let maxY = 0
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  for (const n of visible) {
    const b = boxes.get(n.id)!
    minX = Math.min(minX, b.x)
    minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + b.width)
    maxY = Math.max(maxY, b.y + b.height)
  }
  if (visible.length === 0) minX = minY = 0
  const width = Math.ceil(maxX - minX + 2 * margin)
  const height = Math.ceil(maxY - minY + 2 * margin)
  const dx = margin - minX
  const dy = margin - minY
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${escapeXml(options.title ?? 'Architecture diagram')}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ]
  for (const n of visible) {
    const b = boxes.get(n.id)!
    const [fill, stroke] = KIND_COLOURS[n.data.kind]
    const x = b.x + dx
    const y = b.y + dy
    const dash = DASHED_KINDS.has(n.data.kind) ? ' stroke-dasharray="6 4"' : ''
    const accent = n.data.accent ? ` stroke="${escapeXml(n.data.accent)}" stroke-width="3"` : ` stroke="${stroke}" stroke-width="1.5"`
    out.push(`<g data-id="${escapeXml(n.id)}"><title>${escapeXml(n.data.ariaLabel)}</title>`)
    out.push(`<rect x="${x}" y="${y}" width="${b.width}" height="${b.height}" rx="4" fill="${fill}"${accent}${dash}/>`)
    const state = n.data.state !== undefined ? ` · ${n.data.state}${n.data.kind === 'Task' && n.data.badge ? `, ${n.data.badge}` : ''}` : ''
    out.push(`<text x="${x + 8}" y="${y + 16}" font-weight="600" fill="${stroke}">${escapeXml(n.data.kind)}</text>`)
    out.push(`<text x="${x + 8}" y="${y + 31}" fill="#16191f">${escapeXml(n.data.label + state)}</text>`)
    if (n.data.usage) out.push(...usageSvg(n.data.usage, x + 8, y + 38))
    if (n.data.state !== undefined) out.push(`<circle cx="${x + b.width - 10}" cy="${y + 10}" r="4" fill="${STATUS_COLOURS[n.data.status]}"/>`)
    out.push('</g>')
  }
  const shown = new Set(visible.map((n) => n.id))
  for (const e of graph.edges) {
    if (e.hidden || !shown.has(e.source) || !shown.has(e.target)) continue
    const s = boxes.get(e.source)!
    const t = boxes.get(e.target)!
    const [x1, y1] = [s.x + s.width / 2 + dx, s.y + s.height + dy]
    const [x2, y2] = [t.x + t.width / 2 + dx, t.y + dy]
    const w = typeof e.style?.strokeWidth === 'number' ? e.style.strokeWidth : 1.5
    out.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#545b64" stroke-width="${w}"/>`)
    if (typeof e.label === 'string') {
      out.push(`<text x="${(x1 + x2) / 2 + 4}" y="${(y1 + y2) / 2}" fill="#16191f" font-size="11">${escapeXml(e.label)}</text>`)
    }
  }
  out.push('</svg>')
  return out.join('\n')
}

/** An ECS container instance's CPU and memory bars (nodes.tsx UsageBars), in the same colour on the instance's fill. */
function usageSvg(usage: NonNullable<DiagramNodeData['usage']>, x: number, y: number): string[] {
  const rows = [
    ['CPU', usage.cpu],
    ['MiB', usage.memory],
  ] as const
  return rows.flatMap(([name, u], i) => {
    const top = y + i * 14
    const filled = u.registered > 0 ? Math.round((64 * Math.min(u.used, u.registered)) / u.registered) : 0
    return [
      `<text x="${x}" y="${top + 9}" fill="${USAGE_COLOUR}" font-size="11">${name}</text>`,
      `<rect x="${x + 30}" y="${top + 1}" width="64" height="8" rx="2" fill="#ffffff" stroke="${USAGE_COLOUR}"/>`,
      `<rect x="${x + 30}" y="${top + 1}" width="${filled}" height="8" fill="${USAGE_COLOUR}"/>`,
      `<text x="${x + 100}" y="${top + 9}" fill="${USAGE_COLOUR}" font-size="11">${u.used}/${u.registered} used</text>`,
    ]
  })
}

/** Starts a download of `blob` as `name` (browser only). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled (the download holds its own reference by then).
  queueMicrotask(() => URL.revokeObjectURL(url))
}

export const svgBlob = (svg: string): Blob => new Blob([svg], { type: 'image/svg+xml' })

/** Rasterises the SVG on a canvas (`Image` + `canvas.toBlob`), at `scale`× for sharp slides. */
export function svgToPng(svg: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const size = /width="(\d+)" height="(\d+)"/.exec(svg)
    const width = Number(size?.[1] ?? 800)
    const height = Number(size?.[2] ?? 600)
    // Canvases have a maximum area; scale down rather than fail on a very large diagram.
    const s = Math.min(scale, Math.sqrt(16_000_000 / Math.max(1, width * height)))
    const image = new Image()
    image.onload = () => {
      const canvas = document.createElement('canvas')
      canvas.width = Math.max(1, Math.round(width * s))
      canvas.height = Math.max(1, Math.round(height * s))
      const ctx = canvas.getContext('2d')
      if (!ctx) return reject(new Error('no 2D canvas'))
      ctx.scale(s, s)
      ctx.drawImage(image, 0, 0)
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/png')
    }
    image.onerror = () => reject(new Error('the SVG could not be drawn'))
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  })
}
