import { AwsError, ownEntry, setOwnEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import { invalidParameter, pageOffset, pageToken } from './errors.ts'
import { findGroup } from './lookup.ts'

/** CreateLogStream / DescribeLogStreams (CloudWatch Logs API Reference). */
export const createLogStream = handler((ctx, input: { logGroupName: string; logStreamName: string }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  const name = input.logStreamName
  // Stream names: 1–512 characters, no `:` or `*` (CreateLogStream API Reference).
  if (!/^[^:*]{1,512}$/.test(name))
    throw invalidParameter(`1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`)
  if (ownEntry(group.streams, name)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists')
  const id = ctx.world.logs.nextStreamId++
  setOwnEntry(group.streams, name, { id, logStreamName: name, creationTime: ctx.now(), arn: `${group.logGroupArn}:log-stream:${name}`, storedBytes: 0 })
  return {}
})

export const describeLogStreams = handler((ctx, input: { logGroupName?: string; logGroupIdentifier?: string; logStreamNamePrefix?: string; orderBy?: 'LogStreamName' | 'LastEventTime'; descending?: boolean; limit?: number; nextToken?: string }) => {
  const group = findGroup(ctx.world, input.logGroupName ?? input.logGroupIdentifier?.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, ''))
  const orderBy = input.orderBy ?? 'LogStreamName'
  if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.')
  const limit = input.limit ?? 50
  if (!(limit >= 1 && limit <= 50)) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50`)
  const prefix = input.logStreamNamePrefix ?? ''
  const streams = Object.values(group.streams).filter((s) => s.logStreamName.startsWith(prefix))
  // LastEventTime orders streams without events first (their time is unknown), then by the last event's time.
  streams.sort(orderBy === 'LogStreamName'
    ? (a, b) => (a.logStreamName < b.logStreamName ? -1 : 1)
    : (a, b) => (a.lastEventTimestamp ?? -1) - (b.lastEventTimestamp ?? -1) || (a.logStreamName < b.logStreamName ? -1 : 1))
  if (input.descending) streams.reverse()
  const offset = pageOffset(input.nextToken)
  return {
    logStreams: streams.slice(offset, offset + limit).map(({ id: _id, ...shown }) => shown),
    ...(offset + limit < streams.length ? { nextToken: pageToken(offset + limit) } : {}),
  }
})
