import MarkdownIt from 'markdown-it'

/**
 * One Markdown renderer for lesson text. `html: false` means raw HTML in the source is escaped, never
 * passed through; markdown-it's own link validation already drops `javascript:`/`vbscript:`/`data:` URLs
 * (except images). Links open in a new tab without giving it a handle on this page.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false })

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  token.attrSet('target', '_blank')
  token.attrSet('rel', 'noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

/** Markdown → HTML string that is safe to set as innerHTML (nothing from the source is unescaped). */
export function renderMarkdown(source: string): string {
  return md.render(source)
}
