/**
 * Python's `difflib.get_close_matches`, which the AWS CLI uses for "Maybe you meant" (fidelity §1.4):
 * SequenceMatcher ratio (Ratcliff/Obershelp: 2·matches / total length), keep ratio ≥ cutoff, best `n` by
 * (score, choice) descending. No junk heuristics: they only apply to strings of 200+ characters.
 */
function longestMatch(a: string, b: string, alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  // Dynamic programming over runs, earliest i then earliest j on ties, as difflib's find_longest_match.
  let best: [number, number, number] = [alo, blo, 0]
  let lengths = new Map<number, number>()
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>()
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue
      const k = (lengths.get(j - 1) ?? 0) + 1
      next.set(j, k)
      if (k > best[2]) best = [i - k + 1, j - k + 1, k]
    }
    lengths = next
  }
  return best
}

function matchingCharacters(a: string, b: string): number {
  let total = 0
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]]
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number]
    const [i, j, k] = longestMatch(a, b, alo, ahi, blo, bhi)
    if (!k) continue
    total += k
    if (alo < i && blo < j) queue.push([alo, i, blo, j])
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi])
  }
  return total
}

function ratio(a: string, b: string): number {
  const length = a.length + b.length
  return length ? (2 * matchingCharacters(a, b)) / length : 1
}

export function getCloseMatches(word: string, choices: readonly string[], n = 3, cutoff = 0.8): string[] {
  return choices
    .map((choice) => ({ choice, score: ratio(word, choice) }))
    .filter((m) => m.score >= cutoff)
    .sort((x, y) => y.score - x.score || (x.choice < y.choice ? 1 : x.choice > y.choice ? -1 : 0))
    .slice(0, n)
    .map((m) => m.choice)
}
