import { getServiceModel, serviceNames } from '../models/index.ts'
import { isOptionLike } from './aws/argparse.ts'
import { findOperation, operationCommands } from './aws/index.ts'
import { getCloseMatches } from './aws/difflib.ts'
import { GLOBAL_OPTIONS, globalOption } from './aws/globals.ts'
import { findWaiter, waiterNames } from './aws/wait.ts'

/** A problem in the line being typed, for the console's squiggles: offsets into the line and the CLI's words. */
export interface Diagnostic {
  from: number
  to: number
  message: string
}

interface Word {
  text: string
  from: number
  to: number
}

/**
 * Words with their offsets, split at blanks and at `;`, `&&`, `||`, `|` and newlines (unescaped, outside
 * quotes), one list per command. Quotes are removed from the text; anything with `$` is left as typed.
 * A light reading for squiggles only: the shell itself runs the line.
 */
function commands(line: string): Word[][] {
  const all: Word[][] = [[]]
  let word: Word | undefined
  const end = (at: number) => {
    if (word) all[all.length - 1].push({ ...word, to: at })
    word = undefined
  }
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\' && line[i + 1] === '\n') {
      i++
      continue
    }
    if (/[\s;&|]/.test(c)) {
      end(i)
      if (c !== ' ' && c !== '\t' && all[all.length - 1].length) all.push([])
      continue
    }
    word ??= { text: '', from: i, to: i }
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1)
      const stop = close < 0 ? line.length : close
      word.text += line.slice(i + 1, stop)
      i = stop
    } else if (c === '\\') word.text += line[++i] ?? ''
    else word.text += c
  }
  end(line.length)
  return all.filter((c) => c.length)
}

const choice = (what: string, value: string, choices: string[]) => {
  const maybe = getCloseMatches(value, choices)
  return `Invalid ${what} '${value}'.${maybe.length ? ` Maybe you meant: ${maybe.join(', ')}` : ''}`
}

/** What the AWS CLI would reject in this line before sending anything: unknown services, operations and options. */
export function diagnoseLine(line: string): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const words of commands(line)) {
    if (words[0]?.text !== 'aws') continue
    const positional = words.slice(1).filter((w, i, list) => !isOptionLike(w.text) && !(i > 0 && globalOption(list[i - 1].text)?.value))
    const [service, operation, waiter] = positional
    if (!service || service.text.includes('$')) continue
    if (service.text !== 'help' && !serviceNames().includes(service.text)) {
      out.push({ from: service.from, to: service.to, message: choice('choice', service.text, [...serviceNames(), 'help']) })
      continue
    }
    if (!operation || operation.text.includes('$') || operation.text === 'help') continue
    let command = findOperation(service.text, operation.text)
    if (operation.text === 'wait') {
      const model = getServiceModel(service.text)
      if (!model || !waiter) continue
      try {
        command = findWaiter(model, service.text, waiter.text).command
      } catch {
        out.push({ from: waiter.from, to: waiter.to, message: choice('waiter', waiter.text, waiterNames(model)) })
        continue
      }
    } else if (!command) {
      out.push({ from: operation.from, to: operation.to, message: choice('choice', operation.text, [...operationCommands(service.text).map((c) => c.cliName), 'wait', 'help']) })
      continue
    }
    const known = [...command.options.map((o) => o.name), ...Object.keys(GLOBAL_OPTIONS), '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton', '--starting-token', '--page-size', '--max-items']
    for (const w of words.slice(1)) {
      if (!isOptionLike(w.text)) continue
      const name = w.text.split('=')[0]
      if (name.startsWith('--') && known.some((k) => k.startsWith(name))) continue
      const fix = name.startsWith('--') ? getCloseMatches(name, known) : known.filter((k) => k === `-${name}`)
      const hint = fix.length ? ` Did you mean ${fix.join(', ')}?` : ''
      out.push({ from: w.from, to: w.from + name.length, message: `Unknown option ${name}.${hint}` })
    }
  }
  return out
}
