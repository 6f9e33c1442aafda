import type { SolutionItem } from './types.ts'

/** `$NAME` and `${NAME}` in an edit's `with`, from the shell's variables (set by earlier solution commands). */
export function expandVariables(text: string, vars: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = []
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? ''
    const value = vars[name]
    if (value === undefined) missing.push(name)
    return value ?? ''
  })
  return { text: out, missing }
}

export type EditOutcome = { ok: true; path: string; text: string } | { ok: false; message: string }

/** The file's new text after an edit item, or why it cannot be applied. */
export function applyEdit(item: Extract<SolutionItem, { kind: 'edit' }>, current: string | undefined, vars: Readonly<Record<string, string>>): EditOutcome {
  if (current === undefined) return { ok: false, message: `there is no file ${item.path}` }
  const replacement = expandVariables(item.with, vars)
  if (replacement.missing.length) return { ok: false, message: `the shell variable ${replacement.missing.map((n) => `$${n}`).join(', ')} is not set: run the step's commands first` }
  if (!current.includes(item.replace)) {
    if (current.includes(replacement.text)) return { ok: true, path: item.path, text: current }
    return { ok: false, message: `${item.path} does not contain ${item.replace}` }
  }
  return { ok: true, path: item.path, text: current.split(item.replace).join(replacement.text) }
}

/** How the panel shows a solution: commands as typed, edits in words. */
export function solutionText(items: readonly SolutionItem[]): string {
  return items.map((i) => (i.kind === 'command' ? i.line : `# In the Files tab, edit ${i.path}: replace ${i.replace} with ${i.with}`)).join('\n')
}
