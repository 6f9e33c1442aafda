import type { Builtin } from '../types.ts'
import { getopt, has, usageError } from './getopt.ts'
import { readInputs } from './inputs.ts'

type Tool = 'head' | 'tail'

/** `-n 5`, `-n -5` (head: all but the last 5), `-n +5` (tail: from line 5), with GNU's size suffixes left out. */
interface Count {
  by: 'lines' | 'bytes'
  n: number
  sign: '' | '+' | '-'
}

/**
 * `head [-n N | -N | -c N] [-qv] [FILE...]` and `tail [-n N | -N | -n +N | -c N] [-qv] [-f] [FILE...]`,
 * GNU coreutils: ten lines by default, `==> name <==` headers with more than one file.
 * `tail -f` cannot wait for more text in a synchronous sandbox: it prints what is there and ends.
 * https://www.gnu.org/software/coreutils/manual/html_node/head-invocation.html
 */
function makeTool(tool: Tool): Builtin {
  return {
    summary: tool === 'head' ? 'print the first lines (aws ecs help | head -n 20)' : 'print the last lines (tail -n 5 notes.txt)',
    run(args, io) {
      const parsed = getopt(args, {
        flags: tool === 'tail' ? 'qvfF' : 'qv',
        withArg: 'nc',
        digitsAs: 'n',
        long: { lines: { key: 'n', arg: true }, bytes: { key: 'c', arg: true }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' }, follow: { key: 'f' } },
      })
      if ('error' in parsed) {
        io.stderr(usageError(tool, parsed.error))
        return 1
      }
      let count: Count = { by: 'lines', n: 10, sign: '' }
      for (const o of parsed.options) {
        if (o.key !== 'n' && o.key !== 'c') continue
        const match = /^([+-]?)(\d+)$/.exec(o.value ?? '')
        if (!match) {
          const what = o.key === 'n' ? 'number of lines' : 'number of bytes'
          io.stderr(`${tool}: invalid ${what}: '${o.value ?? ''}'\n`)
          return 1
        }
        count = { by: o.key === 'n' ? 'lines' : 'bytes', n: Number(match[2]), sign: (match[1] ?? '') as Count['sign'] }
      }
      const inputs = readInputs(parsed.operands, io)
      const headers = has(parsed, 'v') || (inputs.length > 1 && !has(parsed, 'q'))
      let status = 0
      let first = true
      for (const input of inputs) {
        if ('error' in input) {
          io.stderr(`${tool}: cannot open '${input.name}' for reading: ${input.error}\n`)
          status = 1
          continue
        }
        if (headers) io.stdout(`${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`)
        first = false
        io.stdout(cut(tool, input.text, count))
      }
      return status
    },
  }
}

function cut(tool: Tool, text: string, { by, n, sign }: Count): string {
  const units = by === 'bytes' ? [...text] : linesKeepingNewlines(text)
  let kept: string[]
  if (tool === 'head') kept = sign === '-' ? units.slice(0, Math.max(0, units.length - n)) : units.slice(0, n)
  else kept = sign === '+' ? units.slice(Math.max(0, n - 1)) : n === 0 ? [] : units.slice(-n)
  return kept.join('')
}

function linesKeepingNewlines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

export const head = makeTool('head')
export const tail = makeTool('tail')

