import { describe, expect, it } from 'vitest'
import { createSandbox, type SandboxSnapshot } from '../../../src/sandbox/index.ts'
import { json, PERFORMANCE_GROUP, query, withPerformanceEvents } from './harness.ts'

/**
 * The course notes end their monitoring part with `stats avg(CpuUtilized), avg(MemoryUitlized) by bin(30m)` (sic)
 * over the cluster's performance log events. Two tasks report every minute for 90 minutes: task aaaa at 10 + m CPU
 * units and 100 MiB, task bbbb at 20 + m and 200 MiB, plus one Service event a minute (no CPU or memory).
 */
const cells = (row: { field: string; value: string }[]) => Object.fromEntries(row.map((c) => [c.field, c.value]))

describe('the course notes’ Logs Insights query', () => {
  const { sandbox } = withPerformanceEvents(90)

  it('as corrected: one row per half hour, newest first, with both averages', () => {
    const out = query(sandbox, 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)')
    expect(out.results.map(cells)).toEqual([
      // Minutes 60–89: mean over m of (10 + m + 20 + m) / 2 = 15 + 74.5.
      { 'bin(30m)': '2026-01-05 10:00:00.000', 'avg(CpuUtilized)': '89.5', 'avg(MemoryUtilized)': '150' },
      { 'bin(30m)': '2026-01-05 09:30:00.000', 'avg(CpuUtilized)': '59.5', 'avg(MemoryUtilized)': '150' },
      { 'bin(30m)': '2026-01-05 09:00:00.000', 'avg(CpuUtilized)': '29.5', 'avg(MemoryUtilized)': '150' },
    ])
    // Every event is read; each one matches (stats counts the records that reach it).
    expect(out.statistics).toMatchObject({ recordsMatched: 270, recordsScanned: 270, logGroupsScanned: 1 })
  })

  it('with the notes’ typo: no error, and no MemoryUitlized column, because no event has that field', () => {
    const out = query(sandbox, 'stats avg(CpuUtilized), avg(MemoryUitlized) by bin(30m)')
    expect(out.status).toBe('Complete')
    expect(out.results.map(cells)).toEqual([
      { 'bin(30m)': '2026-01-05 10:00:00.000', 'avg(CpuUtilized)': '89.5' },
      { 'bin(30m)': '2026-01-05 09:30:00.000', 'avg(CpuUtilized)': '59.5' },
      { 'bin(30m)': '2026-01-05 09:00:00.000', 'avg(CpuUtilized)': '29.5' },
    ])
  })

  it('per task, with filter Type = "Task" as the Container Insights docs query it', () => {
    const out = query(sandbox, 'filter Type = "Task" | stats max(CpuUtilized) as peak, count(*) as minutes by TaskId | sort TaskId asc')
    expect(out.results.map(cells)).toEqual([{ TaskId: 'aaaa', peak: '99', minutes: '90' }, { TaskId: 'bbbb', peak: '109', minutes: '90' }])
    expect(out.statistics.recordsMatched).toBe(180)
  })

  it('a snapshot taken while the query runs resumes to the same results', () => {
    const { sandbox: s } = withPerformanceEvents(40)
    s.files.write('q.txt', 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)')
    const { queryId } = json(s, `aws logs start-query --log-group-name ${PERFORMANCE_GROUP} --start-time 0 --end-time ${Math.floor(s.now() / 1000)} --query-string file://q.txt`)
    s.advance(600)
    const resumed = createSandbox({ snapshot: JSON.parse(JSON.stringify(s.snapshot())) as SandboxSnapshot })
    for (const x of [s, resumed]) x.advance(5000)
    expect(resumed.exec(`aws logs get-query-results --query-id ${queryId}`)).toEqual(s.exec(`aws logs get-query-results --query-id ${queryId}`))
    expect(JSON.stringify(resumed.snapshot())).toBe(JSON.stringify(s.snapshot()))
  })
})
