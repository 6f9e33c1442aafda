import { AwsError, ownEntry, setOwnEntry } from '../core/index.ts'
import { handler } from '../context.ts'
import { invalidParameter, LOG_GROUP_NAME, pageOffset, pageToken, RETENTION_DAYS } from './errors.ts'
import { findGroup } from './lookup.ts'
import type { LogGroup } from './state.ts'

/** CreateLogGroup / DeleteLogGroup / DescribeLogGroups / Put- and DeleteRetentionPolicy (CloudWatch Logs API Reference). */
export const createLogGroup = handler((ctx, input: { logGroupName: string }) => {
  const name = input.logGroupName
  if (!LOG_GROUP_NAME.test(name))
    throw invalidParameter(`1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`)
  if (ownEntry(ctx.world.logs.groups, name)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists')
  const { accountId, region } = ctx.world
  const arn = `arn:aws:logs:${region}:${accountId}:log-group:${name}`
  const group: LogGroup = { logGroupName: name, creationTime: ctx.now(), metricFilterCount: 0, arn: `${arn}:*`, logGroupClass: 'STANDARD', logGroupArn: arn, streams: {} }
  setOwnEntry(ctx.world.logs.groups, name, group)
  ctx.log(arn, { kind: 'resource.created', type: 'AWS::Logs::LogGroup' })
  return {}
})

export const deleteLogGroup = handler((ctx, input: { logGroupName: string }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  delete ctx.world.logs.groups[group.logGroupName]
  ctx.log(group.logGroupArn, { kind: 'resource.deleted', type: 'AWS::Logs::LogGroup' })
  return {}
})

/** The API's page size default and maximum for DescribeLogGroups/DescribeLogStreams. */
const DESCRIBE_LIMIT = 50

export const describeLogGroups = handler((ctx, input: { logGroupNamePrefix?: string; logGroupNamePattern?: string; limit?: number; nextToken?: string }) => {
  const { logGroupNamePrefix: prefix, logGroupNamePattern: pattern } = input
  if (prefix !== undefined && pattern !== undefined)
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.')
  const limit = input.limit ?? DESCRIBE_LIMIT
  if (!(limit >= 1 && limit <= DESCRIBE_LIMIT)) throw invalidParameter(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50`)
  // A pattern matches anywhere in the name, case-insensitively (DescribeLogGroups, logGroupNamePattern).
  const groups = Object.values(ctx.world.logs.groups)
    .filter((g) => (prefix === undefined || g.logGroupName.startsWith(prefix)) && (pattern === undefined || g.logGroupName.toLowerCase().includes(pattern.toLowerCase())))
    .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1))
  const offset = pageOffset(input.nextToken)
  const page = groups.slice(offset, offset + limit)
  return {
    logGroups: page.map((g) => {
      let storedBytes = 0
      for (const s of Object.values(g.streams)) storedBytes += s.storedBytes
      const { streams: _streams, ...shown } = g
      return { ...shown, storedBytes }
    }),
    ...(offset + limit < groups.length ? { nextToken: pageToken(offset + limit) } : {}),
  }
})

export const putRetentionPolicy = handler((ctx, input: { logGroupName: string; retentionInDays: number }) => {
  if (!RETENTION_DAYS.includes(input.retentionInDays))
    throw invalidParameter(`1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`)
  const group = findGroup(ctx.world, input.logGroupName)
  group.retentionInDays = input.retentionInDays
  ctx.log(group.logGroupArn, { kind: 'resource.settings', type: 'AWS::Logs::LogGroup', scope: 'setting', settings: [{ name: 'retentionInDays', value: String(input.retentionInDays) }] })
  return {}
})

export const deleteRetentionPolicy = handler((ctx, input: { logGroupName: string }) => {
  const group = findGroup(ctx.world, input.logGroupName)
  delete group.retentionInDays
  ctx.log(group.logGroupArn, { kind: 'resource.settings', type: 'AWS::Logs::LogGroup', scope: 'setting', settings: [{ name: 'retentionInDays', value: 'never expire' }] })
  return {}
})
