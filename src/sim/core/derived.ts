/**
 * Caches of answers derived from the world (indexes by address, routing lookups), keyed by the world's own objects.
 * A rollback puts objects back in place (same identity, older contents), which an identity-keyed cache cannot
 * notice, so `forgetDerived()` empties every one of them after a rollback; they rebuild on their next use.
 */
const caches = new Set<DerivedCache<object, unknown>>()

export class DerivedCache<K extends object, V> {
  private entries = new WeakMap<K, V>()

  constructor() {
    caches.add(this as unknown as DerivedCache<object, unknown>)
  }

  get(key: K): V | undefined {
    return this.entries.get(key)
  }

  set(key: K, value: V): void {
    this.entries.set(key, value)
  }

  delete(key: K): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries = new WeakMap()
  }
}

export function forgetDerived(): void {
  for (const cache of caches) cache.clear()
}
