/**
 * An undo log for the world, so that a failed command can be taken back without copying the world first.
 *
 * While a savepoint is open, handlers see the world through `view()`: a proxy that, before the first change to
 * any object or array, keeps a shallow copy of it. Rolling back puts each changed object's own entries back from
 * its copy (in their original order, so snapshots stay byte-identical); objects created meanwhile simply become
 * unreachable again. A command therefore costs what it changes, not the size of the world: copying a world of
 * 1,000 tasks took ~45 ms per command, which `npm run bench` showed dominating a rolling deployment.
 *
 * What goes into the world is unwrapped first, so the stored world never holds a proxy (it stays plain data for
 * structuredClone and snapshots).
 */
/** Every journal's proxies → the objects behind them. */
const targets = new WeakMap<object, object>()

/**
 * The world's own object behind a value a handler holds: caches of derived answers key on it, so that a handler
 * (through the journal's view) and a timer (on the plain world) share one cache entry.
 */
export const unproxied = <T extends object>(value: T): T => (targets.get(value) as T | undefined) ?? value

export class Journal {
  private readonly proxies = new WeakMap<object, object>()
  /** Open savepoints, innermost last: each maps a changed object to a shallow copy taken before its first change. */
  private readonly frames: Map<object, object>[] = []
  private readonly handler: ProxyHandler<object>

  constructor() {
    this.handler = {
      get: (target, key) => {
        const value = (target as Record<PropertyKey, unknown>)[key]
        return typeof value === 'object' && value !== null ? this.wrap(value) : value
      },
      set: (target, key, value) => {
        this.keep(target)
        ;(target as Record<PropertyKey, unknown>)[key] = this.unwrap(value)
        return true
      },
      deleteProperty: (target, key) => {
        this.keep(target)
        return delete (target as Record<PropertyKey, unknown>)[key]
      },
      defineProperty: (target, key, descriptor) => {
        this.keep(target)
        if ('value' in descriptor) descriptor = { ...descriptor, value: this.unwrap(descriptor.value) }
        return Reflect.defineProperty(target, key, descriptor)
      },
    }
  }

  /** How many savepoints are open. */
  get depth(): number {
    return this.frames.length
  }

  /** `root` as handlers should see it while a savepoint is open. */
  view<T extends object>(root: T): T {
    return this.wrap(root)
  }

  /** Whether anything was changed through the view since the innermost savepoint began. */
  changed(): boolean {
    return (this.frames.at(-1)?.size ?? 0) > 0
  }

  begin(): void {
    this.frames.push(new Map())
  }

  /** Keeps the innermost savepoint's changes: the enclosing one (if any) can still take them back. */
  commit(): void {
    const inner = this.frames.pop()
    const outer = this.frames.at(-1)
    if (!inner || !outer) return
    // An object the enclosing savepoint has not copied was unchanged before this one began: this copy is its state.
    for (const [target, copy] of inner) if (!outer.has(target)) outer.set(target, copy)
  }

  /** Puts every object changed since the innermost savepoint back as it was, and closes that savepoint. */
  rollback(): void {
    const inner = this.frames.pop()
    if (!inner) return
    for (const [target, copy] of inner) restore(target, copy)
  }

  /**
   * Keeps `target` as it is now, for a change made to it directly rather than through the view (the engine does this
   * for the few objects an HTTP request changes). Outside a savepoint it does nothing.
   */
  keep(target: object): void {
    const frame = this.frames.at(-1)
    if (frame && !frame.has(target)) frame.set(target, Array.isArray(target) ? target.slice() : { ...target })
  }

  private wrap<T extends object>(value: T): T {
    let proxy = this.proxies.get(value)
    if (!proxy) {
      // Frozen data cannot change, and a proxy must hand out a frozen object's entries as they are (an invariant).
      if (Object.isFrozen(value)) return value
      proxy = new Proxy(value, this.handler)
      this.proxies.set(value, proxy)
      targets.set(proxy, value)
    }
    return proxy as T
  }

  /** The plain data behind a value about to be stored: a proxy's target, or a new object with its proxies replaced. */
  private unwrap(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value
    const target = targets.get(value)
    if (target) return target
    if (Object.isFrozen(value)) return value
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      const entry = record[key]
      const plain = this.unwrap(entry)
      if (plain !== entry) record[key] = plain
    }
    return value
  }
}

function restore(target: object, copy: object): void {
  if (Array.isArray(target)) {
    const items = copy as unknown[]
    target.length = items.length
    for (let i = 0; i < items.length; i++) target[i] = items[i]
    return
  }
  const record = target as Record<string, unknown>
  for (const key of Object.keys(record)) delete record[key]
  Object.assign(record, copy)
}
