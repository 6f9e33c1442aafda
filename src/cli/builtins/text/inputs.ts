import type { ProgramIO } from '../../program.ts'
import { isDirectory, resolvePath } from '../../shell/paths.ts'

/** One input a filter reads: its name as typed (`-` is standard input) and its text, or why it could not be read. */
export type Input = { name: string; text: string } | { name: string; error: 'No such file or directory' | 'Is a directory' }

/**
 * The texts a filter reads, in order: each operand file, `-` (or no operand at all) meaning standard input.
 * Standard input from the terminal is empty here: the sandbox cannot type into a running program.
 */
export function readInputs(operands: readonly string[], io: ProgramIO): Input[] {
  const names = operands.length ? operands : ['-']
  return names.map((name): Input => {
    if (name === '-') return { name, text: io.stdin ?? '' }
    if (name === '/dev/null') return { name, text: '' }
    if (name === '/dev/stdin') return { name, text: io.stdin ?? '' }
    const path = resolvePath(name)
    const text = path === undefined ? undefined : io.files.read(path)
    if (text !== undefined) return { name, text }
    return { name, error: path !== undefined && isDirectory(path, io.files.list()) ? 'Is a directory' : 'No such file or directory' }
  })
}

/** Lines without their newlines; a last line without a newline still counts (as GNU tools read it). */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

export const joinLines = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('')
