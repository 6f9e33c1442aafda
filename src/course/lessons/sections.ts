/*
 * The Markdown shape lessons and quizzes share: an intro, then "## " sections, each with its Markdown and the fenced
 * blocks whose info string the format claims (```goal, ```hint … in lessons; ```question in quizzes). Other fenced
 * blocks stay in the Markdown. A fence closes on a line of the same character, at least as long (CommonMark).
 */

export interface Block {
  info: string
  text: string
  /** Line of the opening fence. */
  line: number
}

export interface Section {
  heading: string
  line: number
  markdown: string[]
  blocks: Block[]
}

/** Where a claimed block stands before any "## " heading: the sentence that tells the author. */
type Misplaced = (info: string) => string

export function splitSections(
  lines: string[],
  from: number,
  claimed: ReadonlySet<string>,
  problem: (line: number, message: string) => void,
  misplaced: Misplaced,
): { intro: string; sections: Section[] } {
  const intro: string[] = []
  const sections: Section[] = []
  let fence: { marker: string; info: string; line: number; text: string[]; raw: string[] } | undefined
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]
    const current = sections.at(-1)
    if (fence) {
      const t = line.trim()
      if (t.startsWith(fence.marker) && t.replace(/^[`~]+/, '') === '' && t.length >= fence.marker.length) {
        if (claimed.has(fence.info)) {
          if (current) current.blocks.push({ info: fence.info, text: fence.text.join('\n'), line: fence.line })
          else problem(fence.line, misplaced(fence.info))
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
    else if (/^## /.test(line)) sections.push({ heading: line.slice(3).trim(), line: i + 1, markdown: [], blocks: [] })
    else (current ? current.markdown : intro).push(line)
  }
  if (fence) problem(fence.line, 'this fenced block is never closed')
  return { intro: intro.join('\n'), sections }
}

/** A section's id from its title, when the heading gives none ("## Title {#id}"), at most `max` characters. */
export const slug = (title: string, max = Infinity): string =>
  title
    .toLowerCase()
    .replace(/[`'’"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '')
