import type { Layout, RegionId } from '../state/types.ts'

/** Limits for each resizable size, in CSS pixels. */
export const SIZE_LIMITS = {
  lessonWidth: { min: 200, max: 720 },
  inspectorWidth: { min: 200, max: 640 },
  diagramHeight: { min: 120, max: 1200 },
} as const

export type SizeKey = keyof typeof SIZE_LIMITS

export const REGION_IDS: readonly RegionId[] = ['lesson', 'diagram', 'inspector', 'console']

export const defaultLayout = (): Layout => ({
  lessonWidth: 340,
  inspectorWidth: 320,
  // Most of the middle column: the diagram is what a learner watches; the console keeps a dozen lines below it.
  diagramHeight: 500,
  collapsed: { lesson: false, diagram: false, inspector: false, console: false },
  bottomTab: 'console',
})

export const clampSize = (key: SizeKey, value: number): number =>
  Math.round(Math.min(SIZE_LIMITS[key].max, Math.max(SIZE_LIMITS[key].min, value)))

/** Accepts whatever was stored and keeps only valid values (anything else falls back to the default). */
export function normalizeLayout(stored: Record<string, unknown>): Layout {
  const layout = defaultLayout()
  for (const key of Object.keys(SIZE_LIMITS) as SizeKey[]) {
    const v = stored[key]
    if (typeof v === 'number' && Number.isFinite(v)) layout[key] = clampSize(key, v)
  }
  const collapsed = stored.collapsed
  if (typeof collapsed === 'object' && collapsed !== null) {
    for (const id of REGION_IDS) {
      const v = (collapsed as Record<string, unknown>)[id]
      if (typeof v === 'boolean') layout.collapsed[id] = v
    }
  }
  if (stored.bottomTab === 'files' || stored.bottomTab === 'metrics' || stored.bottomTab === 'logs') layout.bottomTab = stored.bottomTab
  return layout
}
