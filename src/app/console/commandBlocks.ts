/**
 * A block of several lines (pasted, or typed with Shift+Enter) split into the commands it holds, so that each
 * command runs on its own and its output appears directly under it — what bash does when lines arrive at a
 * terminal: it reads one complete command, runs it, then reads the next.
 *
 * A command continues onto the next line while (bash, "Shell Syntax"):
 *   line   := … '\' EOL                 a backslash-newline joins the lines
 *   quote  := "'" … | '"' …             a quote left open carries on
 *   here   := '<<' ['-'] ['|"]WORD['|"]  a here-document runs until the line WORD (tabs stripped with <<-)
 * `#` at the start of a word (outside quotes) begins a comment: nothing after it counts.
 * Blank lines between commands are dropped (bash would only print another prompt).
 */
export function splitCommands(text: string): string[] {
  const commands: string[] = []
  let current: string[] = []
  let quote: "'" | '"' | undefined
  const heredocs: { word: string; stripTabs: boolean }[] = []

  const flush = () => {
    const command = current.join('\n')
    if (command.trim() !== '') commands.push(command)
    current = []
  }

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    current.push(line)
    if (heredocs.length > 0) {
      const { word, stripTabs } = heredocs[0]
      if ((stripTabs ? line.replace(/^\t+/, '') : line) === word) heredocs.shift()
      if (heredocs.length === 0 && quote === undefined) flush()
      continue
    }
    let continued = false
    for (let i = 0; i < line.length; i++) {
      const c = line[i]
      if (quote === "'") {
        if (c === "'") quote = undefined
        continue
      }
      if (c === '\\') {
        if (i === line.length - 1) continued = true
        i++
        continue
      }
      if (quote === '"') {
        if (c === '"') quote = undefined
        continue
      }
      if (c === "'" || c === '"') quote = c
      else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break
      else if (c === '<' && line[i + 1] === '<' && line[i + 2] !== '<') {
        const m = /^<<(-?)[ \t]*(['"]?)([\w.-]+)\2/.exec(line.slice(i))
        if (m) {
          heredocs.push({ word: m[3], stripTabs: m[1] === '-' })
          i += m[0].length - 1
        }
      }
    }
    if (quote === undefined && !continued && heredocs.length === 0) flush()
  }
  flush()
  return commands
}
