import { useEffect, useRef, type ReactNode } from 'react'
import { Editor, type OnMount } from '@monaco-editor/react'
import { useTextSize } from '../layout/textSize.ts'
import { CONSOLE_THEME, MONO_FONT, monaco } from '../monaco/setup.ts'

interface Props {
  path: string
  value: string
  onChange(value: string): void
  onSave(): void
  /** Shown while Monaco itself starts (the plain textarea, so typing never waits). */
  loading: ReactNode
}

/** Monaco for one working file: JSON highlighted and validated by the JSON worker, plain text otherwise. */
export default function FileEditor({ path, value, onChange, onSave, loading }: Props) {
  // The page's text size (toolbar A−/A+) applies to the file being edited too.
  const scale = useTextSize((s) => s.scale)
  const onSaveRef = useRef(onSave)
  useEffect(() => {
    onSaveRef.current = onSave
  })
  const onMount: OnMount = (editor) => {
    editor.addAction({
      id: 'file.save',
      label: 'Save the file',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => onSaveRef.current(),
    })
  }
  return (
    <div className="file-editor nokey">
      <Editor
        path={`file:///work/${path}`}
        language={path.endsWith('.json') ? 'json' : 'plaintext'}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        // Monaco has one theme per page: the console's (its background is the page's terminal colour).
        theme={CONSOLE_THEME}
        loading={loading}
        onMount={onMount}
        options={{
          ariaLabel: `Contents of ${path}`,
          minimap: { enabled: false },
          automaticLayout: true,
          wordWrap: 'on',
          fixedOverflowWidgets: true,
          scrollBeyondLastLine: false,
          fontFamily: MONO_FONT,
          fontSize: Math.round(13 * scale),
          tabSize: 2,
        }}
      />
    </div>
  )
}
