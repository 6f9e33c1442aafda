import type { Problem } from './yamlFields.ts'

/** A quiz file's "## " question: its heading, its Markdown, and its ```question blocks. */
export interface Section {
  heading: string
  line: number
  markdown: string[]
  blocks: { text: string; line: number }[]
}

export function splitSections(lines: string[], from: number, problem: Problem): { intro: string; questions: Section[] } {
  const intro: string[] = []
  const questions: Section[] = []
  let fence: { marker: string; info: string; line: number; text: string[]; raw: string[] } | undefined
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]
    const current = questions.at(-1)
    if (fence) {
      const t = line.trim()
      if (t.startsWith(fence.marker) && t.replace(/^[`~]+/, '') === '') {
        if (fence.info === 'question') {
          if (current) current.blocks.push({ text: fence.text.join('\n'), line: fence.line })
          else problem(fence.line, 'a ```question block belongs under a "## " question heading')
        } else (current ? current.markdown : intro).push(...fence.raw, line)
        fence = undefined
      } else {
        fence.text.push(line)
        fence.raw.push(line)
      }
      continue
    }
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line)
    if (open) fence = { marker: open[1], info: open[2].toLowerCase(), line: i + 1, text: [], raw: [line] }
    else if (/^## /.test(line)) questions.push({ heading: line.slice(3).trim(), line: i + 1, markdown: [], blocks: [] })
    else (current ? current.markdown : intro).push(line)
  }
  if (fence) problem(fence.line, 'this fenced block is never closed')
  return { intro: intro.join('\n'), questions }
}

/** A question's id from its title, when the heading gives none. */
export const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[`'’"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
