/**
 * The terminal-line rules shared by the Monaco console and its plain textarea fallback. Pure functions,
 * tested from a table of cases.
 */

/** A line continues (bash's backslash-newline) when it ends in an odd number of backslashes: `\\` is a literal backslash. */
export function endsWithContinuation(text: string): boolean {
  const m = /\\+$/.exec(text)
  return m !== null && m[0].length % 2 === 1
}

/** Several lines that read as one command: every line but the last ends with a continuation, the last does not. */
export function isContinuedCommand(text: string): boolean {
  const lines = text.split('\n')
  if (lines.length < 2) return false
  return lines.slice(0, -1).every(endsWithContinuation) && !endsWithContinuation(lines[lines.length - 1])
}

/** Pasted text without Windows line ends and without its final newline. */
export const normalizePaste = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/\n$/, '')

/**
 * What a paste does, given the whole input after the paste: a multi-line paste whose lines continue with `\`
 * runs at once as one command; anything else stays in the editor for Enter.
 */
export function pasteRunsAtOnce(pasted: string, valueAfterPaste: string): boolean {
  return normalizePaste(pasted).includes('\n') && isContinuedCommand(normalizePaste(valueAfterPaste))
}

export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return ''
  let prefix = items[0]
  for (const item of items) {
    let i = 0
    while (i < prefix.length && i < item.length && prefix[i] === item[i]) i++
    prefix = prefix.slice(0, i)
  }
  return prefix
}

/**
 * Bash-like Tab: one candidate replaces the word (and adds a space unless it ends a path or an `=`);
 * several candidates extend the word to their common prefix. Returns the new text before the cursor, or
 * undefined when Tab changes nothing (then the caller may list the candidates).
 */
export function applyCompletion(before: string, completion: { from: number; items: readonly string[] }): string | undefined {
  const { items } = completion
  const from = Math.max(0, Math.min(before.length, completion.from))
  const word = before.slice(from)
  if (items.length === 1) {
    const item = items[0]
    const suffix = /[/=]$/.test(item) || item.endsWith(' ') ? '' : ' '
    const next = before.slice(0, from) + item + suffix
    return next === before ? undefined : next
  }
  const prefix = commonPrefix(items)
  if (items.length > 1 && prefix.length > word.length && prefix.startsWith(word)) return before.slice(0, from) + prefix
  return undefined
}

/**
 * Up/Down through earlier commands, bash style: the line being typed is kept as a draft and comes back
 * after the newest entry.
 */
export class HistoryWalker {
  private index = -1
  private draft = ''

  /** Older entry, or undefined at the oldest. `current` is the text in the editor now. */
  previous(history: readonly string[], current: string): string | undefined {
    if (history.length === 0) return undefined
    if (this.index === -1) {
      this.draft = current
      this.index = history.length
    }
    if (this.index === 0) return undefined
    this.index -= 1
    return history[this.index]
  }

  /** Newer entry; past the newest, the draft. Undefined when not walking the history. */
  next(history: readonly string[]): string | undefined {
    if (this.index === -1) return undefined
    this.index += 1
    if (this.index >= history.length) {
      this.index = -1
      return this.draft
    }
    return history[this.index]
  }

  /** After a command runs or the line is abandoned. */
  reset(): void {
    this.index = -1
    this.draft = ''
  }
}
