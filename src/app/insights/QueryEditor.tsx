import { useEffect, useRef, type ReactNode } from 'react'
import { Editor, type OnMount } from '@monaco-editor/react'
import { useTextSize } from '../layout/textSize.ts'
import { CONSOLE_THEME, MONO_FONT, monaco } from '../monaco/setup.ts'
import { INSIGHTS_LANGUAGE, setFieldSource } from './insightsLanguage.ts'

export interface QueryEditorProps {
  /** Names the editor for assistive technology ("Logs Insights query"). */
  label: string
  value: string
  onChange(value: string): void
  /** Ctrl/Cmd+Enter runs the query, as in the CloudWatch console. */
  onRun(): void
  /** The discovered fields of the chosen log group, for completion. */
  fields: readonly string[]
  /** Where the last run's query was malformed (from the MalformedQueryException's message), drawn as a marker. */
  error?: { line: number; position: number; message: string }
  /** Shown while Monaco starts (the plain textarea, so typing never waits). */
  loading: ReactNode
}

const MODEL_URI = 'inmemory://logs-insights/query.cwli'

/** Monaco for a Logs Insights query: highlighting and completion from insightsLanguage.ts, the syntax error marked. */
export default function QueryEditor({ label, value, onChange, onRun, fields, error, loading }: QueryEditorProps) {
  const scale = useTextSize((s) => s.scale)
  const latest = useRef({ onRun, fields })
  useEffect(() => {
    latest.current = { onRun, fields }
  })
  useEffect(() => {
    setFieldSource(MODEL_URI, () => latest.current.fields)
    return () => setFieldSource(MODEL_URI, undefined)
  }, [])
  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(MODEL_URI))
    if (!model) return
    const markers = error
      ? [{ severity: monaco.MarkerSeverity.Error, message: error.message, startLineNumber: error.line, startColumn: error.position, endLineNumber: error.line, endColumn: error.position + 1 }]
      : []
    monaco.editor.setModelMarkers(model, 'logs-insights', markers)
  })
  const onMount: OnMount = (editor) => {
    editor.addAction({ id: 'logs-insights.run', label: 'Run query', keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter], run: () => latest.current.onRun() })
  }
  return (
    <div className="insights-query-editor nokey">
      <Editor
        path={MODEL_URI}
        language={INSIGHTS_LANGUAGE}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        theme={CONSOLE_THEME}
        loading={loading}
        onMount={onMount}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          automaticLayout: true,
          wordWrap: 'on',
          lineNumbers: 'on',
          fixedOverflowWidgets: true,
          scrollBeyondLastLine: false,
          fontFamily: MONO_FONT,
          fontSize: Math.round(13 * scale),
          tabSize: 2,
          // Tab moves focus on: the editor is one stop in the panel's keyboard order (WCAG 2.1.2).
          tabFocusMode: true,
        }}
      />
    </div>
  )
}
