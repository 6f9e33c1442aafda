import { Suspense, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { useAppStoreApi } from '../state/index.ts'
import { ConsoleEditor, monacoAvailable } from '../monaco/lazy.ts'
import type { ConsoleEditorHandle } from './ConsoleEditor.tsx'
import { ConsoleTextarea } from './ConsoleTextarea.tsx'
import { useConsoleCommands } from './useConsoleCommands.ts'

export const CONSOLE_PLACEHOLDER = 'Try: aws --version'

/**
 * The command line. A plain textarea works from the first frame; Monaco loads behind it (hidden) and takes over
 * once it has mounted, so exactly one textbox named "Console" exists at any time.
 *
 * The handover keeps every keystroke: it runs in one JavaScript task (a microtask after Monaco's mount, then a
 * synchronous React commit), and a key event is never dispatched in the middle of a task. In that task the
 * textarea's latest text and caret are read, the textarea is removed, the editor is shown with that text and
 * caret, and the focus moves to it. Keys before the task go to the textarea; keys after it go to the editor.
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
    queueMicrotask(() => {
      const textarea = textareaRef.current
      const hadFocus = textarea !== null && textarea === document.activeElement
      const caret = textarea?.selectionStart ?? draftRef.current.length
      const text = textarea?.value ?? draftRef.current
      draftRef.current = text
      editorRef.current = editor
      flushSync(() => {
        setDraft(text)
        setMonacoReady(true)
      })
      editor.setValue(text, caret)
      if (hadFocus) editor.focus()
    })
  }

  return (
    <div className="console-input nokey" data-region-focus="">
      <span className="console-prompt" aria-hidden="true">
        $
      </span>
      {!monacoReady && (
        <ConsoleTextarea ref={textareaRef} value={draft} onValueChange={onDraft} commands={commands} placeholder={CONSOLE_PLACEHOLDER} />
      )}
      {monacoAvailable && (
        <Suspense fallback={null}>
          <ConsoleEditor hidden={!monacoReady} commands={commands} onChange={onDraft} onReady={onReady} placeholder={CONSOLE_PLACEHOLDER} />
        </Suspense>
      )}
    </div>
  )
}
