import type { List, ParamPart, Word, WordPart } from './ast.ts'
import { expandBraces } from './braces.ts'
import { badSubstitution } from './errors.ts'
import { expandPathname, type Field } from './glob.ts'
import { HOME_DIR } from './paths.ts'
import { getVar, setVar, type ShellState } from './state.ts'

/** What expansion needs from the interpreter. */
export interface ExpandContext {
  state: ShellState
  /** Runs `$(list)`; returns its stdout (its stderr and `$?` are the interpreter's business). */
  substitute(list: List): string
  listFiles(): string[]
}

/**
 * Expanded text before splitting. `quoted` text is never split or globbed; `split` marks unquoted
 * expansion results, the only text field splitting looks at.
 */
interface Segment {
  text: string
  quoted: boolean
  split: boolean
}

/**
 * A command word to argv fields, in bash's order: brace expansion; tilde, parameter and command
 * substitution (left to right); field splitting of unquoted results; pathname expansion; quote removal.
 * An unquoted expansion that comes out empty leaves no field at all; `""` leaves an empty one.
 */
export function expandWord(word: Word, ctx: ExpandContext, braces = true): string[] {
  const variants = braces ? expandBraces(word.parts) : [word.parts]
  return variants.flatMap((parts) => {
    const segments = expandParts(tilde(parts, ctx, /^[A-Za-z_][A-Za-z0-9_]*=/), ctx)
    return splitFields(segments, ctx).flatMap((field) => expandPathname(field, ctx.listFiles))
  })
}

/** An assignment's value (`X=...`): one string, no splitting or globbing; `~` after `=` and `:`. */
export function expandValue(parts: WordPart[], ctx: ExpandContext): string {
  return expandParts(tilde(parts, ctx, /^/), ctx)
    .map((s) => s.text)
    .join('')
}

function expandParts(parts: WordPart[], ctx: ExpandContext): Segment[] {
  return parts.flatMap((part): Segment[] => {
    if (part.kind === 'text') return [{ text: part.text, quoted: part.quoted, split: false }]
    if (part.kind === 'command') {
      const text = part.list ? ctx.substitute(part.list).replace(/\n+$/, '') : ''
      return [{ text, quoted: part.quoted, split: !part.quoted }]
    }
    return expandParam(part, ctx)
  })
}

const SPECIAL_VALUES: Record<string, string> = { $: '1001', '#': '0', '@': '', '*': '', '!': '', '-': 'himBHs', '0': 'bash' }

function paramValue(name: string, state: ShellState): string | undefined {
  if (name === '?') return String(state.lastExitCode)
  if (Object.hasOwn(SPECIAL_VALUES, name)) return SPECIAL_VALUES[name]
  if (/^\d+$/.test(name)) return undefined // no positional parameters at the prompt
  return getVar(state, name)
}

/** `${x:-word}` uses word when x is unset or empty, `${x-word}` only when unset; `+` is the opposite; `=` also assigns. */
function expandParam(part: ParamPart, ctx: ExpandContext): Segment[] {
  if (part.bad) throw badSubstitution(part.raw)
  const value = paramValue(part.name, ctx.state)
  const result = (text: string): Segment[] => [{ text, quoted: part.quoted, split: !part.quoted }]
  if (part.length) return result(String((value ?? '').length))
  if (!part.op) return result(value ?? '')
  const colon = part.op.startsWith(':')
  const missing = value === undefined || (colon && value === '')
  const operand = (): Segment[] =>
    expandParts(part.operand ?? [], ctx).map((s) => (s.quoted ? s : { ...s, split: true }))
  switch (part.op) {
    case ':-':
    case '-':
      return missing ? operand() : result(value ?? '')
    case ':+':
    case '+':
      return missing ? result('') : operand()
    case ':=':
    case '=': {
      if (!missing) return result(value ?? '')
      const text = operand()
        .map((s) => s.text)
        .join('')
      if (!/^[A-Za-z_]/.test(part.name)) throw badSubstitution(part.raw)
      setVar(ctx.state, part.name, text)
      return result(text)
    }
  }
}

/**
 * tilde = "~" at the start of the word (or, after `lead`, after "=" and ":"), followed by "/" or the end
 * of the word (or ":" in an assignment): the home directory. `"~"` and `~user` stay as typed.
 */
function tilde(parts: WordPart[], ctx: ExpandContext, lead: RegExp): WordPart[] {
  const first = parts[0]
  if (first?.kind !== 'text' || first.quoted || !first.text.includes('~')) return parts
  const home = ctx.state.vars.HOME ?? HOME_DIR
  const assignment = lead.exec(first.text)
  const text = first.text
  const out: WordPart[] = []
  let from = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '~') continue
    const atStart = i === 0 || (assignment !== null && (i === assignment[0].length || text[i - 1] === ':'))
    const next = text[i + 1]
    const ends = next === '/' || (next === ':' && assignment !== null) || (next === undefined && parts.length === 1)
    if (!atStart || !ends) continue
    if (i > from) out.push({ kind: 'text', text: text.slice(from, i), quoted: false })
    out.push({ kind: 'text', text: home, quoted: true })
    from = i + 1
  }
  if (from === 0) return parts
  if (from < text.length) out.push({ kind: 'text', text: text.slice(from), quoted: false })
  return [...out, ...parts.slice(1)]
}

const GLOB_SPECIAL = /[*?[\]\\]/g

/** Field splitting on IFS (default blank, tab, newline), only inside unquoted expansion results. */
function splitFields(segments: Segment[], ctx: ExpandContext): Field[] {
  const ifs = ctx.state.vars.IFS ?? ' \t\n'
  const fields: Field[] = []
  let current: Field | undefined
  const append = (text: string, quoted: boolean): void => {
    current ??= { text: '', pattern: '' }
    current.text += text
    current.pattern += quoted ? text.replace(GLOB_SPECIAL, '\\$&') : text.replace(/\\/g, '\\\\')
  }
  const end = (): void => {
    if (current) fields.push(current)
    current = undefined
  }
  for (const segment of segments) {
    if (!segment.split || ifs === '') {
      // An empty quoted string still makes a field: `""` is an argument.
      if (segment.quoted || segment.text) append(segment.text, segment.quoted)
      continue
    }
    let piece = ''
    for (const ch of segment.text) {
      if (ifs.includes(ch)) {
        if (piece) append(piece, false)
        piece = ''
        end()
      } else piece += ch
    }
    if (piece) append(piece, false)
  }
  end()
  return fields
}
