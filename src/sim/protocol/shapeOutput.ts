import type { ServiceModel, Shape } from '../../models/index.ts'
import { reportDroppedField } from './droppedFields.ts'

/**
 * Walks the model's output shape over what a handler returned: keys come out in model member order and
 * members the model does not know are dropped (botocore's parsers iterate `shape.members` the same way,
 * fidelity §1.12), and reported in development (droppedFields.ts). Timestamps stay epoch milliseconds; the CLI decides how to print them.
 */
export function shapeOutput(model: ServiceModel, shapeName: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined
  const shape: Shape | undefined = model.shapes[shapeName]
  if (!shape) return value
  switch (shape.type) {
    case 'structure': {
      if (shape.document || typeof value !== 'object') return value
      const source = value as Record<string, unknown>
      const out: Record<string, unknown> = {}
      for (const [name, ref] of Object.entries(shape.members)) {
        const shaped = shapeOutput(model, ref.shape, Object.hasOwn(source, name) ? source[name] : undefined)
        if (shaped !== undefined) out[name] = shaped
      }
      for (const field of Object.keys(source)) {
        if (!Object.hasOwn(shape.members, field) && source[field] !== undefined) reportDroppedField({ shape: shapeName, field })
      }
      return out
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => shapeOutput(model, shape.member.shape, item) ?? null) : value
    case 'map': {
      if (typeof value !== 'object') return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = shapeOutput(model, shape.value.shape, v)
      return out
    }
    default:
      return value
  }
}
