import { AwsError } from '../core/index.ts'

/**
 * CloudWatch Logs errors (JSON protocol: the exception name is the code). Texts as the service sends them where
 * seen (fidelity §6.3); the others follow its style.
 */
export const groupNotFound = () => new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
export const streamNotFound = () => new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.')
export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message)

/** Log group names: 1–512 of `A-Za-z0-9_-/.#` (CreateLogGroup API Reference). */
export const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/

/** Retention values PutRetentionPolicy accepts (API Reference, `retentionInDays`). */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

/** Paging tokens: opaque to the client; here an offset, in the 56-digit shape of the service's tokens. */
export const pageToken = (offset: number): string => String(offset).padStart(56, '0')
export function pageOffset(token: string | undefined): number {
  if (token === undefined) return 0
  const offset = /^\d{1,56}$/.test(token) ? Number(token) : NaN
  if (!Number.isSafeInteger(offset)) throw invalidParameter('The specified nextToken is invalid.')
  return offset
}
