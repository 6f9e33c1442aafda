import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, json, ok, query } from './harness.ts'

/**
 * Logs Insights, command by command, through start-query / get-query-results on the clock. Events (oldest first):
 * requests in a made-up access log plus JSON events, in `/app` (streams `web` and `api`).
 */
const G = '/app'
const EVENTS: [string, string][] = [
  ['web', '{"level":"INFO","path":"/","status":200,"ms":12,"user":{"id":"u1","ip":"10.0.1.5"},"tags":["a","b"]}'],
  ['web', '{"level":"ERROR","path":"/login","status":500,"ms":250,"user":{"id":"u2","ip":"10.0.2.9"}}'],
  ['api', '{"level":"INFO","path":"/items","status":200,"ms":30,"user":{"id":"u1","ip":"192.168.0.1"}}'],
  ['api', '{"level":"WARN","path":"/items","status":404,"ms":8}'],
  ['web', 'user=u3 action=login result=ok'],
  ['api', '{"level":"INFO","path":"/","status":200,"ms":20,"user":{"id":"u2","ip":"10.0.1.7"}}'],
]

function sandboxWithEvents() {
  const sandbox = createSandbox({ seed: 11 })
  ok(sandbox, `aws logs create-log-group --log-group-name ${G}`)
  for (const s of ['web', 'api']) ok(sandbox, `aws logs create-log-stream --log-group-name ${G} --log-stream-name ${s}`)
  const t = sandbox.now()
  for (const s of ['web', 'api']) {
    const events = EVENTS.map(([stream, message], i) => ({ stream, timestamp: t + i * 60_000, message })).filter((e) => e.stream === s).map(({ timestamp, message }) => ({ timestamp, message }))
    sandbox.files.write(`${s}.json`, JSON.stringify(events))
    ok(sandbox, `aws logs put-log-events --log-group-name ${G} --log-stream-name ${s} --log-events file://${s}.json`)
  }
  sandbox.advance(10 * 60_000)
  return sandbox
}

const sandbox = sandboxWithEvents()
/** The rows as objects (field → value), @ptr left out. */
const rows = (q: string): Record<string, string>[] =>
  query(sandbox, q, G).results.map((row: { field: string; value: string }[]) => Object.fromEntries(row.filter((c) => c.field !== '@ptr').map((c) => [c.field, c.value])))

