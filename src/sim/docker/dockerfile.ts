import { DockerError } from './errors.ts'

/**
 * A Dockerfile's instructions (https://docs.docker.com/reference/dockerfile/), the subset the course builds with.
 *
 * Grammar (line-oriented, as BuildKit's parser reads it):
 *   file        := (blank | comment | instruction)*
 *   comment     := '#' anything-to-end-of-line            (only at the start of a line)
 *   instruction := KEYWORD (space arguments)?             (keyword case-insensitive)
 *   arguments   := text, where a line ending in '\' continues on the next line
 *   exec form   := '[' json-string (',' json-string)* ']' (RUN, CMD, ENTRYPOINT; anything else is shell form)
 */
export type Keyword = 'FROM' | 'RUN' | 'COPY' | 'ADD' | 'ENV' | 'WORKDIR' | 'EXPOSE' | 'CMD' | 'ENTRYPOINT' | 'USER' | 'LABEL' | 'ARG'

export const KEYWORDS: readonly Keyword[] = ['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'WORKDIR', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'USER', 'LABEL', 'ARG']

/** Instructions BuildKit knows but the course does not use: refused in words that say so, not "unknown". */
const KNOWN_ELSEWHERE = ['ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'VOLUME', 'MAINTAINER']

export interface Instruction {
  keyword: Keyword
  /** The arguments as written (continuations joined). */
  args: string
  /** The exec form's words, when the arguments are a JSON array. */
  exec?: string[]
  /** 1-based line the instruction starts on. */
  line: number
}

/** BuildKit's parse errors: `dockerfile parse error on line N: …` (moby/buildkit frontend/dockerfile/instructions/parse.go). */
const parseError = (line: number, message: string) => new DockerError(400, `dockerfile parse error on line ${line}: ${message}`)

export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/)
  const out: Instruction[] = []
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = lines[i].trim()
    if (line === '' || line.startsWith('#')) continue
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1).trimEnd()} ${lines[++i].trim()}`.trim()
    }
    if (line.endsWith('\\')) line = line.slice(0, -1).trimEnd()
    const space = line.search(/\s/)
    const word = (space < 0 ? line : line.slice(0, space)).toUpperCase()
    const args = space < 0 ? '' : line.slice(space).trim()
    if (!(KEYWORDS as readonly string[]).includes(word)) {
      if (KNOWN_ELSEWHERE.includes(word)) throw parseError(start + 1, `${word} is not supported by this simulated builder`)
      throw parseError(start + 1, `unknown instruction: ${space < 0 ? line : line.slice(0, space)}`)
    }
    const keyword = word as Keyword
    if (args === '' && keyword !== 'RUN' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT') throw parseError(start + 1, `${keyword} requires at least one argument`)
    out.push({ keyword, args, line: start + 1, ...(execForm(args) ? { exec: execForm(args) } : {}) })
  }
  if (out.length === 0) throw new DockerError(400, 'file with no instructions')
  if (out[0].keyword !== 'FROM' && out[0].keyword !== 'ARG') throw new DockerError(400, 'no build stage in current context')
  return out
}

/** `["a", "b"]` → the words; anything that is not a JSON array of strings is the shell form. */
function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined
  try {
    const words: unknown = JSON.parse(args)
    return Array.isArray(words) && words.every((w) => typeof w === 'string') ? words : undefined
  } catch {
    return undefined
  }
}

/** `ENV A=1 B="two words"` or the old `ENV A value` form → pairs. */
export function envPairs(args: string): [string, string][] {
  const pairs: [string, string][] = []
  if (!/^[^\s=]+=/.test(args)) {
    const space = args.search(/\s/)
    return space < 0 ? [[args, '']] : [[args.slice(0, space), args.slice(space).trim()]]
  }
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g
  for (const m of args.matchAll(re)) {
    const raw = m[2]
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.startsWith("'") ? raw.slice(1, -1) : raw
    pairs.push([m[1], value])
  }
  return pairs
}

/** The words of a shell-form argument list (`COPY a b /dest/`), honouring quotes. */
export function words(args: string): string[] {
  const exec = execForm(args)
  if (exec) return exec
  return [...args.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3])
}
