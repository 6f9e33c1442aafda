import { useMemo } from 'react'
import { insightsQuery, type World } from '../../sandbox/index.ts'
import { binSeries } from './queryResults.ts'
import { TimeSeriesChart, type Series } from './TimeSeriesChart.tsx'

/**
 * One task's CPU and memory over the time range, opened from the inspector ("Open its metrics"). Container Insights
 * keeps a task's numbers in its performance log events (Type `Task`, one a minute), not as metrics (those per task need
 * `enhanced`), so they are read as the console's task view reads them: a Logs Insights query over the cluster's
 * performance log group, answered by the sandbox's `insightsQuery` view (the same engine as `aws logs start-query`).
 */
export const taskQuery = (taskId: string, periodMinutes: number) =>
  `filter Type = "Task" and TaskId = "${taskId}" | stats avg(CpuUtilized) as CpuUtilized, avg(MemoryUtilized) as MemoryUtilized by bin(${periodMinutes}m)`

const lastPart = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

export interface TaskMetricsProps {
  world: Readonly<World>
  now: number
  taskArn: string
  start: number
  /** Seconds per point (a whole number of minutes). */
  period: number
  insightsOn: boolean
  onShowServices(): void
}

export function TaskMetrics({ world, now, taskArn, start, period, insightsOn, onShowServices }: TaskMetricsProps) {
  const task = world.ecs.tasks[taskArn]
  const taskId = lastPart(taskArn)
  const clusterName = lastPart(task?.clusterArn ?? '')
  const minute = Math.floor(now / 60_000)
  // A query per minute of virtual time at most: the events arrive once a minute, so nothing new between.
  const series = useMemo(() => {
    if (!task) return undefined
    const queryString = taskQuery(taskId, period / 60)
    const answer = insightsQuery(world, now, { logGroupNames: [`/aws/ecs/containerinsights/${clusterName}/performance`], startTime: Math.floor(start / 1000), endTime: Math.floor(now / 1000), queryString })
    return answer.status === 'Complete' ? (binSeries(queryString, answer.results) ?? []) : []
  }, [world, taskArn, minute, start, period]) // eslint-disable-line react-hooks/exhaustive-deps

  const line = (field: string): Series[] => (series ?? []).filter((s) => s.name === field).map((s) => ({ ...s, name: taskId.slice(0, 8) }))
  return (
    <section className="task-metrics" aria-label={`Metrics of task ${taskId}`}>
      <div className="metrics-controls">
        <p>
          Task <code>{taskId}</code> in {clusterName || 'a cluster that no longer exists'}
          {task && <> ({task.lastStatus})</>}
        </p>
        <button type="button" onClick={onShowServices}>
          Back to the cluster&apos;s services
        </button>
      </div>
      {!task ? (
        <p className="panel-status">This task no longer exists.</p>
      ) : !insightsOn ? (
        <p className="metrics-note" role="note">
          Container Insights is off for {clusterName}, so it writes no performance events for this task. Turn it on with{' '}
          <code>aws ecs update-cluster-settings --cluster {clusterName} --settings name=containerInsights,value=enabled</code>.
        </p>
      ) : (
        <>
          <TimeSeriesChart title={`CPU utilized, task ${taskId.slice(0, 8)}`} unit="CPU units" from={start} to={now} series={line('CpuUtilized')} />
          <TimeSeriesChart title={`Memory utilized, task ${taskId.slice(0, 8)}`} unit="Megabytes" from={start} to={now} series={line('MemoryUtilized')} />
        </>
      )}
    </section>
  )
}
