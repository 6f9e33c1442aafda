import { useRef, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react'
import { applyCompletion, endsWithContinuation, normalizePaste, pasteRunsAtOnce } from './lineEditing.ts'
import type { ConsoleCommands } from './useConsoleCommands.ts'

interface Props {
  value: string
  onValueChange(value: string): void
  commands: ConsoleCommands
  ref?: Ref<HTMLTextAreaElement>
  placeholder?: string
}

/**
 * The command line until Monaco has loaded (and in unit tests): a plain textarea with the same terminal
 * keys, so the first screen is usable at once.
 */
export function ConsoleTextarea({ value, onValueChange, commands, ref, placeholder }: Props) {
  // Esc, then Tab, leaves the console even with text on the line (as in the Monaco console).
  const tabLeaves = useRef(false)
  const setCaretLater = (el: HTMLTextAreaElement, at: number) => {
    queueMicrotask(() => el.setSelectionRange(at, at))
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget
    const ctrl = e.ctrlKey || e.metaKey
    const leave = tabLeaves.current
    tabLeaves.current = e.key === 'Escape'
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !ctrl) {
      e.preventDefault()
      if (endsWithContinuation(value)) {
        onValueChange(`${value}\n`)
        setCaretLater(el, value.length + 1)
      } else {
        commands.run(value)
        onValueChange('')
      }
    } else if (e.key === 'ArrowUp' && !e.shiftKey && !value.slice(0, el.selectionStart).includes('\n')) {
      const previous = commands.previous(value)
      if (previous !== undefined) {
        e.preventDefault()
        onValueChange(previous)
        setCaretLater(el, previous.length)
      }
    } else if (e.key === 'ArrowDown' && !e.shiftKey && !value.slice(el.selectionEnd).includes('\n')) {
      const next = commands.next()
      if (next !== undefined) {
        e.preventDefault()
        onValueChange(next)
        setCaretLater(el, next.length)
      }
    } else if (e.ctrlKey && (e.key === 'l' || e.key === 'L')) {
      e.preventDefault()
      commands.clear()
    } else if (e.ctrlKey && (e.key === 'c' || e.key === 'C') && el.selectionStart === el.selectionEnd) {
      e.preventDefault()
      commands.interrupt(value)
      onValueChange('')
    } else if (e.key === 'Tab' && !e.shiftKey && !leave && value.trim() !== '') {
      const before = value.slice(0, el.selectionStart)
      const completion = commands.complete(before)
      const completed = applyCompletion(before, completion)
      if (completed !== undefined) {
        e.preventDefault()
        onValueChange(completed + value.slice(el.selectionEnd))
        setCaretLater(el, completed.length)
      } else if (completion.items.length > 0) {
        e.preventDefault()
      }
    }
  }

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget
    const pasted = e.clipboardData.getData('text/plain')
    const after = value.slice(0, el.selectionStart) + pasted + value.slice(el.selectionEnd)
    if (pasteRunsAtOnce(pasted, after)) {
      e.preventDefault()
      commands.run(normalizePaste(after))
      onValueChange('')
    }
  }

  return (
    <textarea
      ref={ref}
      className="console-textarea"
      aria-label="Console"
      placeholder={placeholder}
      value={value}
      rows={Math.max(1, value.split('\n').length)}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      onChange={(e) => {
        tabLeaves.current = false
        onValueChange(e.target.value)
      }}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
    />
  )
}
