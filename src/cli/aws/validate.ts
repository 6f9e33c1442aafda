import type { ServiceModel, Shape } from '../../models/index.ts'
import { paramError } from './errors.ts'
import { pyStr } from './output/pyStr.ts'

/**
 * botocore's client-side parameter validation (botocore/validate.py, fidelity §1.7): every problem is listed,
 * one per line, under `Parameter validation failed:`. Enums, patterns and ranges are the service's business.
 */
const VALID_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  long: "<class 'int'>",
  boolean: "<class 'bool'>",
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
  list: "<class 'list'>, <class 'tuple'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
}

/** Python's `type(value)` as botocore prints it. */
function pyType(value: unknown): string {
  if (typeof value === 'string') return "<class 'str'>"
  if (typeof value === 'boolean') return "<class 'bool'>"
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>"
  if (Array.isArray(value)) return "<class 'list'>"
  if (value === null) return "<class 'NoneType'>"
  return "<class 'dict'>"
}

function typeMatches(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string'
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value)
    case 'double':
    case 'float':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'timestamp':
      return typeof value === 'string' || typeof value === 'number'
    case 'blob':
      return typeof value === 'string'
    case 'list':
      return Array.isArray(value)
    case 'structure':
      return shape.document ? true : value !== null && typeof value === 'object' && !Array.isArray(value)
    case 'map':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
  }
}

function walk(model: ServiceModel, shape: Shape, value: unknown, path: string, errors: string[]): void {
  if (!typeMatches(shape, value)) {
    errors.push(`Invalid type for parameter ${path || 'input'}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: ${VALID_TYPES[shape.type]}`)
    return
  }
  if (shape.type === 'structure' && !shape.document) {
    const obj = value as Record<string, unknown>
    const where = path || 'input'
    // An idempotency token is never missing: botocore fills it with a fresh UUID before validating.
    for (const name of shape.required ?? []) if ((!Object.hasOwn(obj, name) || obj[name] === undefined) && !shape.members[name]?.idempotencyToken) errors.push(`Missing required parameter in ${where}: "${name}"`)
    for (const [key, v] of Object.entries(obj)) {
      const ref = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined
      if (!ref) {
        errors.push(`Unknown parameter in ${where}: "${key}", must be one of: ${Object.keys(shape.members).join(', ')}`)
        continue
      }
      const member = model.shapes[ref.shape]
      if (member && v !== undefined) walk(model, member, v, path ? `${path}.${key}` : key, errors)
    }
  } else if (shape.type === 'list') {
    const member = model.shapes[shape.member.shape]
    ;(value as unknown[]).forEach((item, i) => member && walk(model, member, item, `${path}[${i}]`, errors))
  } else if (shape.type === 'map') {
    const member = model.shapes[shape.value.shape]
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (member) walk(model, member, v, `${path}.${k}`, errors)
  }
}

export function validateInput(model: ServiceModel, inputShape: string | undefined, input: Record<string, unknown>): void {
  const shape = inputShape ? model.shapes[inputShape] : undefined
  if (!shape) return
  const errors: string[] = []
  walk(model, shape, input, '', errors)
  if (errors.length) throw paramError(`Parameter validation failed:\n${errors.join('\n')}`)
}
