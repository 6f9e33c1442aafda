import type { ProgramIO } from '../program.ts'
import { paramError } from './errors.ts'

/**
 * `file://` and `fileb://` values (awscli/paramfile.py, fidelity §1.7): the file's text replaces the value and is
 * then parsed like a typed value. A list option given exactly one word is checked too, which is how
 * `--container-definitions file://x.json` works.
 */
export function expandParamFile(option: string, value: string, files: ProgramIO['files']): string {
  for (const prefix of ['file://', 'fileb://']) {
    if (!value.startsWith(prefix)) continue
    const path = value.slice(prefix.length)
    const text = files.read(path)
    if (text === undefined)
      throw paramError(`Error parsing parameter '${option}': Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`)
    return text
  }
  return value
}
