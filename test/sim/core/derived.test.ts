import { describe, expect, it } from 'vitest'
import { DerivedCache, DerivedScope, derivingIn } from '../../../src/sim/core/index.ts'

/** Two sandboxes in one page each own a scope: a rollback in one forgets only what that one derived. */
describe('caches of derived answers', () => {
  it('forget what one simulation derived when it rolls back, and keep the other’s', () => {
    const cache = new DerivedCache<object, string>()
    const [a, b] = [new DerivedScope(), new DerivedScope()]
    const [keyA, keyB, between] = [{}, {}, {}]
    derivingIn(a, () => cache.set(keyA, 'from a'))
    derivingIn(b, () => cache.set(keyB, 'from b'))
    cache.set(between, 'outside any savepoint')
    a.forget()
    expect(cache.get(keyA)).toBeUndefined()
    expect(cache.get(keyB)).toBe('from b')
    expect(cache.get(between)).toBe('outside any savepoint')
    b.forget()
    expect(cache.get(keyB)).toBeUndefined()
  })
})
