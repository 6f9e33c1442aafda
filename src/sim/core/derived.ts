/**
 * Caches of answers derived from the world (indexes by address, routing lookups), keyed by the world's own objects.
 * A rollback puts objects back in place (same identity, older contents), which an identity-keyed cache cannot
 * notice, so what was derived while a savepoint was open must be forgotten when it rolls back.
 *
 * Forgetting is per simulation: each `Simulation` owns a `DerivedScope`, and runs its savepoints inside it
 * (`derivingIn`). An entry remembers the scope it was derived in and that scope's epoch; a rollback moves the epoch
 * on, which invalidates that simulation's entries only, so two sandboxes in one page never flush each other's caches.
 * An entry derived outside any savepoint (a reader between commands) has no scope: no rollback can make it stale,
 * because a rollback only takes back changes made while a savepoint was open.
 */
export class DerivedScope {
  epoch = 0

  /** Invalidates everything derived in this scope (after a rollback). */
  forget(): void {
    this.epoch++
  }
}

let active: DerivedScope | undefined

/** Runs `fn` with what it derives belonging to `scope`. */
export function derivingIn<T>(scope: DerivedScope, fn: () => T): T {
  const outer = active
  active = scope
  try {
    return fn()
  } finally {
    active = outer
  }
}

interface Entry<V> {
  value: V
  scope: DerivedScope | undefined
  epoch: number
}

export class DerivedCache<K extends object, V> {
  private entries = new WeakMap<K, Entry<V>>()

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.scope && entry.scope.epoch !== entry.epoch) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value, scope: active, epoch: active?.epoch ?? 0 })
  }

  delete(key: K): void {
    this.entries.delete(key)
  }

  clear(): void {
    this.entries = new WeakMap()
  }
}
