import { Suspense, useId, useState } from 'react'
import { insightsQuery, logGroupFields, logGroupNames, type InsightsQueryAnswer, type World } from '../../sandbox/index.ts'
import { InsightsQueryEditor, monacoAvailable } from '../monaco/lazy.ts'
import { ResultsTable } from './ResultsTable.tsx'
import { TimeSeriesChart } from './TimeSeriesChart.tsx'
import { binSeries, type ResultRow } from './queryResults.ts'
import { TimeRangeSelect } from './TimeRangeSelect.tsx'
import { ONE_HOUR } from './timeRanges.ts'

/** The course notes' query, as it should read (the notes' own line has `MemoryUitlized`: lessons/10-container-insights.md). */
export const NOTES_QUERY = 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m)'

/** The time ranges of the CloudWatch console's Logs Insights page. */
const PERFORMANCE = /^\/aws\/ecs\/containerinsights\/(.+)\/performance$/

interface Ran {
  queryString: string
  logGroupName: string
  from: number
  to: number
  answer: InsightsQueryAnswer
}

/**
 * Logs Insights in the app: pick a log group and a time range, write a query (Monaco, with highlighting and
 * completion of the group's discovered fields), run it. The answer comes from the simulation's own engine through
 * the sandbox's `insightsQuery` view (what `aws logs start-query` then `get-query-results` would return), so the panel
 * and the CLI cannot disagree; a malformed query shows MalformedQueryException's message and where it went wrong.
 */
export function LogsInsightsPanel({ world, now }: { world: Readonly<World>; now: number }) {
  const id = useId()
  const groups = logGroupNames(world)
  const performance = groups.filter((g) => PERFORMANCE.test(g))
  const [groupChoice, setGroup] = useState<string>()
  const group = groupChoice !== undefined && groups.includes(groupChoice) ? groupChoice : (performance[0] ?? groups[0])
  const [rangeMs, setRange] = useState<number>(ONE_HOUR)
  const [query, setQuery] = useState(NOTES_QUERY)
  const [ran, setRan] = useState<Ran>()
  // Cheap (the newest 50 events of the group), so worked out on each render rather than memoised.
  const fields = group ? logGroupFields(world, group) : []

  const run = (queryString = query, logGroupName = group) => {
    if (!logGroupName) return
    const from = now - rangeMs
    const answer = insightsQuery(world, now, { logGroupNames: [logGroupName], startTime: Math.floor(from / 1000), endTime: Math.floor(now / 1000), queryString })
    setRan({ queryString, logGroupName, from, to: now, answer })
  }
  const runNotesQuery = () => {
    const target = performance[0]
    if (!target) return
    setGroup(target)
    setQuery(NOTES_QUERY)
    run(NOTES_QUERY, target)
  }

  const answer = ran?.answer
  const failed = answer?.status === 'Failed' ? answer : undefined
  const rows: readonly ResultRow[] = answer?.status === 'Complete' ? answer.results : []
  const series = answer?.status === 'Complete' ? binSeries(ran!.queryString, rows) : undefined
  const editorError = failed?.line !== undefined && failed.position !== undefined ? { line: failed.line, position: failed.position, message: failed.message } : undefined
  const textarea = (
    <textarea
      id={`${id}-query`}
      className="insights-query-textarea"
      aria-label="Logs Insights query"
      spellCheck={false}
      value={query}
      onChange={(e) => setQuery(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          run()
        }
      }}
      rows={3}
    />
  )

  return (
    <div className="logs-insights">
      <div className="metrics-controls" role="group" aria-label="Query settings">
        <label htmlFor={`${id}-group`}>Log group</label>
        <select id={`${id}-group`} value={group ?? ''} onChange={(e) => setGroup(e.target.value)} disabled={groups.length === 0}>
          {groups.length === 0 && <option value="">No log groups yet</option>}
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        <TimeRangeSelect id={`${id}-range`} value={rangeMs} onChange={setRange} />
        <button type="button" className="btn btn-primary" onClick={() => run()} disabled={!group}>
          Run query
        </button>
        <button type="button" className="btn" onClick={runNotesQuery} disabled={performance.length === 0}>
          Run the course notes&apos; query
        </button>
      </div>
      {performance.length === 0 && (
        <p className="metrics-note" role="note">
          No Container Insights performance log group yet. Turn Insights on for a cluster (
          <code>aws ecs update-cluster-settings --cluster NAME --settings name=containerInsights,value=enabled</code>) and
          give it a minute: its tasks&apos; figures arrive in <code>/aws/ecs/containerinsights/NAME/performance</code>.
        </p>
      )}
      {monacoAvailable ? (
        <Suspense fallback={textarea}>
          <InsightsQueryEditor label="Logs Insights query" value={query} onChange={setQuery} onRun={() => run()} fields={fields} error={editorError} loading={textarea} />
        </Suspense>
      ) : (
        textarea
      )}
      {failed ? (
        <div className="insights-error" role="alert">
          <p>
            <strong>{failed.code}</strong>: {failed.message}
          </p>
          {editorError && <QueryPointer query={ran!.queryString} line={editorError.line} position={editorError.position} />}
        </div>
      ) : (
        <p className="insights-status" role="status">
          {answer?.status === 'Complete'
            ? `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} · ${answer.statistics.recordsMatched} records matched · ${answer.statistics.recordsScanned} records scanned in ${ran!.logGroupName}`
            : 'Run a query to see its results.'}
        </p>
      )}
      {ran && rows.length > 0 && (
        <div className="insights-answer">
          {/* The table first: on a narrow panel the numbers come before the picture. */}
          <ResultsTable rows={rows} caption={`Results of ${ran.queryString}`} />
          {series && <TimeSeriesChart title={ran.queryString} unit="query values" from={ran.from} to={ran.to} series={series} />}
        </div>
      )}
    </div>
  )
}

/** The failing line with a caret under the position the message names (counted from 1). */
function QueryPointer({ query, line, position }: { query: string; line: number; position: number }) {
  const text = query.split('\n')[line - 1] ?? ''
  return (
    <pre className="insights-pointer" aria-hidden="true">
      {text}
      {'\n'}
      {' '.repeat(Math.max(0, position - 1))}^
    </pre>
  )
}
