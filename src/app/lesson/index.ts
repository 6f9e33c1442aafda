export { LessonPanel, type LessonPanelProps } from './LessonPanel.tsx'
export { MarkdownView, type MarkdownViewProps } from './MarkdownView.tsx'
export { renderMarkdown } from './markdown.ts'
