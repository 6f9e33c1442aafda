// The Logs Insights query language for Monaco: highlighting of commands, functions and keywords, and completion of
// commands, functions and the fields discovered in the chosen log group. Imported only by QueryEditor.tsx (lazy).
import { monaco } from '../monaco/setup.ts'
import { INSIGHTS_COMMANDS, INSIGHTS_KEYWORDS, insightsFunctions } from '../../sandbox/index.ts'

export const INSIGHTS_LANGUAGE = 'logs-insights'

/** Fields to complete, per editor model (by URI), set by the editor that owns the model. */
const fieldsByModel = new Map<string, () => readonly string[]>()

export function setFieldSource(uri: string, fields: (() => readonly string[]) | undefined): void {
  if (fields) fieldsByModel.set(uri, fields)
  else fieldsByModel.delete(uri)
}

const FUNCTIONS = insightsFunctions()

monaco.languages.register({ id: INSIGHTS_LANGUAGE })
monaco.languages.setMonarchTokensProvider(INSIGHTS_LANGUAGE, {
  ignoreCase: true,
  commands: [...INSIGHTS_COMMANDS],
  keywords: [...INSIGHTS_KEYWORDS],
  functions: FUNCTIONS,
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      [/@[\w.]+/, 'variable.predefined'],
      [/`[^`]*`/, 'variable'],
      [/[a-zA-Z_][\w.]*(?=\s*\()/, { cases: { '@functions': 'type', '@default': 'identifier' } }],
      [/[a-zA-Z_][\w.]*/, { cases: { '@commands': 'keyword', '@keywords': 'keyword.operator', '@default': 'identifier' } }],
      [/\d+(\.\d+)?(ms|s|m|h|d|w|mo|q|y)?\b/, 'number'],
      [/"([^"\\]|\\.)*"/, 'string'],
      [/'([^'\\]|\\.)*'/, 'string'],
      [/\/([^/\\]|\\.)+\//, 'regexp'],
      [/[|]/, 'delimiter'],
      [/[=!<>]=?|=~|[+\-*/%^]/, 'operator'],
    ],
  },
} as monaco.languages.IMonarchLanguage)

monaco.languages.registerCompletionItemProvider(INSIGHTS_LANGUAGE, {
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position)
    const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn }
    const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: word.startColumn })
    // A command starts the query or follows a pipe; elsewhere, functions and fields.
    const atCommand = /(^|\|)\s*$/.test(before)
    const { Keyword, Function, Field } = monaco.languages.CompletionItemKind
    if (atCommand) return { suggestions: INSIGHTS_COMMANDS.map((c) => ({ label: c, kind: Keyword, insertText: `${c} `, range })) }
    const fields = fieldsByModel.get(model.uri.toString())?.() ?? []
    return {
      suggestions: [
        ...fields.map((f) => ({ label: f, kind: Field, insertText: f, range, sortText: `0${f}` })),
        ...FUNCTIONS.map((f) => ({ label: f, kind: Function, insertText: `${f}(`, range, sortText: `1${f}` })),
        ...INSIGHTS_KEYWORDS.map((k) => ({ label: k, kind: Keyword, insertText: `${k} `, range, sortText: `2${k}` })),
      ],
    }
  },
})
