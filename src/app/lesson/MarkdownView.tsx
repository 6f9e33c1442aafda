import { memo, useMemo } from 'react'
import { renderMarkdown } from './markdown.ts'

export interface MarkdownViewProps {
  source: string
  className?: string
}

/** Renders Markdown through renderMarkdown(), whose output escapes every raw HTML tag in the source. */
function MarkdownViewImpl({ source, className }: MarkdownViewProps) {
  const html = useMemo(() => renderMarkdown(source), [source])
  // Safe: markdown-it runs with html: false, so the only tags are the ones it generates itself.
  return <div className={className ?? 'cs-markdown'} dangerouslySetInnerHTML={{ __html: html }} />
}

export const MarkdownView = memo(MarkdownViewImpl)
