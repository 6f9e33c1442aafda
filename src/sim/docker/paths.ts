/** Absolute container paths, normalised the way the kernel resolves them (`.`, `..`, repeated slashes). */
export function normalise(path: string, cwd = '/'): string {
  const absolute = path.startsWith('/') ? path : `${cwd}/${path}`
  const out: string[] = []
  for (const s of absolute.split('/')) {
    if (s === '' || s === '.') continue
    if (s === '..') out.pop()
    else out.push(s)
  }
  return `/${out.join('/')}`
}

export const parentOf = (path: string): string => {
  const slash = path.lastIndexOf('/')
  return slash <= 0 ? '/' : path.slice(0, slash)
}
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/**
 * `/a/b/c` → `/a/b`, `/a` (nearest first; the root is not listed). Every read through a layer stack asks this of its
 * path, and programs use few paths, so the answers are remembered (a bounded memo of a pure function).
 */
export function ancestors(path: string): readonly string[] {
  let out = ancestorMemo.get(path)
  if (out) return out
  const found: string[] = []
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) found.push(path.slice(0, i))
  out = found
  if (ancestorMemo.size >= ANCESTOR_MEMO_SIZE) ancestorMemo.clear()
  ancestorMemo.set(path, out)
  return out
}
const ANCESTOR_MEMO_SIZE = 4096
const ancestorMemo = new Map<string, readonly string[]>()

/** True when `path` is `root` or lies below it. */
export const within = (path: string, root: string): boolean => root === '/' || path === root || path.startsWith(`${root}/`)

/** `path` relative to `root` (`''` for the root itself). */
export const relativeTo = (path: string, root: string): string => (path === root ? '' : root === '/' ? path.slice(1) : path.slice(root.length + 1))
