import type { WordPart } from './ast.ts'

/** One unquoted character (braces and commas live here) or any other part, kept whole. */
type Atom = string | WordPart

/**
 * Brace expansion, bash's first expansion, on unquoted text only:
 *
 * brace    = preamble "{" alt 1*( "," alt ) "}" postscript     ; a{b,c}d -> abd acd
 *          | preamble "{" seq "}" postscript                   ; {1..3} -> 1 2 3, {a..c} -> a b c
 * seq      = int ".." int [ ".." int ] | letter ".." letter
 *
 * `{a}`, `{}` and `${x}` are left alone. This is why unquoted AWS shorthand such as
 * `FixedResponseConfig={StatusCode=404,ContentType=text/plain}` reaches the CLI as two words
 * (see ../shared/reference/aws-fidelity.md 1.7).
 */
export function expandBraces(parts: WordPart[]): WordPart[][] {
  const atoms: Atom[] = []
  for (const part of parts) {
    if (part.kind === 'text' && !part.quoted) atoms.push(...part.text)
    else atoms.push(part)
  }
  const words = expandAtoms(atoms)
  // A typo like {1..100000000} must not freeze the tab: past this many words the word stays as typed.
  return words.length > MAX_WORDS ? [parts] : words.map(toParts)
}

const MAX_WORDS = 10_000

function expandAtoms(atoms: Atom[]): Atom[][] {
  for (let open = 0; open < atoms.length; open++) {
    if (atoms[open] !== '{') continue
    const group = findGroup(atoms, open)
    if (!group) continue
    const prefix = atoms.slice(0, open)
    const suffix = atoms.slice(group.close + 1)
    const words: Atom[][] = []
    for (const alt of group.alternatives) {
      words.push(...expandAtoms([...prefix, ...alt, ...suffix]))
      if (words.length > MAX_WORDS) break
    }
    return words
  }
  return [atoms]
}

function findGroup(atoms: Atom[], open: number): { close: number; alternatives: Atom[][] } | undefined {
  let depth = 0
  const commas: number[] = []
  for (let i = open + 1; i < atoms.length; i++) {
    const atom = atoms[i]
    if (atom === '{') depth++
    else if (atom === '}' && depth > 0) depth--
    else if (atom === '}') {
      if (commas.length) {
        const bounds = [open, ...commas, i]
        return { close: i, alternatives: bounds.slice(1).map((end, k) => atoms.slice((bounds[k] ?? 0) + 1, end)) }
      }
      const inner = atoms.slice(open + 1, i)
      const seq = inner.every((a) => typeof a === 'string') ? sequence(inner.join('')) : undefined
      return seq ? { close: i, alternatives: seq.map((s) => [...s]) } : undefined
    } else if (atom === ',' && depth === 0) commas.push(i)
  }
  return undefined
}

function sequence(text: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text)
  if (numeric) {
    const [from, to] = [Number(numeric[1]), Number(numeric[2])]
    const step = Math.abs(Number(numeric[3] ?? 1)) || 1
    if (Math.abs(to - from) / step > MAX_WORDS) return undefined
    const out: string[] = []
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) out.push(String(n))
    return out
  }
  const letters = /^([A-Za-z])\.\.([A-Za-z])$/.exec(text)
  if (!letters) return undefined
  const [from, to] = [(letters[1] ?? 'a').charCodeAt(0), (letters[2] ?? 'a').charCodeAt(0)]
  const out: string[] = []
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? 1 : -1) out.push(String.fromCharCode(n))
  return out
}

function toParts(atoms: Atom[]): WordPart[] {
  const parts: WordPart[] = []
  for (const atom of atoms) {
    const last = parts[parts.length - 1]
    if (typeof atom !== 'string') parts.push(atom)
    else if (last?.kind === 'text' && !last.quoted) last.text += atom
    else parts.push({ kind: 'text', text: atom, quoted: false })
  }
  return parts
}
