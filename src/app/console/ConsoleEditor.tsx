import { useEffect, useMemo, useRef, useState } from 'react'
import { Editor, type OnMount } from '@monaco-editor/react'
import { useTextSize } from '../layout/textSize.ts'
import { CONSOLE_THEME, MONO_FONT, monaco, setCompleter, SHELL_LANGUAGE } from '../monaco/setup.ts'
import { applyCompletion, endsWithContinuation, normalizePaste, pasteRunsAtOnce } from './lineEditing.ts'
import type { ConsoleCommands } from './useConsoleCommands.ts'

export interface ConsoleEditorHandle {
  focus(): void
  /** Replaces the line; the caret goes to `caret` (an offset), or to the end. */
  setValue(value: string, caret?: number): void
}

interface Props {
  hidden: boolean
  commands: ConsoleCommands
  onChange(value: string): void
  onReady(handle: ConsoleEditorHandle): void
  placeholder?: string
}

const FONT_SIZE = 13
const LINE_HEIGHT = 20
const PADDING = 4
const MAX_LINES = 12
const sizes = (scale: number) => ({ fontSize: Math.round(FONT_SIZE * scale), lineHeight: Math.round(LINE_HEIGHT * scale) })

/** A terminal line, not a code editor: nothing pops up uninvited, nothing auto-closes, Enter runs. */
const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  ariaLabel: 'Console',
  minimap: { enabled: false },
  lineNumbers: 'off',
  folding: false,
  glyphMargin: false,
  lineDecorationsWidth: 0,
  lineNumbersMinChars: 0,
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  acceptSuggestionOnEnter: 'off',
  tabCompletion: 'off',
  wordBasedSuggestions: 'off',
  parameterHints: { enabled: false },
  hover: { enabled: 'off' },
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoClosingDelete: 'never',
  autoClosingOvertype: 'never',
  autoSurround: 'never',
  autoIndent: 'none',
  formatOnPaste: false,
  formatOnType: false,
  wordWrap: 'on',
  wrappingIndent: 'none',
  renderLineHighlight: 'none',
  occurrencesHighlight: 'off',
  selectionHighlight: false,
  matchBrackets: 'never',
  links: false,
  codeLens: false,
  lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.Off },
  stickyScroll: { enabled: false },
  guides: { indentation: false },
  renderWhitespace: 'none',
  contextmenu: false,
  scrollBeyondLastLine: false,
  overviewRulerLanes: 0,
  overviewRulerBorder: false,
  hideCursorInOverviewRuler: true,
  scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false, handleMouseWheel: false },
  fixedOverflowWidgets: true,
  // Tab never traps the keyboard (WCAG 2.1.2): Tab completes only while the line has text and Esc was not
  // pressed (the actions below); otherwise Tab and Shift+Tab move the focus, as in a form.
  tabFocusMode: true,
  fontFamily: MONO_FONT,
  fontSize: FONT_SIZE,
  lineHeight: LINE_HEIGHT,
  padding: { top: PADDING, bottom: PADDING },
  automaticLayout: true,
  emptySelectionClipboard: false,
}

