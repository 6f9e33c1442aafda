import { Suspense, useEffect, useRef, useState } from 'react'
import { useAppStoreApi } from '../state/index.ts'
import { ConsoleEditor, monacoAvailable } from '../monaco/lazy.ts'
import type { ConsoleEditorHandle } from './ConsoleEditor.tsx'
import { ConsoleTextarea } from './ConsoleTextarea.tsx'
import { useConsoleCommands } from './useConsoleCommands.ts'

/**
 * The command line. A plain textarea works from the first frame; Monaco loads behind it and takes over
 * (with the text typed so far, and the focus) only once it has mounted, so exactly one textbox named
 * "Console" exists at any time.
 */
export function ConsoleInput() {
  const commands = useConsoleCommands()
  const [draft, setDraft] = useState('')
  const [monacoReady, setMonacoReady] = useState(false)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const draftRef = useRef(draft)

  const onDraft = (value: string) => {
    draftRef.current = value
    setDraft(value)
  }

  // "Paste into console" from a lesson: the text lands on the command line, ready to edit or run with Enter.
  const store = useAppStoreApi()
  const editorRef = useRef<ConsoleEditorHandle | undefined>(undefined)
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const pasted = state.consoleDraft
        if (!pasted || pasted === previous.consoleDraft) return
        draftRef.current = pasted.text
        setDraft(pasted.text)
        editorRef.current?.setValue(pasted.text)
        if (editorRef.current) editorRef.current.focus()
        else textareaRef.current?.focus()
      }),
    [store],
  )

  const onReady = (editor: ConsoleEditorHandle) => {
    editorRef.current = editor
    const hadFocus = textareaRef.current !== null && textareaRef.current === document.activeElement
    editor.setValue(draftRef.current)
    setMonacoReady(true)
    if (hadFocus) requestAnimationFrame(() => editor.focus())
  }

  return (
    <div className="console-input nokey">
      <span className="console-prompt" aria-hidden="true">
        $
      </span>
      {!monacoReady && <ConsoleTextarea ref={textareaRef} value={draft} onValueChange={onDraft} commands={commands} />}
      {monacoAvailable && (
        <Suspense fallback={null}>
          <ConsoleEditor hidden={!monacoReady} initialValue={draft} commands={commands} onChange={onDraft} onReady={onReady} />
        </Suspense>
      )}
    </div>
  )
}
