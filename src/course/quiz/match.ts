/**
 * Tolerant matching for typed answers: case, spacing, quotes and a final full stop never matter, and a longer
 * answer may carry one typo (so "ClusterNotFoundExeption" still counts, but "443" is not "444").
 */
export const normalize = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"'`“”‘’]+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .trim()

export function textMatches(given: string, expected: string): boolean {
  const a = normalize(given)
  const b = normalize(expected)
  if (!a) return false
  if (a === b || a.replace(/ /g, '') === b.replace(/ /g, '')) return true
  return b.length >= 8 && !/^\d+$/.test(b) && editDistanceAtMostOne(a, b)
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** A number as a learner types it: "8,080", " 300 ms", "2.0" (the first number in the text). */
export function readNumber(text: string): number | undefined {
  const m = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/.exec(text.replace(/\s+/g, ''))
  if (!m) return undefined
  const n = Number(m[0].replace(/,/g, ''))
  return Number.isFinite(n) ? n : undefined
}
