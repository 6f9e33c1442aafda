import { resolvePath } from '../cli/index.ts'
import type { WorkingFiles } from './types.ts'

/**
 * The folder-relative name, or '' for a path outside the working folder (which then holds nothing). Not trimmed:
 * `echo hi > ' '` makes a file named by one space in bash, and so it does here.
 */
const normalisePath = (path: string): string => resolvePath(path) ?? ''

/** A working folder over a plain record (which lives in the snapshot); `onChange` tells the sandbox's subscribers. */
export function workingFiles(store: Record<string, string>, onChange: () => void): WorkingFiles {
  return {
    read: (path) => {
      const key = normalisePath(path)
      return Object.hasOwn(store, key) ? store[key] : undefined
    },
    write: (path, text) => {
      const key = normalisePath(path)
      // Files in folders (`site/index.html`) are named by their relative path; a folder is there while a file is in it.
      if (!key) throw new Error(`Not a file in the working folder: ${path}`)
      // An own property even for `__proto__` (an assignment would set the record's prototype instead).
      Object.defineProperty(store, key, { value: String(text), writable: true, enumerable: true, configurable: true })
      onChange()
    },
    list: () => Object.keys(store).sort(),
    remove: (path) => {
      const key = normalisePath(path)
      if (!Object.hasOwn(store, key)) return false
      delete store[key]
      onChange()
      return true
    },
  }
}
