// Imported only by the lazily loaded editors (console/ConsoleEditor.tsx, files/FileEditor.tsx), so Monaco
// gets its own chunk. The recipe is ../shared/reference/toolchain.md §3: core API, features, JSON only,
// workers from Vite `?worker`, and `loader.config({ monaco })` so @monaco-editor/react never uses a CDN.
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import { loader } from '@monaco-editor/react'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
}
loader.config({ monaco })

export { monaco }

/** The console's language: no grammar, only our completion provider. */
export const SHELL_LANGUAGE = 'sandbox-shell'
export const CONSOLE_THEME = 'sandbox-dark'

export type Completer = (before: string) => { from: number; items: string[] }
/** Completion source per console model (by URI), set by the console editor that owns the model. */
const completers = new Map<string, Completer>()

export function setCompleter(uri: string, completer: Completer | undefined): void {
  if (completer) completers.set(uri, completer)
  else completers.delete(uri)
}

monaco.languages.register({ id: SHELL_LANGUAGE })
monaco.languages.registerCompletionItemProvider(SHELL_LANGUAGE, {
  provideCompletionItems(model, position) {
    const completer = completers.get(model.uri.toString())
    if (!completer) return { suggestions: [] }
    const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column })
    const { from, items } = completer(before)
    const start = model.getPositionAt(Math.max(0, Math.min(before.length, from)))
    const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: position.lineNumber, endColumn: position.column }
    return {
      suggestions: items.map((item, i) => ({
        label: item,
        insertText: item,
        kind: monaco.languages.CompletionItemKind.Text,
        range,
        sortText: String(i).padStart(5, '0'),
      })),
    }
  },
})

monaco.editor.defineTheme(CONSOLE_THEME, {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    // Transparent: the console's own background (a design token, see ../tokens.css) shows through.
    'editor.background': '#00000000',
    'editor.foreground': '#e6edf3',
  },
})

export const MONO_FONT = "ui-monospace, SFMono-Regular, 'SF Mono', Menlo, Consolas, 'Liberation Mono', monospace"
