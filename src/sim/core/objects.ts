/**
 * Replaces an object's contents in place. Rollbacks use it because the simulation context, the RNG and the
 * sandbox all hold references to the same state objects.
 */
export function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key]
  Object.assign(target, source)
}
