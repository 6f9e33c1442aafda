import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, json, ok, PERFORMANCE_GROUP, withPerformanceEvents } from './harness.ts'

const G = '/ecs/web'
const MESSAGES = [
  'GET /health 200',
  'POST /login 500 ERROR timeout',
  'GET /items 404 not found',
  'ERROR disk full',
  '{"Type":"Task","CpuUtilized":12.5,"TaskId":"a1","ok":true,"tags":{"env":"prod"},"list":[7,8]}',
  '{"Type":"Service","RunningTaskCount":2,"ok":false}',
  '{"Type":"Container","CpuUtilized":80,"TaskId":"a2"}',
]

function withMessages() {
  const sandbox = createSandbox({ seed: 5 })
  ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)
  ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name s1`)
  ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name s2`)
  const t = sandbox.now()
  const half = (from: number) => MESSAGES.map((message, i) => ({ timestamp: t + i * 1000, message })).filter((_, i) => i % 2 === from)
  sandbox.files.write('a.json', JSON.stringify(half(0)))
  sandbox.files.write('b.json', JSON.stringify(half(1)))
  ok(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name s1 --log-events file://a.json`)
  ok(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name s2 --log-events file://b.json`)
  sandbox.advance(60_000)
  return sandbox
}

const matching = (sandbox: ReturnType<typeof createSandbox>, pattern: string) => {
  sandbox.files.write('p.txt', pattern)
  return json(sandbox, `aws logs filter-log-events --log-group-name ${G} --filter-pattern file://p.txt`).events.map((e: { message: string }) => MESSAGES.indexOf(e.message))
}

describe('filter-log-events', () => {
  it('interleaves every stream in time order, with the stream name and a 56-digit eventId', () => {
    const sandbox = withMessages()
    const { events } = json(sandbox, `aws logs filter-log-events --log-group-name ${G}`)
    expect(events.map((e: { message: string }) => MESSAGES.indexOf(e.message))).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(events.map((e: { logStreamName: string }) => e.logStreamName).slice(0, 3)).toEqual(['s1', 's2', 's1'])
    expect(Object.keys(events[0])).toEqual(['logStreamName', 'timestamp', 'message', 'ingestionTime', 'eventId'])
    expect(events[0].eventId).toMatch(/^\d{56}$/)
    expect(json(sandbox, `aws logs filter-log-events --log-group-name ${G} --log-stream-names s2 --query 'length(events)'`)).toBe(3)
  })

  it.each([
    ['', [0, 1, 2, 3, 4, 5, 6]],
    ['ERROR', [1, 3]],
    ['ERROR timeout', [1]],
    ['"not found"', [2]],
    ['ERROR -timeout', [3]],
    ['?404 ?timeout', [1, 2]],
    ['error', []],
    ['%[45]0[04]%', [1, 2]],
    ['{ $.Type = "Task" }', [4]],
    ['{ $.Type != "Task" }', [5, 6]],
    ['{ $.Type = "T*" }', [4]],
    ['{ $.CpuUtilized > 50 }', [6]],
    ['{ $.CpuUtilized < 50 }', [4]],
    ['{ $.CpuUtilized >= 12.5 && $.Type = "Task" }', [4]],
    ['{ $.Type = "Service" || $.Type = "Container" }', [5, 6]],
    ['{ ($.Type = "Service" || $.Type = "Container") && $.CpuUtilized = 80 }', [6]],
    ['{ $.tags.env = "prod" }', [4]],
    ['{ $.list[1] = 8 }', [4]],
    ['{ $.ok IS TRUE }', [4]],
    ['{ $.ok IS FALSE }', [5]],
    ['{ $.TaskId EXISTS }', [4, 6]],
    ['{ $.TaskId NOT EXISTS }', [5]],
  ])('the pattern %j matches the events %j', (pattern, expected) => {
    expect(matching(withMessages(), pattern)).toEqual(expected)
  })

  it('an invalid pattern is InvalidParameterException', () => {
    const sandbox = withMessages()
    sandbox.files.write('p.txt', '{ $.Type = }')
    expect(fails(sandbox, `aws logs filter-log-events --log-group-name ${G} --filter-pattern file://p.txt`)).toMatch(/InvalidParameterException.*Invalid filter pattern/)
  })
})

describe('aws logs tail', () => {
  it('prints `<timestamp> <stream> <message>` with the time to the microsecond, as CLI v2’s detailed format', () => {
    const sandbox = withMessages()
    const lines = ok(sandbox, `aws logs tail ${G} --since 5m`).split('\n')
    expect(lines[0]).toBe('2026-01-05T09:00:00.000000+00:00 s1 GET /health 200')
    expect(lines[1]).toBe('2026-01-05T09:00:01.000000+00:00 s2 POST /login 500 ERROR timeout')
    expect(lines).toHaveLength(MESSAGES.length + 1)
  })

  it('short prints the time to the second; json pretty-prints JSON messages under the stream name', () => {
    const sandbox = withMessages()
    expect(ok(sandbox, `aws logs tail ${G} --since 5m --format short --filter-pattern ERROR`)).toBe('2026-01-05T09:00:01 POST /login 500 ERROR timeout\n2026-01-05T09:00:03 ERROR disk full\n')
    expect(ok(sandbox, `aws logs tail ${G} --since 5m --format json --filter-pattern '{ $.Type = "Service" }'`)).toBe(
      '2026-01-05T09:00:05+00:00 s2 \n{\n    "Type": "Service",\n    "RunningTaskCount": 2,\n    "ok": false\n}\n',
    )
  })

  it('--since 10m by default: older events are not shown; --follow prints what exists and returns on the virtual clock', () => {
    const { sandbox } = withPerformanceEvents(30)
    const shown = ok(sandbox, `aws logs tail ${PERFORMANCE_GROUP}`).trim().split('\n')
    expect(shown).toHaveLength(10 * 3)
    expect(ok(sandbox, `aws logs tail ${PERFORMANCE_GROUP} --follow --since 1m`).trim().split('\n')).toHaveLength(3)
  })
})
