import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, json, ok } from './harness.ts'

const G = '/ecs/web'

function withStream() {
  const sandbox = createSandbox({ seed: 3 })
  ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)
  ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name ecs/web/abc`)
  return sandbox
}

function put(sandbox: ReturnType<typeof createSandbox>, stream: string, events: { timestamp: number; message: string }[]) {
  sandbox.files.write('ev.json', JSON.stringify(events))
  return json(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ${stream} --log-events file://ev.json`)
}

describe('log groups', () => {
  it('create-log-group prints nothing; a second create answers ResourceAlreadyExistsException', () => {
    const sandbox = createSandbox()
    expect(ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)).toBe('')
    expect(fails(sandbox, `aws logs create-log-group --log-group-name ${G}`)).toMatch(
      /An error occurred \(ResourceAlreadyExistsException\) when calling the CreateLogGroup operation: The specified log group already exists$/,
    )
  })

  it('describe-log-groups shows the group in the model’s member order, filtered by prefix or pattern', () => {
    const sandbox = createSandbox()
    for (const name of ['/ecs/web', '/ecs/worker', '/aws/ecs/containerinsights/MyCluster/performance']) ok(sandbox, `aws logs create-log-group --log-group-name ${name}`)
    const [group] = json(sandbox, 'aws logs describe-log-groups --log-group-name-prefix /ecs/web').logGroups
    expect(Object.keys(group)).toEqual(['logGroupName', 'creationTime', 'metricFilterCount', 'arn', 'storedBytes', 'logGroupClass', 'logGroupArn'])
    expect(group).toMatchObject({ logGroupName: '/ecs/web', arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*', logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web', storedBytes: 0 })
    expect(json(sandbox, "aws logs describe-log-groups --query 'logGroups[].logGroupName'")).toEqual(['/aws/ecs/containerinsights/MyCluster/performance', '/ecs/web', '/ecs/worker'])
    expect(json(sandbox, "aws logs describe-log-groups --log-group-name-pattern CONTAINERINSIGHTS --query 'logGroups[].logGroupName'")).toEqual(['/aws/ecs/containerinsights/MyCluster/performance'])
    expect(fails(sandbox, 'aws logs describe-log-groups --log-group-name-prefix /a --log-group-name-pattern b')).toMatch(/InvalidParameterException.*mutually exclusive/)
  })

  it('delete-log-group removes it; deleting again is ResourceNotFoundException', () => {
    const sandbox = withStream()
    ok(sandbox, `aws logs delete-log-group --log-group-name ${G}`)
    expect(json(sandbox, 'aws logs describe-log-groups').logGroups).toEqual([])
    expect(fails(sandbox, `aws logs delete-log-group --log-group-name ${G}`)).toMatch(/\(ResourceNotFoundException\) when calling the DeleteLogGroup operation: The specified log group does not exist\.$/)
  })

  it('a recreated group does not bring back the deleted group’s events', () => {
    const sandbox = withStream()
    put(sandbox, 'ecs/web/abc', [{ timestamp: sandbox.now(), message: 'old' }])
    ok(sandbox, `aws logs delete-log-group --log-group-name ${G}`)
    ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)
    ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name ecs/web/abc`)
    expect(json(sandbox, `aws logs filter-log-events --log-group-name ${G}`).events).toEqual([])
  })

  it('rejects names outside the allowed characters', () => {
    expect(fails(createSandbox(), 'aws logs create-log-group --log-group-name "bad name"')).toMatch(/InvalidParameterException.*logGroupName/)
  })
})

describe('retention', () => {
  it('put-retention-policy takes only the listed values and shows retentionInDays; delete removes it', () => {
    const sandbox = withStream()
    expect(fails(sandbox, `aws logs put-retention-policy --log-group-name ${G} --retention-in-days 2`)).toMatch(/Member must satisfy enum value set: \[1, 3, 5, 7, 14, 30/)
    ok(sandbox, `aws logs put-retention-policy --log-group-name ${G} --retention-in-days 1`)
    expect(json(sandbox, 'aws logs describe-log-groups').logGroups[0].retentionInDays).toBe(1)
    ok(sandbox, `aws logs delete-retention-policy --log-group-name ${G}`)
    expect(json(sandbox, 'aws logs describe-log-groups').logGroups[0].retentionInDays).toBeUndefined()
  })

  it('events older than the retention disappear as the clock moves on', () => {
    const sandbox = withStream()
    put(sandbox, 'ecs/web/abc', [{ timestamp: sandbox.now(), message: 'hello' }])
    ok(sandbox, `aws logs put-retention-policy --log-group-name ${G} --retention-in-days 1`)
    sandbox.advance(23 * 3_600_000)
    expect(json(sandbox, `aws logs filter-log-events --log-group-name ${G}`).events).toHaveLength(1)
    sandbox.advance(2 * 3_600_000)
    expect(json(sandbox, `aws logs filter-log-events --log-group-name ${G}`).events).toEqual([])
  })
})

describe('log streams and events', () => {
  it('describe-log-streams orders by name, or by last event time, descending when asked', () => {
    const sandbox = withStream()
    ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name ecs/web/xyz`)
    expect(fails(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name ecs/web/xyz`)).toMatch(/ResourceAlreadyExistsException.*The specified log stream already exists/)
    put(sandbox, 'ecs/web/xyz', [{ timestamp: sandbox.now() - 1000, message: 'x' }])
    put(sandbox, 'ecs/web/abc', [{ timestamp: sandbox.now(), message: 'a' }])
    const names = (extra: string) => json(sandbox, `aws logs describe-log-streams --log-group-name ${G} ${extra} --query 'logStreams[].logStreamName'`)
    expect(names('')).toEqual(['ecs/web/abc', 'ecs/web/xyz'])
    expect(names('--order-by LastEventTime --descending')).toEqual(['ecs/web/abc', 'ecs/web/xyz'])
    expect(names('--order-by LastEventTime')).toEqual(['ecs/web/xyz', 'ecs/web/abc'])
    const [stream] = json(sandbox, `aws logs describe-log-streams --log-group-name ${G} --log-stream-name-prefix ecs/web/x`).logStreams
    expect(stream).toMatchObject({ logStreamName: 'ecs/web/xyz', firstEventTimestamp: sandbox.now() - 1000, lastEventTimestamp: sandbox.now() - 1000, arn: `arn:aws:logs:us-east-1:123456789012:log-group:${G}:log-stream:ecs/web/xyz` })
    expect(fails(sandbox, `aws logs describe-log-streams --log-group-name ${G} --order-by LastEventTime --log-stream-name-prefix e`)).toMatch(/Cannot order by LastEventTime with a logStreamNamePrefix/)
  })

  it('put-log-events needs the stream, events in chronological order, and reports events too old or too new', () => {
    const sandbox = withStream()
    const now = sandbox.now()
    expect(fails(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name nope --log-events timestamp=${now},message=hi`)).toMatch(/ResourceNotFoundException.*The specified log stream does not exist\./)
    sandbox.files.write('bad.json', JSON.stringify([{ timestamp: now, message: 'b' }, { timestamp: now - 1, message: 'a' }]))
    expect(fails(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --log-events file://bad.json`)).toMatch(/must be in chronological order/)
    sandbox.advance(20 * 86_400_000)
    const later = sandbox.now()
    const old = put(sandbox, 'ecs/web/abc', [{ timestamp: later - 15 * 86_400_000, message: 'too old' }, { timestamp: later - 15 * 86_400_000 + 1, message: 'too old too' }])
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 2 })
    const answer = put(sandbox, 'ecs/web/abc', [{ timestamp: later - 1000, message: 'kept' }, { timestamp: later + 3 * 3_600_000, message: 'too new' }])
    expect(answer.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 })
    expect(answer.nextSequenceToken).toMatch(/^\d{56}$/)
    expect(json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --query 'events[].message'`)).toEqual(['kept'])
  })

  it('a batch over 1,048,576 bytes (UTF-8, plus 26 per event) is refused', () => {
    const sandbox = withStream()
    const t = sandbox.now()
    // 'é' is two UTF-8 bytes: 4 × (2 × 131,060 + 26) = 1,048,584 bytes; the same count of 'e' is half that.
    const batch = (c: string) => JSON.stringify([0, 1, 2, 3].map((i) => ({ timestamp: t + i, message: c.repeat(131_060) })))
    sandbox.files.write('big.json', batch('é'))
    expect(fails(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --log-events file://big.json`)).toMatch(/InvalidParameterException.*Upload too large: 1048584 bytes exceeds limit of 1048576/)
    sandbox.files.write('big.json', batch('e'))
    ok(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --log-events file://big.json`)
  })

  it('a failed put-log-events stores nothing', () => {
    const sandbox = withStream()
    fails(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --log-events timestamp=${sandbox.now()},message=a timestamp=1,message=b`)
    expect(sandbox.world().logs.events).toEqual([])
  })

  it('get-log-events pages forward from the head with tokens, and by default shows the newest', () => {
    const sandbox = withStream()
    const t = sandbox.now()
    put(sandbox, 'ecs/web/abc', [1, 2, 3, 4, 5].map((n) => ({ timestamp: t + n, message: `line ${n}` })))
    const first = json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --start-from-head --limit 2`)
    expect(first.events.map((e: { message: string }) => e.message)).toEqual(['line 1', 'line 2'])
    expect(Object.keys(first.events[0])).toEqual(['timestamp', 'message', 'ingestionTime'])
    expect(first.nextForwardToken).toMatch(/^f\/\d{56}$/)
    const second = json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --limit 2 --next-token ${first.nextForwardToken}`)
    expect(second.events.map((e: { message: string }) => e.message)).toEqual(['line 3', 'line 4'])
    const newest = json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --limit 2 --no-paginate`)
    expect(newest.events.map((e: { message: string }) => e.message)).toEqual(['line 4', 'line 5'])
    const end = json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --start-from-head --no-paginate`)
    const again = json(sandbox, `aws logs get-log-events --log-group-name ${G} --log-stream-name ecs/web/abc --next-token ${end.nextForwardToken} --no-paginate`)
    expect(again).toMatchObject({ events: [], nextForwardToken: end.nextForwardToken })
  })
})
