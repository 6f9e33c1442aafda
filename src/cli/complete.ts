import { serviceNames } from '../models/index.ts'
import { operationCommands } from './aws/index.ts'
import { GLOBAL_OPTIONS } from './aws/globals.ts'
import { builtins } from './builtins/index.ts'

/**
 * Completion candidates for the console (Tab): programs and built-ins for the first word, then for `aws` the
 * services, operations and options from the same command table the CLI parses with, and working-folder files
 * after `file://`. `from` is the offset where the word being completed starts.
 */
export function completeLine(line: string, context: { files: string[]; programs: string[] }): { from: number; items: string[] } {
  const from = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\n'), line.lastIndexOf('\t')) + 1
  const word = line.slice(from)
  const before = line.slice(0, from).trim().split(/\s+/).filter(Boolean)
  const startsWith = (items: string[]) => ({ from, items: [...new Set(items)].filter((i) => i.startsWith(word)).sort() })

  for (const prefix of ['file://', 'fileb://'])
    if (word.startsWith(prefix)) return { from, items: context.files.map((f) => prefix + f).filter((i) => i.startsWith(word)) }
  if (before.length === 0) return startsWith([...context.programs, ...Object.keys(builtins)])
  if (before[0] !== 'aws') return startsWith(context.files)
  const words = before.slice(1).filter((w) => !w.startsWith('-'))
  if (words.length === 0) return startsWith(word.startsWith('-') ? Object.keys(GLOBAL_OPTIONS) : [...serviceNames(), 'help'])
  const operations = operationCommands(words[0])
  if (words.length === 1 && !word.startsWith('-')) return startsWith([...operations.map((o) => o.cliName), 'wait', 'help'])
  const operation = operations.find((o) => o.cliName === words[1])
  if (word.startsWith('-')) return startsWith([...(operation?.options.map((o) => o.name) ?? []), ...Object.keys(GLOBAL_OPTIONS)])
  return { from, items: [] }
}
