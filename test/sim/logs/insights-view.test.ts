import { describe, expect, it } from 'vitest'
import { insightsFunctions, insightsQuery, logGroupFields, logGroupNames } from '../../../src/sandbox/index.ts'
import { json, ok, PERFORMANCE_GROUP, withPerformanceEvents } from './harness.ts'

// The Insights panel's view: the answer `start-query` then `get-query-results` give, at once and without a trace.
describe('the Logs Insights view the panel reads', () => {
  it('answers a query exactly as start-query then get-query-results do, and records no query in the account', () => {
    const { sandbox, start } = withPerformanceEvents(10)
    const range = { startTime: Math.floor(start / 1000), endTime: Math.floor(sandbox.now() / 1000) + 600 }
    const queryString = 'filter Type = "Task" | stats avg(CpuUtilized) as cpu by TaskId | sort cpu desc'
    const before = JSON.stringify(sandbox.snapshot().world.logs)
    const viewed = insightsQuery(sandbox.world(), sandbox.now(), { logGroupNames: [PERFORMANCE_GROUP], queryString, ...range })
    expect(JSON.stringify(sandbox.snapshot().world.logs)).toBe(before)
    const id = json(sandbox, `aws logs start-query --log-group-name ${PERFORMANCE_GROUP} --start-time ${range.startTime} --end-time ${range.endTime} --query-string '${queryString}'`).queryId
    sandbox.advance(5_000)
    const cli = json(sandbox, `aws logs get-query-results --query-id ${id}`)
    expect(viewed.status).toBe('Complete')
    if (viewed.status !== 'Complete') return
    expect(viewed.results).toEqual(cli.results)
    expect(viewed.results[0]).toEqual([{ field: 'TaskId', value: 'bbbb' }, { field: 'cpu', value: '24.5' }])
    expect(viewed.statistics.recordsMatched).toBe(cli.statistics.recordsMatched)
  })

  it("gives MalformedQueryException's message with the line and position it names", () => {
    const { sandbox } = withPerformanceEvents(1)
    const answer = insightsQuery(sandbox.world(), sandbox.now(), { logGroupNames: [PERFORMANCE_GROUP], startTime: 0, endTime: 2_000_000_000, queryString: 'stats avg(CpuUtilized) by bin(30m' })
    const cli = sandbox.exec(`aws logs start-query --log-group-name ${PERFORMANCE_GROUP} --start-time 0 --end-time 2000000000 --query-string 'stats avg(CpuUtilized) by bin(30m'`).stderr
    expect(answer).toMatchObject({ status: 'Failed', code: 'MalformedQueryException', line: 1, position: 34 })
    expect(cli).toContain(answer.status === 'Failed' ? answer.message : 'never')
  })

  it('says ResourceNotFoundException for a group that does not exist, as start-query does', () => {
    const { sandbox } = withPerformanceEvents(1)
    const answer = insightsQuery(sandbox.world(), sandbox.now(), { logGroupNames: ['/ecs/nothing'], startTime: 0, endTime: 2_000_000_000, queryString: 'fields @message' })
    const cli = sandbox.exec("aws logs start-query --log-group-name /ecs/nothing --start-time 0 --end-time 2000000000 --query-string 'fields @message'").stderr
    expect(answer).toMatchObject({ status: 'Failed', code: 'ResourceNotFoundException' })
    expect(cli).toContain('ResourceNotFoundException')
  })

  it("lists the groups and the fields Logs Insights discovers in a group's JSON events, for the editor's completion", () => {
    const { sandbox } = withPerformanceEvents(2)
    ok(sandbox, 'aws logs create-log-group --log-group-name /ecs/web')
    expect(logGroupNames(sandbox.world())).toEqual([PERFORMANCE_GROUP, '/ecs/web'].sort())
    const fields = logGroupFields(sandbox.world(), PERFORMANCE_GROUP)
    expect(fields.slice(0, 2)).toEqual(['@timestamp', '@message'])
    expect(fields).toEqual(expect.arrayContaining(['CpuUtilized', 'MemoryUtilized', 'TaskId', 'Type', 'RunningTaskCount']))
    expect(logGroupFields(sandbox.world(), '/ecs/web')).not.toContain('CpuUtilized')
    expect(insightsFunctions()).toEqual(expect.arrayContaining(['avg', 'bin', 'count_distinct', 'pct', 'strlen', 'datefloor']))
  })
})
