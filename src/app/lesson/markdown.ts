import MarkdownIt from 'markdown-it'

/**
 * One Markdown renderer for lesson text. `html: false` means raw HTML in the source is escaped, never
 * passed through; markdown-it's own link validation already drops `javascript:`/`vbscript:`/`data:` URLs
 * (except images). Links open in a new tab without giving it a handle on this page, except links to another
 * lesson, `[Running ECS on EC2](lesson:ecs-on-ec2)`: those carry `data-lesson` and open it here (LessonMarkdown).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

/** A link to another lesson by its id. */
export const LESSON_LINK = /^lesson:([a-z0-9-]+)$/

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  const lesson = LESSON_LINK.exec(token.attrGet('href') ?? '')?.[1]
  if (lesson !== undefined) {
    token.attrSet('href', `#lesson-${lesson}`)
    token.attrSet('data-lesson', lesson)
    return defaultLinkOpen(tokens, idx, options, env, self)
  }
  token.attrSet('target', '_blank')
  token.attrSet('rel', 'noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

/** Markdown → HTML string that is safe to set as innerHTML (nothing from the source is unescaped). */
export function renderMarkdown(source: string): string {
  return md.render(source)
}
