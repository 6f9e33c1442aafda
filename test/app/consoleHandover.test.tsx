// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { lazy, useEffect, useRef, type ComponentType } from 'react'
import { afterEach, describe, expect, test, vi } from 'vitest'
import type { ConsoleEditorHandle } from '../../src/app/console/ConsoleEditor.tsx'
import type { ConsoleCommands } from '../../src/app/console/useConsoleCommands.ts'
import { outputLog, renderApp } from './support/harness.tsx'

interface EditorProps {
  hidden: boolean
  commands: ConsoleCommands
  onChange(value: string): void
  onReady(handle: ConsoleEditorHandle): void
}

/**
 * Stands in for Monaco: an uncontrolled textbox whose value changes synchronously (as Monaco's model does), that
 * runs the line on Enter and reports itself ready once mounted.
 */
function FakeEditor({ hidden, commands, onChange, onReady }: EditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  // Once, on mount, as Monaco's onMount.
  useEffect(() => {
    onReady({
      focus: () => ref.current?.focus(),
      setValue(value, caret) {
        const el = ref.current
        if (!el) return
        el.value = value
        el.setSelectionRange(caret ?? value.length, caret ?? value.length)
      },
    })
  }, [])
  return (
    <div hidden={hidden}>
      <textarea
        ref={ref}
        aria-label="Console"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          e.preventDefault()
          commands.run(e.currentTarget.value)
          e.currentTarget.value = ''
          onChange('')
        }}
      />
    </div>
  )
}

// Each test gets its own lazily loaded editor whose chunk "arrives" when the test says so.
const chunk: { Lazy: ComponentType<EditorProps>; arrive(): void } = { Lazy: () => null, arrive: () => {} }
function freshChunk() {
  let arrive: () => void = () => {}
  const loaded = new Promise<{ default: ComponentType<EditorProps> }>((resolve) => (arrive = () => resolve({ default: FakeEditor })))
  chunk.Lazy = lazy(() => loaded)
  chunk.arrive = arrive
}

vi.mock('../../src/app/monaco/lazy.ts', () => ({
  ConsoleEditor: (props: EditorProps) => <chunk.Lazy {...props} />,
  FileEditor: () => null,
  InsightsQueryEditor: () => null,
  monacoAvailable: true,
}))

afterEach(cleanup)

const LINES = Array.from({ length: 6 }, (_, i) => `echo line-${i + 1}`)
const inputRows = () => [...outputLog().querySelectorAll('[data-stream="input"] .log-text')].map((el) => el.textContent)

describe('typing while the console editor loads', () => {
  // Where in the typing the editor's chunk arrives: before the first Enter, mid-word, right after an Enter, late.
  test.each([3, 11, 13, 40])('every keystroke is kept exactly when the editor arrives after keystroke %i', async (arriveAt) => {
    freshChunk()
    await renderApp()
    const user = userEvent.setup()
    await user.click(screen.getByRole('textbox', { name: 'Console' }))
    const keys = LINES.flatMap((line) => [...line, '{Enter}'])
    for (const [i, key] of keys.entries()) {
      if (i === arriveAt) chunk.arrive()
      await user.keyboard(key)
    }
    expect(inputRows()).toEqual(LINES.map((line) => `$ ${line}`))
    // The editor took over: one textbox named Console, and it has the focus.
    const boxes = screen.getAllByRole('textbox', { name: 'Console' })
    expect(boxes).toHaveLength(1)
    expect(boxes[0]).toHaveFocus()
    expect(boxes[0].tagName).toBe('TEXTAREA')
    expect(boxes[0]).not.toHaveClass('console-textarea')
  })
})
