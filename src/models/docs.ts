/**
 * Help text and examples, kept out of the app's first load: each service's `generated/<cli>.docs.json` is its
 * own lazily loaded chunk (import.meta.glob without `eager`). `help` runs synchronously inside `sandbox.exec`,
 * so whoever shows help loads the docs first (`await loadServiceDocs('ecs')` or `loadAllServiceDocs()`), and
 * `getServiceDocs` then answers from memory.
 */
import type { ServiceDocs } from './types.ts'

const loaders = import.meta.glob<ServiceDocs>('./generated/*.docs.json', { import: 'default' })
const byService = new Map<string, () => Promise<ServiceDocs>>()
for (const [path, load] of Object.entries(loaders)) {
  const cliName = /([^/]+)\.docs\.json$/.exec(path)?.[1]
  if (cliName) byService.set(cliName, load)
}

const loaded = new Map<string, ServiceDocs>()

/** Loads (once) and returns one service's docs; undefined for a service we do not generate. */
export async function loadServiceDocs(cliName: string): Promise<ServiceDocs | undefined> {
  const have = loaded.get(cliName)
  if (have) return have
  const load = byService.get(cliName)
  if (!load) return undefined
  const docs = await load()
  loaded.set(cliName, docs)
  return docs
}

/** Loads every service's docs. */
export async function loadAllServiceDocs(): Promise<void> {
  await Promise.all([...byService.keys()].map((name) => loadServiceDocs(name)))
}

/** The docs `loadServiceDocs` has already loaded for this service, else undefined. */
export function getServiceDocs(cliName: string): ServiceDocs | undefined {
  return loaded.get(cliName)
}