describe('Logs Insights commands', () => {
  it.each<[string, string, Record<string, string>[]]>([
    ['fields picks columns; rows come newest first', 'fields path, status | limit 2', [{ path: '/', status: '200' }, {}]],
    ['fields computes with `as`', 'fields ms * 2 as double | filter ispresent(ms) | sort ms asc | limit 2', [{ double: '16' }, { double: '24' }]],
    ['nested JSON is flattened with dots', 'fields user.id, user.ip | filter user.id = "u2" | sort @timestamp asc', [{ 'user.id': 'u2', 'user.ip': '10.0.2.9' }, { 'user.id': 'u2', 'user.ip': '10.0.1.7' }]],
    ['arrays are flattened by index', 'fields tags.1 | filter ispresent(tags.0)', [{ 'tags.1': 'b' }]],
    ['display keeps only its fields (the last one wins)', 'fields path, status | display status | filter status = 404', [{ status: '404' }]],
    ['filter with and/or/not', 'filter (status >= 400 and not level = "WARN") or ms < 10 | fields path | sort @timestamp asc', [{ path: '/login' }, { path: '/items' }]],
    ['filter compares a number with a string that reads as one', 'filter status = "500" | fields path', [{ path: '/login' }]],
    ['like a substring', 'filter @message like "login" | fields @logStream | sort @timestamp asc', [{ '@logStream': 'web' }, { '@logStream': 'web' }]],
    ['like a regex, case-insensitive with (?i)', 'filter @message like /(?i)RESULT=OK/ | fields @logStream', [{ '@logStream': 'web' }]],
    ['=~ a regex', 'filter path =~ /^\\/it/ | stats count() as n', [{ n: '2' }]],
    ['not like', 'filter ispresent(path) and path not like "items" | stats count(*) as n', [{ n: '3' }]],
    ['in a list, and not in', 'filter status in [404, 500] | stats count() as bad, count_distinct(path) as paths', [{ bad: '2', paths: '2' }]],
    ['not in', 'filter ispresent(status) and status not in [200] | stats count() as n', [{ n: '2' }]],
    ['stats without by answers one row', 'stats count(*) as all, count(status) as withStatus, sum(ms), avg(ms), min(ms), max(ms)', [{ all: '6', withStatus: '5', 'sum(ms)': '320', 'avg(ms)': '64', 'min(ms)': '8', 'max(ms)': '250' }]],
    ['stats by a field (events without it form their own group)', 'stats count(*) as n by level | sort level asc', [{ level: 'ERROR', n: '1' }, { level: 'INFO', n: '3' }, { level: 'WARN', n: '1' }, { n: '1' }]],
    ['stats pct (nearest rank)', 'stats pct(ms, 50) as median, pct(ms, 100) as top, pct(ms, 1) as bottom', [{ median: '20', top: '250', bottom: '8' }]],
    ['earliest and latest', 'filter ispresent(path) | stats earliest(path) as first, latest(path) as last', [{ first: '/', last: '/' }]],
    ['min of @timestamp prints as a time', 'stats min(@timestamp) as start', [{ start: '2026-01-05 09:00:00.000' }]],
    ['stats by bin(5m)', 'stats count(*) as n by bin(5m)', [{ 'bin(5m)': '2026-01-05 09:05:00.000', n: '1' }, { 'bin(5m)': '2026-01-05 09:00:00.000', n: '5' }]],
    ['a second stats over the first one’s rows', 'stats count(*) as n by level | stats max(n) as most', [{ most: '3' }]],
    ['sort asc and desc, with missing values last', 'fields ms | sort ms desc | limit 3', [{ ms: '250' }, { ms: '30' }, { ms: '20' }]],
    ['limit', 'fields @logStream | limit 1', [{ '@logStream': 'api' }]],
    ['parse with a glob', 'parse @message "user=* action=* " as who, what | filter ispresent(who) | fields who, what', [{ who: 'u3', what: 'login' }]],
    ['parse with a regex and named groups', 'parse @message /result=(?<outcome>\\w+)/ | filter ispresent(outcome) | fields outcome', [{ outcome: 'ok' }]],
    ['dedup keeps the first (newest) row of each value; rows without it stay', 'fields path | dedup path | sort @timestamp asc', [{ path: '/login' }, { path: '/items' }, {}, { path: '/' }]],
    ['comments are ignored', '# the busiest paths\nstats count(*) as n by path # per path\n| sort n desc, path desc | limit 1', [{ path: '/items', n: '2' }]],
    ['backticks quote odd field names', 'fields `user.id` as who | filter who = "u1" | stats count() as n', [{ n: '2' }]],
    ['an aggregate over a field no event has gives no value in that column', 'stats avg(nothing), count(*) as n', [{ n: '6' }]],
  ])('%s: %s', (_what, q, expected) => {
    expect(rows(q)).toEqual(expected)
  })

  it('stddev is the sample standard deviation', () => {
    const values = [12, 250, 30, 8, 20]
    const mean = values.reduce((a, b) => a + b) / values.length
    const expected = Math.sqrt(values.reduce((n, v) => n + (v - mean) ** 2, 0) / (values.length - 1))
    expect(Number(rows('stats stddev(ms) as sd')[0].sd)).toBeCloseTo(expected, 9)
  })

  it('without fields, rows show @timestamp, @message, @logStream, @log and @ptr', () => {
    const [row] = query(sandbox, 'limit 1', G).results
    expect(row.map((c: { field: string }) => c.field)).toEqual(['@timestamp', '@message', '@logStream', '@log', '@ptr'])
    expect(row[3].value).toBe('123456789012:/app')
  })
})

