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

export const parentOf = (path: string): string => (path.lastIndexOf('/') <= 0 ? '/' : path.slice(0, path.lastIndexOf('/')))
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

/** `/a/b/c` → `/a/b`, `/a` (nearest first; the root is not listed). */
export function ancestors(path: string): string[] {
  const out: string[] = []
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) out.push(path.slice(0, i))
  return out
}

/** True when `path` is `root` or lies below it. */
export const within = (path: string, root: string): boolean => root === '/' || path === root || path.startsWith(`${root}/`)

/** `path` relative to `root` (`''` for the root itself). */
export const relativeTo = (path: string, root: string): string => (path === root ? '' : root === '/' ? path.slice(1) : path.slice(root.length + 1))