/** Monaco as the command line (loaded lazily; the textarea fallback stands in until `onReady`). */
export default function ConsoleEditor({ hidden, commands, onChange, onReady, placeholder }: Props) {
  const scale = useTextSize((s) => s.scale)
  const [height, setHeight] = useState(sizes(scale).lineHeight + 2 * PADDING)
  const [problem, setProblem] = useState<string | undefined>(undefined)
  const commandsRef = useRef(commands)
  const onChangeRef = useRef(onChange)
  const onReadyRef = useRef(onReady)
  const scaleRef = useRef(scale)
  useEffect(() => {
    commandsRef.current = commands
    onChangeRef.current = onChange
    onReadyRef.current = onReady
  })
  const disposeRef = useRef<(() => void) | undefined>(undefined)
  useEffect(() => () => disposeRef.current?.(), [])
  // The page's text size (toolbar A−/A+) applies to the command line too; the wrapper passes changed options on.
  useEffect(() => {
    scaleRef.current = scale
  }, [scale])
  const options = useMemo(() => ({ ...OPTIONS, ...sizes(scale), ...(placeholder ? { placeholder } : {}) }), [scale, placeholder])

  const onMount: OnMount = (editor) => {
    const model = editor.getModel()
    if (!model) return
    const uri = model.uri.toString()
    const cmd = () => commandsRef.current
    setCompleter(uri, (before) => cmd().complete(before))

    const setText = (text: string) => {
      editor.setValue(text)
      const end = model.getPositionAt(text.length)
      editor.setPosition(end)
      editor.revealPosition(end)
    }
    // Squiggles under what the AWS CLI would reject; the first message is also shown in words below the line.
    const showDiagnostics = (value: string) => {
      const found = cmd().diagnose(value)
      monaco.editor.setModelMarkers(
        model,
        'aws-cli',
        found.map((d) => {
          const start = model.getPositionAt(d.from)
          const end = model.getPositionAt(d.to)
          return { severity: monaco.MarkerSeverity.Error, message: d.message, startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column }
        }),
      )
      setProblem(found[0]?.message)
    }
    const hideSuggest = () => editor.trigger('console', 'hideSuggestWidget', null)
    // Context keys for Tab: an empty line, or Esc just pressed, lets Tab leave the console.
    const lineEmpty = editor.createContextKey<boolean>('consoleLineEmpty', model.getValue().trim() === '')
    const tabLeaves = editor.createContextKey<boolean>('consoleTabLeaves', false)
    const runAll = (text: string) => {
      hideSuggest()
      cmd().run(text)
      setText('')
    }
    const { KeyCode, KeyMod } = monaco

    const actions = [
      editor.addAction({
        id: 'console.run',
        label: 'Run the command',
        keybindings: [KeyCode.Enter],
        run: () => {
          const value = model.getValue()
          if (endsWithContinuation(value)) {
            hideSuggest()
            setText(`${value}\n`)
          } else {
            runAll(value)
          }
        },
      }),
      editor.addAction({
        id: 'console.newline',
        label: 'New line',
        keybindings: [KeyMod.Shift | KeyCode.Enter],
        run: () => editor.trigger('keyboard', 'type', { text: '\n' }),
      }),
      editor.addAction({
        id: 'console.complete',
        label: 'Complete',
        keybindings: [KeyCode.Tab],
        precondition: '!suggestWidgetVisible && !consoleLineEmpty && !consoleTabLeaves',
        run: () => {
          const position = editor.getPosition()
          if (!position) return
          const offset = model.getOffsetAt(position)
          const value = model.getValue()
          const before = value.slice(0, offset)
          const completion = cmd().complete(before)
          const completed = applyCompletion(before, completion)
          if (completed !== undefined) {
            setText(completed + value.slice(offset))
            editor.setPosition(model.getPositionAt(completed.length))
          }
          if (completion.items.length > 1) editor.trigger('console', 'editor.action.triggerSuggest', {})
        },
      }),
      editor.addAction({
        id: 'console.escape',
        label: 'Let Tab leave the console',
        keybindings: [KeyCode.Escape],
        precondition: '!suggestWidgetVisible',
        run: () => tabLeaves.set(true),
      }),
      editor.addAction({
        id: 'console.historyPrevious',
        label: 'Previous command',
        keybindings: [KeyCode.UpArrow],
        precondition: '!suggestWidgetVisible',
        run: () => {
          if ((editor.getPosition()?.lineNumber ?? 1) > 1) return editor.trigger('keyboard', 'cursorUp', null)
          const previous = cmd().previous(model.getValue())
          if (previous !== undefined) setText(previous)
        },
      }),
      editor.addAction({
        id: 'console.historyNext',
        label: 'Next command',
        keybindings: [KeyCode.DownArrow],
        precondition: '!suggestWidgetVisible',
        run: () => {
          if ((editor.getPosition()?.lineNumber ?? 1) < model.getLineCount()) return editor.trigger('keyboard', 'cursorDown', null)
          const next = cmd().next()
          if (next !== undefined) setText(next)
        },
      }),
      editor.addAction({
        id: 'console.clear',
        label: 'Clear the console',
        keybindings: [KeyMod.CtrlCmd | KeyCode.KeyL, KeyMod.WinCtrl | KeyCode.KeyL],
        run: () => cmd().clear(),
      }),
      editor.addAction({
        id: 'console.interrupt',
        label: 'Abandon the line',
        keybindings: [KeyMod.CtrlCmd | KeyCode.KeyC, KeyMod.WinCtrl | KeyCode.KeyC],
        // With a selection, Ctrl+C copies as usual.
        precondition: '!editorHasSelection',
        run: () => {
          hideSuggest()
          cmd().interrupt(model.getValue())
          setText('')
        },
      }),
    ]

    const subscriptions = [
      editor.onDidPaste((e) => {
        const pasted = model.getValueInRange(e.range)
        const value = model.getValue()
        if (pasteRunsAtOnce(pasted, value)) runAll(normalizePaste(value))
        else if (/\r?\n$/.test(pasted) && /\n$/.test(value)) setText(normalizePaste(value))
      }),
      editor.onDidChangeModelContent(() => {
        const value = model.getValue()
        lineEmpty.set(value.trim() === '')
        tabLeaves.set(false)
        onChangeRef.current(value)
        showDiagnostics(value)
      }),
      editor.onDidBlurEditorText(() => tabLeaves.set(false)),
      editor.onDidContentSizeChange((e) => setHeight(Math.min(e.contentHeight, sizes(scaleRef.current).lineHeight * MAX_LINES + 2 * PADDING))),
    ]

    disposeRef.current = () => {
      setCompleter(uri, undefined)
      for (const d of [...actions, ...subscriptions]) d.dispose()
    }

    onReadyRef.current({
      focus: () => editor.focus(),
      setValue(text, caret) {
        setText(text)
        if (caret !== undefined) editor.setPosition(model.getPositionAt(Math.min(caret, text.length)))
      },
    })
  }

  return (
    <div className="console-editor" hidden={hidden}>
      <div style={{ height }}>
        <Editor
          height={height}
          defaultLanguage={SHELL_LANGUAGE}
          defaultValue=""
          theme={CONSOLE_THEME}
          loading={null}
          options={options}
          onMount={onMount}
        />
      </div>
      <p className="console-diagnostic" role="status" aria-label="Command check">
        {problem ?? ''}
      </p>
    </div>
  )
}
