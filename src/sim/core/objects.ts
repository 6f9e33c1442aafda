/**
 * Replaces an object's contents in place. Rollbacks use it because the simulation context, the RNG and the
 * sandbox all hold references to the same state objects.
 */
export function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key]
  Object.assign(target, source)
}

/**
 * The record's own entry for `key`: IDs and names come from the learner, and a plain lookup of `constructor` or
 * `__proto__` would find Object.prototype's members instead of "not found".
 */
export function ownEntry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/** Sets the record's own entry for `key`; a plain assignment to `__proto__` would change the record's prototype instead. */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true })
}
