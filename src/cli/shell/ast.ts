/**
 * The shell's syntax tree: a line is a list of and-or chains of pipelines of simple commands, whose words
 * are sequences of parts that remember how they were quoted (quoting decides splitting, globbing and
 * brace expansion later, in expand.ts).
 */

/** A piece of one word, as typed. `quoted` parts are never split, globbed or brace-expanded. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | ParamPart
  | CommandPart

/** `$NAME`, `${NAME}`, `${#NAME}`, `${NAME:-word}` and friends, `$?`. */
export interface ParamPart {
  kind: 'param'
  name: string
  quoted: boolean
  /** As typed, for `bad substitution` messages. */
  raw: string
  length?: boolean
  op?: ParamOp
  operand?: WordPart[]
  /** Set when the braces held something this shell cannot expand; reported when expanded, like bash. */
  bad?: boolean
}

export type ParamOp = ':-' | '-' | ':+' | '+' | ':=' | '='

/** `$(list)` or `` `list` ``; the parser fills `list` from `source`. */
export interface CommandPart {
  kind: 'command'
  source: string
  quoted: boolean
  list?: List
}

export interface Word {
  parts: WordPart[]
  /** The word as typed (for `ambiguous redirect` and `command not found` messages). */
  raw: string
}

export type Operator =
  | ';' | ';;' | '&' | '&&' | '|' | '||' | '(' | ')'
  | '<' | '>' | '>>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<<' | '>|' | '<>'

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: Operator; fd?: number }
  | { type: 'newline' }
  | { type: 'eof' }

/**
 * `> f`, `>> f`, `2> f`, `&> f`, `< f` (target is a word), `<<< text` (target is the text) or `2>&1`,
 * `>&2` (target is a file descriptor).
 */
export interface Redirect {
  fd: number
  op: '>' | '>>' | '&>' | '&>>' | '>&' | '<' | '<<<'
  target: Word
}

export interface Assignment {
  name: string
  value: WordPart[]
}

export interface SimpleCommand {
  assignments: Assignment[]
  words: Word[]
  redirects: Redirect[]
}

export interface Pipeline {
  commands: SimpleCommand[]
}

export interface AndOr {
  first: Pipeline
  rest: { op: '&&' | '||'; pipeline: Pipeline }[]
}

export interface List {
  items: AndOr[]
}
