import { AwsError } from '../core/index.ts'

/** CloudWatch's parameter errors (API Reference, "Common Errors"): the code names the kind, the message the parameter. */
export const invalidValue = (message: string) => new AwsError('InvalidParameterValue', message)
export const invalidCombination = (message: string) => new AwsError('InvalidParameterCombination', message)
export const missingParameter = (message: string) => new AwsError('MissingParameter', message)
export const alarmNotFound = (message: string) => new AwsError('ResourceNotFound', message)

/**
 * A timestamp as botocore sends what the learner typed: ISO 8601 (`2026-01-05T09:00:00Z`, a date alone) or epoch
 * seconds; the sim keeps epoch ms. Undefined when it is neither.
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value
  if (typeof value !== 'string') return undefined
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(value.trim())
  if (!iso) return undefined
  const text = value.trim().replace(' ', 'T')
  const ms = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(text) || !text.includes('T') ? text : `${text}Z`)
  return Number.isNaN(ms) ? undefined : ms
}

export function timestampOf(name: string, value: unknown): number {
  const ms = parseTimestamp(value)
  if (ms === undefined) throw invalidValue(`The parameter ${name} must be a valid timestamp.`)
  return ms
}
