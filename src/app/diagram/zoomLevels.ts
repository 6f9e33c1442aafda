import type { DiagramKind, DiagramNode } from './types.ts'

/**
 * Semantic zoom: what the diagram draws at which zoom. Text is set at `--diagram-label-size` (12 px unless the app's
 * text-size control says otherwise) and must stay readable on screen (WCAG 1.4.4 asks for text that scales; we aim
 * for at least 11 px in the view a learner gets without asking).
 *
 * - From DETAIL_ZOOM up, every node draws everything: kind, name, detail line, badges, containers, rules.
 * - Below it (`cs-zoom-overview`, diagram.css) a node draws its name and its summary only (semantic.ts: an AZ's
 *   counts, "2/2 healthy" on a service and a target group, a task's state), and the small parts inside (containers,
 *   listener rules, security-group badges, the ENI's frame) are not drawn. The letters grow in flow units by
 *   1 / zoom (`--cs-text-scale`), up to TEXT_SCALE_MAX, so on screen they keep their size.
 */
// 12 px × 0.92 ≈ 11 px: above it, letters are drawn at their own size and are still readable; below it they grow.
export const DETAIL_ZOOM = 0.92

/** How far letters grow when zoomed out; past that (below 1 / TEXT_SCALE_MAX) they shrink with the view. */
export const TEXT_SCALE_MAX = 3.2

/**
 * The least zoom of a view the panel picks by itself (the first view, follow): letters at
 * 12 px × TEXT_SCALE_MAX × READABLE_ZOOM ≥ 11 px on screen, with room to spare.
 */
export const READABLE_ZOOM = 0.32

/** The `--cs-text-scale` for a zoom, in steps of 0.05 so a zoom animation restyles the nodes a few times, not each frame. */
export function textScaleOf(zoom: number): number {
  const scale = Math.min(TEXT_SCALE_MAX, Math.max(1, 1 / Math.max(zoom, 1e-3)))
  return Math.round(scale * 20) / 20
}

/**
 * What the course is about, fitted when the whole diagram (or all a command changed) cannot be shown readably: a
 * request's path, load balancer → target group → tasks, all in the VPC. (Services sit in their cluster beside the
 * VPC; the legend below the pane gives their counts.)
 */
const WORKLOAD_KINDS: ReadonlySet<DiagramKind> = new Set<DiagramKind>(['Load balancer', 'Target group', 'Task'])

export function workloadIds(nodes: readonly DiagramNode[]): string[] {
  const ids = nodes.filter((n) => WORKLOAD_KINDS.has(n.data.kind) && !n.hidden).map((n) => n.id)
  if (ids.length > 0) return ids
  return nodes.filter((n) => n.data.kind === 'VPC').map((n) => n.id)
}
