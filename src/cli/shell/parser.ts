import type { AndOr, Assignment, List, Pipeline, Redirect, SimpleCommand, Token, Word, WordPart } from './ast.ts'
import { unexpectedEndOfFile, unexpectedToken, unsupported } from './errors.ts'
import { tokenize } from './lexer.ts'

/** Words that start bash's compound commands; this sandbox runs simple commands only. */
const COMPOUND = new Set(['if', 'for', 'while', 'until', 'case', 'select', 'function', '{', '[[', 'coproc'])
/** Words that only make sense inside a compound command: bash reports them as unexpected tokens. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', ']]', 'in'])

/** Parses a whole input (maybe several lines) into a list; throws ShellSyntaxError before anything runs. */
export function parseLine(src: string): List {
  return new Parser(tokenize(src).tokens).line()
}

const describe = (t: Token): string => (t.type === 'op' ? t.op : t.type === 'word' ? t.word.raw : 'newline')

class Parser {
  private pos = 0
  private readonly tokens: Token[]
  constructor(tokens: Token[]) {
    this.tokens = tokens
  }

  private get current(): Token {
    return this.tokens[this.pos] ?? { type: 'eof' }
  }

  private isOp(...ops: string[]): boolean {
    const t = this.current
    return t.type === 'op' && ops.includes(t.op)
  }

  /** linebreak = *newline */
  private linebreak(): void {
    while (this.current.type === 'newline') this.pos++
  }

  /** line = linebreak [ list ] eof */
  line(): List {
    this.linebreak()
    const list = this.current.type === 'eof' ? { items: [] } : this.list()
    if (this.current.type !== 'eof') throw unexpectedToken(describe(this.current))
    return list
  }

  /**
   * list      = and-or *( separator linebreak and-or ) [ separator linebreak ]
   * separator = ";" | "&" | newline     ; "&" runs in the foreground here: the sandbox has no jobs
   */
  private list(): List {
    const items: AndOr[] = [this.andOr()]
    while (this.isOp(';', '&') || this.current.type === 'newline') {
      this.pos++
      this.linebreak()
      if (this.current.type === 'eof') break
      items.push(this.andOr())
    }
    return { items }
  }

  /** and-or = pipeline *( ( "&&" | "||" ) linebreak pipeline ) */
  private andOr(): AndOr {
    const first = this.pipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = this.current
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) break
      this.pos++
      this.linebreak()
      rest.push({ op: t.op, pipeline: this.pipeline() })
    }
    return { first, rest }
  }

  /** pipeline = command *( "|" linebreak command )   ; each command's stdout is the next one's stdin */
  private pipeline(): Pipeline {
    const commands = [this.command()]
    while (this.isOp('|')) {
      this.pos++
      this.linebreak()
      commands.push(this.command())
    }
    return { commands }
  }

  /**
   * command    = 1*( assignment | redirect | word )     ; assignments count only before the first word
   * assignment = name "=" [ word ]                      ; the name unquoted: `X=1`, `TG=$(aws ...)`
   */
  private command(): SimpleCommand {
    const command: SimpleCommand = { assignments: [], words: [], redirects: [] }
    for (;;) {
      const t = this.current
      if (t.type === 'word') {
        if (command.words.length === 0) this.checkCommandWord(t.word)
        const assignment = command.words.length === 0 ? asAssignment(t.word) : undefined
        if (assignment) command.assignments.push(assignment)
        else command.words.push(t.word)
        parseSubstitutions(t.word.parts)
        this.pos++
      } else if (t.type === 'op' && t.op !== ';' && t.op !== ';;' && t.op !== '&' && t.op !== '&&' && t.op !== '||' && t.op !== '|' && t.op !== ')') {
        if (t.op === '(') throw command.words.length ? unexpectedToken('(') : unsupported('subshells ( ... ) are')
        command.redirects.push(this.redirect(t.op, t.fd))
      } else break
    }
    if (command.words.length + command.assignments.length + command.redirects.length === 0) {
      const t = this.current
      if (t.type === 'eof') throw unexpectedEndOfFile()
      throw unexpectedToken(describe(t))
    }
    return command
  }

  private checkCommandWord(word: Word): void {
    const plain = word.parts.length === 1 && word.parts[0]?.kind === 'text' && !word.parts[0].quoted
    if (!plain) return
    if (COMPOUND.has(word.raw)) throw unsupported(`\`${word.raw}' is`)
    if (CLOSERS.has(word.raw)) throw unexpectedToken(word.raw)
  }

  /**
   * redirect = [ io-number ] ( ">" | ">|" | ">>" | "&>" | "&>>" ) word
   *          | [ io-number ] ">&" ( DIGIT | word )              ; `2>&1`, `>&2`; `>& file` is `&> file`
   *          | [ io-number ] "<" word                            ; the file becomes standard input
   *          | [ io-number ] "<<<" word                          ; here-string: the word and a newline
   * Here-documents (`<<`) span lines the console sends one command at a time, so they are refused.
   * Course notes write placeholders like `<elb-arn>`, which bash reads as "take input from the file
   * elb-arn" and answers `bash: elb-arn: No such file or directory` before running anything.
   */
  private redirect(op: string, fd: number | undefined): Redirect {
    this.pos++
    const target = this.current
    if (target.type !== 'word') throw target.type === 'eof' ? unexpectedToken('newline') : unexpectedToken(describe(target))
    if (op === '<<') throw unsupported('here-documents (<<) are')
    if (op === '<&' || op === '<>') throw unsupported(`input redirection (${op}) is`)
    parseSubstitutions(target.word.parts)
    this.pos++
    if (op === '>&' && !/^\d+$/.test(target.word.raw)) {
      return { fd: fd ?? 1, op: fd === undefined ? '&>' : '>', target: target.word }
    }
    const normalized = op === '>|' ? '>' : (op as Redirect['op'])
    return { fd: fd ?? (op === '<' || op === '<<<' ? 0 : 1), op: normalized, target: target.word }
  }
}

function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0]
  if (first?.kind !== 'text' || first.quoted) return undefined
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text)
  if (!match) return undefined
  const rest = first.text.slice(match[0].length)
  const value: WordPart[] = rest ? [{ kind: 'text', text: rest, quoted: false }, ...word.parts.slice(1)] : word.parts.slice(1)
  return { name: match[1] ?? '', value }
}

/** `$(...)` and backticks hold whole lists: parse them now so their syntax errors stop the line. */
function parseSubstitutions(parts: WordPart[]): void {
  for (const part of parts) {
    if (part.kind === 'command') part.list = parseLine(part.source)
    else if (part.kind === 'param' && part.operand) parseSubstitutions(part.operand)
  }
}
