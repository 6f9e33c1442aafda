import type { Count } from './types.ts'

export const countMatches = (count: Count, n: number): boolean =>
  typeof count === 'number' ? n === count : (count.atLeast === undefined || n >= count.atLeast) && (count.atMost === undefined || n <= count.atMost)

export function countText(count: Count): string {
  if (typeof count === 'number') return String(count)
  if (count.atLeast !== undefined && count.atMost !== undefined) return `${count.atLeast} to ${count.atMost}`
  return count.atLeast !== undefined ? `at least ${count.atLeast}` : `at most ${count.atMost ?? 0}`
}
