import { resolvePath } from '../cli/index.ts'
import type { WorkingFiles } from './types.ts'

/** The folder-relative name, or '' for a path outside the working folder (which then holds nothing). */
const normalisePath = (path: string): string => resolvePath(path.trim()) ?? ''

/** A working folder over a plain record (which lives in the snapshot); `onChange` tells the sandbox's subscribers. */
export function workingFiles(store: Record<string, string>, onChange: () => void): WorkingFiles {
  return {
    read: (path) => {
      const key = normalisePath(path)
      return Object.hasOwn(store, key) ? store[key] : undefined
    },
    write: (path, text) => {
      const key = normalisePath(path)
      if (!key || key.includes('/')) throw new Error(`Files live directly in the working folder: ${path}`)
      store[key] = String(text)
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
