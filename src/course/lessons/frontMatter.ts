/**
 * A course file (a lesson or a quiz) opens with YAML front matter between two "---" lines. This splits the file
 * into lines and finds the closing "---", or reports, at line 1, what an author must fix.
 */
export function splitFrontMatter(
  source: string,
  kind: 'lesson' | 'quiz',
  problem: (line: number, message: string) => void,
): { lines: string[]; end: number } | undefined {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() !== '---') {
    problem(1, `a ${kind} starts with front matter: a line "---", the YAML fields, and another "---"`)
    return undefined
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---')
  if (end < 0) {
    problem(1, 'the front matter has no closing "---" line')
    return undefined
  }
  return { lines, end }
}
