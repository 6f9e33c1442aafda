/** A read position in the input line, shared by the tokenizer and the word reader. */
export interface Cursor {
  readonly src: string
  pos: number
}

export const peek = (c: Cursor, offset = 0): string => c.src[c.pos + offset] ?? ''
export const atEnd = (c: Cursor): boolean => c.pos >= c.src.length

/** Unquoted characters that end a word (bash's metacharacters). */
export const isMeta = (ch: string): boolean => ch !== '' && ' \t\n;&|<>()'.includes(ch)
