import type { ServiceModel } from '../../models/index.ts'

/**
 * `--generate-cli-skeleton [input|output|yaml-input]`: every member in model order with a placeholder value
 * (botocore's ArgumentGenerator, fidelity §1.9). Input: strings `""` (an enum's first value), numbers 0, booleans
 * true, timestamps `1970-01-01T00:00:00`, one list item, maps `{"KeyName": …}`. Output: strings are the member name
 * (list items the member's shape name). Recursive shapes stop at `{}`.
 */
export function skeleton(model: ServiceModel, shapeName: string | undefined, kind: 'input' | 'output'): unknown {
  return shapeName ? build(model, shapeName, kind, '', new Set()) : {}
}

function build(model: ServiceModel, shapeName: string, kind: 'input' | 'output', name: string, seen: Set<string>): unknown {
  const shape = model.shapes[shapeName]
  if (!shape) return ''
  switch (shape.type) {
    case 'structure': {
      if (seen.has(shapeName)) return {}
      const inner = new Set(seen).add(shapeName)
      const out: Record<string, unknown> = {}
      for (const [member, ref] of Object.entries(shape.members)) out[member] = build(model, ref.shape, kind, member, inner)
      return out
    }
    case 'list':
      return [build(model, shape.member.shape, kind, shape.member.shape, seen)]
    case 'map':
      return { KeyName: build(model, shape.value.shape, kind, 'KeyName', seen) }
    case 'string':
      return kind === 'input' ? (shape.enum?.[0] ?? '') : name
    case 'integer':
    case 'long':
      return 0
    case 'double':
    case 'float':
      return 0.0
    case 'boolean':
      return true
    case 'timestamp':
      return '1970-01-01T00:00:00'
    case 'blob':
      return kind === 'input' ? '' : name
  }
}
