import { memo, type MouseEvent } from 'react'
import { MarkdownView } from './MarkdownView.tsx'

type Part = { kind: 'text'; text: string } | { kind: 'code'; info: string; text: string }

/** Splits Markdown at its fenced code blocks, so command blocks can carry a button. */
export function splitFences(source: string): Part[] {
  const parts: Part[] = []
  const text: string[] = []
  const lines = source.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*$/.exec(lines[i])
    if (!open) {
      text.push(lines[i])
      continue
    }
    const close = lines.findIndex((l, j) => j > i && l.trim().startsWith(open[1]) && /^[`~]+$/.test(l.trim()))
    if (close < 0) {
      text.push(lines[i])
      continue
    }
    if (text.length) parts.push({ kind: 'text', text: text.splice(0).join('\n') })
    parts.push({ kind: 'code', info: open[2].toLowerCase(), text: dedent(lines.slice(i + 1, close)).join('\n') })
    i = close
  }
  if (text.length) parts.push({ kind: 'text', text: text.join('\n') })
  return parts
}

const dedent = (lines: string[]): string[] => {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)?.[0].length ?? 0))
  return Number.isFinite(indent) && indent > 0 ? lines.map((l) => l.slice(indent)) : lines
}

const COMMAND_INFOS = new Set(['', 'sh', 'bash', 'shell', 'console'])

export interface LessonMarkdownProps {
  source: string
  onPaste?: (text: string) => void
  /** A link to another lesson (`lesson:<id>`, markdown.ts) was followed. */
  onOpenLesson?: (lessonId: string) => void
}

/** Follows a lesson link here rather than as a URL; every other link keeps its own behaviour. */
function followLessonLink(event: MouseEvent<HTMLDivElement>, open: ((lessonId: string) => void) | undefined): void {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-lesson]') : null
  if (!link || !open) return
  event.preventDefault()
  open(link.dataset.lesson ?? '')
}

/** Lesson Markdown, rendered safely (MarkdownView), with "Paste into console" on every command block. */
function LessonMarkdownImpl({ source, onPaste, onOpenLesson }: LessonMarkdownProps) {
  return (
    // Clicks bubble up from the links markdown-it wrote; a link is a keyboard control of its own (Enter clicks it).
    <div className="cs-markdown" onClick={(e) => followLessonLink(e, onOpenLesson)}>
      {splitFences(source).map((part, i) =>
        part.kind === 'text' ? (
          <MarkdownView key={i} source={part.text} className="cs-markdown-part" />
        ) : (
          <div key={i} className="cs-codeblock">
            <pre>
              <code>{part.text}</code>
            </pre>
            {onPaste && COMMAND_INFOS.has(part.info) && (
              <button type="button" className="cs-paste" onClick={() => onPaste(part.text)} aria-label={`Paste into console: ${part.text.split('\n')[0]}`}>
                Paste into console
              </button>
            )}
          </div>
        ),
      )}
    </div>
  )
}

export const LessonMarkdown = memo(LessonMarkdownImpl)
