import { isoTimestamp } from '../core/time.ts'

export { isoTimestamp }

/**
 * A resource with its epoch-ms members (`createdAt`, `startedAt`, …) as ISO timestamps, the way describe-* prints
 * them (fidelity §1.12). The world keeps epoch ms; only what is shown is converted.
 */
export function withIsoTimestamps<T extends object>(value: T, keys: readonly string[]): T {
  const out = { ...value } as Record<string, unknown>
  for (const k of keys) if (typeof out[k] === 'number') out[k] = isoTimestamp(out[k] as number)
  return out as T
}
