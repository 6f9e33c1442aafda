import { CATALOGUE_LAYERS } from './catalogue.ts'
import type { DockerState, Entry } from './state.ts'

/** A layer's entries by ID: a catalogue layer (data, shared by every image and container) or a committed one. */
export function layerEntries(docker: DockerState, id: string): Record<string, Entry> {
  return CATALOGUE_LAYERS.get(id)?.entries ?? docker.layers[id]?.entries ?? {}
}

export function layerInfo(docker: DockerState, id: string): { size: number; createdBy: string; created?: number } {
  const stored = docker.layers[id]
  if (stored) return { size: stored.size, createdBy: stored.createdBy, created: stored.created }
  const layer = CATALOGUE_LAYERS.get(id)
  return layer ? { size: layer.size, createdBy: layer.createdBy } : { size: 0, createdBy: '' }
}

/** Bytes a set of entries holds (file text lengths), the way `docker ps -s` and `system df` count a writable layer. */
export function entriesSize(entries: Record<string, Entry>): number {
  let size = 0
  for (const e of Object.values(entries)) if (e.k === 'f') size += utf8Length(e.c)
  return size
}

function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}