describe('queries on the clock', () => {
  it('a query is Scheduled, then Running, then Complete with statistics', () => {
    const s = sandboxWithEvents()
    const end = Math.floor(s.now() / 1000)
    const { queryId } = json(s, `aws logs start-query --log-group-name ${G} --start-time 0 --end-time ${end} --query-string 'filter status = 200 | stats count(*)'`)
    expect(queryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(json(s, `aws logs get-query-results --query-id ${queryId}`)).toMatchObject({ results: [], status: 'Scheduled' })
    s.advance(1000)
    expect(json(s, `aws logs get-query-results --query-id ${queryId}`).status).toBe('Running')
    s.advance(2000)
    const out = ok(s, `aws logs get-query-results --query-id ${queryId}`)
    expect(JSON.parse(out)).toMatchObject({ queryLanguage: 'CWLI', results: [[{ field: 'count(*)', value: '3' }]], status: 'Complete' })
    expect(JSON.parse(out).statistics).toEqual({ recordsMatched: 3, recordsScanned: 6, estimatedRecordsSkipped: 0, bytesScanned: EVENTS.reduce((n, [, m]) => n + m.length, 0), estimatedBytesSkipped: 0, logGroupsScanned: 1 })
    expect(json(s, 'aws logs describe-queries').queries[0]).toMatchObject({ queryId, status: 'Complete', logGroupName: G, queryString: 'filter status = 200 | stats count(*)' })
  })

  it('stop-query cancels a running query; stopping it again is refused', () => {
    const s = sandboxWithEvents()
    const { queryId } = json(s, `aws logs start-query --log-group-name ${G} --start-time 0 --end-time 2000000000 --query-string 'stats count(*)'`)
    expect(json(s, `aws logs stop-query --query-id ${queryId}`)).toEqual({ success: true })
    s.advance(5000)
    expect(json(s, `aws logs get-query-results --query-id ${queryId}`).status).toBe('Cancelled')
    expect(fails(s, `aws logs stop-query --query-id ${queryId}`)).toMatch(/InvalidParameterException/)
    expect(json(s, 'aws logs describe-queries --status Cancelled').queries).toHaveLength(1)
  })

  it('the time range limits the events scanned', () => {
    const s = sandboxWithEvents()
    const start = Math.floor(s.now() / 1000) - 10 * 60
    const { queryId } = json(s, `aws logs start-query --log-group-name ${G} --start-time ${start} --end-time ${start + 60} --query-string 'stats count(*) as n'`)
    s.advance(5000)
    expect(json(s, `aws logs get-query-results --query-id ${queryId}`).results).toEqual([[{ field: 'n', value: '2' }]])
  })

  it('an unknown group or query is ResourceNotFoundException', () => {
    const s = createSandbox()
    expect(fails(s, "aws logs start-query --log-group-name /nope --start-time 0 --end-time 1 --query-string 'stats count(*)'")).toMatch(/ResourceNotFoundException.*The specified log group does not exist/)
    expect(fails(s, 'aws logs get-query-results --query-id 12ab3456-12ab-123a-789e-1234567890ab')).toMatch(/ResourceNotFoundException/)
  })
})

describe('MalformedQueryException', () => {
  it.each([
    ['stats avg(CpuUtilized) by bin(30m', 'unexpected symbol found <EOF> at line 1 and position 34'],
    ['fields @message | | limit 5', 'unexpected symbol found | at line 1 and position 19'],
    ['fields a\n| sort a\n| count', 'unexpected symbol found count at line 3 and position 3'],
    ['filter x = ', 'unexpected symbol found <EOF> at line 1 and position 12'],
    ['limit 0', 'unexpected symbol found 0 at line 1 and position 7'],
    ['limit 10001', 'unexpected symbol found 10001 at line 1 and position 7'],
    ['stats nosuch(x)', 'nosuch is not a function'],
    ['fields avg(x)', 'avg is an aggregation function: it belongs in stats'],
    ['stats x', 'stats needs an aggregation function'],
    ['filter @message like "unterminated', 'unexpected symbol found " at line 1 and position 22'],
    ['parse @message "a * b *" as one', 'Expected 2 fields after as, found 1'],
    ['stats count(*) by bin(5parsecs)', 'unexpected symbol found 5parsecs at line 1 and position 23'],
    ['', 'unexpected symbol found <EOF> at line 1 and position 1'],
  ])('%j → %s', (q, message) => {
    const s = sandboxWithEvents()
    s.files.write('q.txt', q)
    const stderr = fails(s, `aws logs start-query --log-group-name ${G} --start-time 0 --end-time 1 --query-string file://q.txt`)
    expect(stderr).toContain('An error occurred (MalformedQueryException) when calling the StartQuery operation: ')
    expect(stderr).toContain(message)
    expect(s.world().logs.queries).toEqual({})
  })
})
