import type { ServiceModel } from '../../models/index.ts'
import { isoTimestamp } from '../../sim/index.ts'
import { setOwn } from './values/index.ts'

/**
 * The simulation keeps times as epoch milliseconds; the CLI v2 prints timestamp members as ISO 8601 in UTC
 * (`cli_timestamp_format=iso8601`, fidelity §1.12). Walks the output shape to find them.
 */
export function printableTimestamps(model: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = model.shapes[shapeName]
  if (!shape || value === null || value === undefined) return value
  if (shapeName === 'policyDocumentType' && typeof value === 'string') return decodedPolicy(value)
  switch (shape.type) {
    case 'timestamp':
      return typeof value === 'number' ? isoTimestamp(value) : value
    case 'structure': {
      if (shape.document || typeof value !== 'object') return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) setOwn(out, k, Object.hasOwn(shape.members, k) ? printableTimestamps(model, shape.members[k].shape, v) : v)
      return out
    }
    case 'list':
      return Array.isArray(value) ? value.map((v) => printableTimestamps(model, shape.member.shape, v)) : value
    case 'map': {
      if (typeof value !== 'object') return value
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(value)) setOwn(out, k, printableTimestamps(model, shape.value.shape, v))
      return out
    }
    default:
      return value
  }
}

/**
 * IAM returns policy documents URL-encoded; botocore's `json_decode_policies` handler (after-call.iam) prints them
 * decoded, as JSON objects. A document that does not parse is printed as it came.
 */
function decodedPolicy(value: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(value)) as unknown
  } catch {
    return value
  }
}
