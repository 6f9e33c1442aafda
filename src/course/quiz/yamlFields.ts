import { isPair, isScalar, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml'

/** Where a quiz file's problems go: its line and a sentence for the author. */
export type Problem = (line: number, message: string) => void

/** One YAML text of a quiz file, with the file line of each node. */
export interface Yaml {
  root: Node | null
  lineOf: (node: Node | Pair | null | undefined) => number
  doc: Document
}

export function readYaml(text: string, firstLine: number, problem: Problem, what: string): Yaml | undefined {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false })
  const at = (offset: number | undefined) => (offset === undefined ? firstLine : counter.linePos(offset).line + firstLine - 1)
  for (const error of doc.errors) problem(at(error.pos[0]), `${what} is not valid YAML: ${error.message.split('\n')[0]}`)
  if (doc.errors.length) return undefined
  const lineOf = (node: Node | Pair | null | undefined): number => {
    if (!node) return firstLine
    const range = isPair(node) ? ((node.key as Node | null)?.range ?? (node.value as Node | null)?.range) : node.range
    return at(range?.[0])
  }
  return { root: doc.contents as Node | null, lineOf, doc }
}

export const keyOf = (pair: Pair): string => (isScalar(pair.key) ? String(pair.key.value) : '')
export const fieldOf = (map: YAMLMap, name: string): Pair | undefined => map.items.find((p) => keyOf(p as Pair) === name) as Pair | undefined


/** Typed field readers over one YAML mapping; a wrong type is a problem at the field's line. */
export function reader(map: YAMLMap, lineOf: Yaml['lineOf'], problem: Problem, fallbackLine: number) {
  const value = (name: string): unknown => {
    const v = fieldOf(map, name)?.value
    return isScalar(v) ? v.value : v ? (v as Node).toJSON() : undefined
  }
  const line = (name: string) => {
    const pair = fieldOf(map, name)
    return pair ? lineOf(pair) : fallbackLine
  }
  const need = (name: string, required: boolean) => {
    if (required && !fieldOf(map, name)) problem(fallbackLine, `"${name}" is required here`)
    return fieldOf(map, name) !== undefined
  }
  return {
    line,
    node: (name: string) => fieldOf(map, name)?.value as Node | null | undefined,
    text(name: string, required = false): string {
      if (!need(name, required)) return ''
      const v = value(name)
      if (typeof v === 'string' && v.trim()) return v.trim()
      if (typeof v === 'number') return String(v)
      problem(line(name), `${name} must be text`)
      return ''
    },
    whole(name: string, required = false): number | undefined {
      if (!need(name, required)) return undefined
      const v = value(name)
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v
      problem(line(name), `${name} must be a whole number above 0`)
      return undefined
    },
    number(name: string): number | undefined {
      if (!need(name, false)) return undefined
      const v = value(name)
      if (typeof v === 'number' && v >= 0) return v
      problem(line(name), `${name} must be a number (0 or more)`)
      return undefined
    },
    bool(name: string): boolean | undefined {
      if (!need(name, false)) return undefined
      const v = value(name)
      if (typeof v === 'boolean') return v
      problem(line(name), `${name} must be true or false`)
      return undefined
    },
    texts(name: string, required = false): string[] {
      if (!need(name, required)) return []
      const v = value(name)
      if (Array.isArray(v) && v.every((i) => typeof i === 'string' || typeof i === 'number') && (!required || v.length)) return v.map(String)
      problem(line(name), `${name} must be a list of text lines`)
      return []
    },
    value,
  }
}
