import { useId, useState } from 'react'
import type { World } from '../../sandbox/index.ts'
import { alarmsOnMetric, metricSeries, type MetricDimension } from '../../sandbox/views.ts'
import { TimeSeriesChart, type Series, type Threshold } from './TimeSeriesChart.tsx'
import { TimeRangeSelect } from './TimeRangeSelect.tsx'
import { FIFTEEN_MINUTES } from './timeRanges.ts'
import { TaskMetrics } from './TaskMetrics.tsx'

/** What the panel can chart, per service: the free AWS/ECS utilization, and Container Insights' own metrics. */
const METRICS = [
  { id: 'cpu', title: 'CPU utilization', namespace: 'AWS/ECS', metricName: 'CPUUtilization', unit: 'Percent', insights: false },
  { id: 'memory', title: 'Memory utilization', namespace: 'AWS/ECS', metricName: 'MemoryUtilization', unit: 'Percent', insights: false },
  { id: 'cpuUtilized', title: 'CPU utilized (Container Insights)', namespace: 'ECS/ContainerInsights', metricName: 'CpuUtilized', unit: 'CPU units', insights: true },
  { id: 'memoryUtilized', title: 'Memory utilized (Container Insights)', namespace: 'ECS/ContainerInsights', metricName: 'MemoryUtilized', unit: 'Megabytes', insights: true },
  { id: 'networkRx', title: 'Network received (Container Insights)', namespace: 'ECS/ContainerInsights', metricName: 'NetworkRxBytes', unit: 'Bytes/Second', insights: true },
] as const

/** A period that keeps a chart to at most ~90 points (CloudWatch's console picks coarser periods for longer ranges too). */
const periodFor = (ms: number): number => Math.max(60, Math.ceil(ms / 90 / 60_000) * 60)

const insightsOn = (world: Readonly<World>, clusterArn: string): boolean =>
  world.ecs.clusters[clusterArn]?.settings?.some((s) => s.name === 'containerInsights' && s.value !== 'disabled') ?? false

/**
 * The Metrics tab: a cluster's services on one chart, for the metric and time range the learner picks, read from the
 * same series `aws cloudwatch get-metric-statistics` answers from (the read model's `metricSeries`), so the chart and
 * the CLI cannot disagree. It follows the virtual clock: `now` moves, the window moves.
 */
export interface MetricsPanelProps {
  world: Readonly<World>
  now: number
  /** A task whose own CPU and memory to chart instead of the cluster's services (the inspector's "Open its metrics"). */
  taskArn?: string
  /** Leaves the task for the cluster's services. */
  onShowServices?(): void
}

export function MetricsPanel({ world, now, taskArn, onShowServices }: MetricsPanelProps) {
  const id = useId()
  const clusters = Object.values(world.ecs.clusters).filter((c) => c.status === 'ACTIVE')
  const [clusterChoice, setCluster] = useState<string>()
  const [metricId, setMetric] = useState<(typeof METRICS)[number]['id']>('cpu')
  const [rangeMs, setRange] = useState<number>(FIFTEEN_MINUTES)
  const start = now - rangeMs
  const period = periodFor(rangeMs)
  const rangePicker = <TimeRangeSelect id={`${id}-range`} value={rangeMs} onChange={setRange} />
  if (taskArn !== undefined) {
    const task = world.ecs.tasks[taskArn]
    return (
      <div className="metrics-panel">
        <div className="metrics-controls" role="group" aria-label="What to chart">
          {rangePicker}
        </div>
        <TaskMetrics
          world={world}
          now={now}
          taskArn={taskArn}
          start={start}
          period={period}
          insightsOn={task !== undefined && insightsOn(world, task.clusterArn)}
          onShowServices={() => onShowServices?.()}
        />
      </div>
    )
  }

  const cluster = clusters.find((c) => c.clusterArn === clusterChoice) ?? clusters[0]
  if (!cluster) return <p className="panel-status">No cluster yet. Metrics appear once a cluster runs a service.</p>

  const metric = METRICS.find((m) => m.id === metricId) ?? METRICS[0]
  const services = Object.values(world.ecs.services).filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE')
  const thresholds: Threshold[] = []
  const series: Series[] = services.map((service) => {
    const dimensions: MetricDimension[] = [
      { Name: 'ClusterName', Value: cluster.clusterName },
      { Name: 'ServiceName', Value: service.serviceName },
    ]
    // Alarms on this service's metric: their thresholds on the chart, in the colour of their state.
    for (const alarm of alarmsOnMetric(world, metric.namespace, metric.metricName, dimensions)) thresholds.push({ name: alarm.alarmName, value: alarm.threshold, state: alarm.stateValue })
    const points = metricSeries(world, metric.namespace, metric.metricName, dimensions, { start, end: now, period })
    return { name: service.serviceName, points: points.map((p) => [p.timestamp, p.value] as const) }
  })
  const off = metric.insights && !insightsOn(world, cluster.clusterArn)

  return (
    <div className="metrics-panel">
      <div className="metrics-controls" role="group" aria-label="What to chart">
        <label htmlFor={`${id}-cluster`}>Cluster</label>
        <select id={`${id}-cluster`} value={cluster.clusterArn} onChange={(e) => setCluster(e.target.value)}>
          {clusters.map((c) => (
            <option key={c.clusterArn} value={c.clusterArn}>
              {c.clusterName}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-metric`}>Metric</label>
        <select id={`${id}-metric`} value={metric.id} onChange={(e) => setMetric(e.target.value as typeof metricId)}>
          {METRICS.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
        {rangePicker}
      </div>
      {off && (
        <p className="metrics-note" role="note">
          Container Insights is off for {cluster.clusterName}, so it publishes no {metric.metricName}. Turn it on with{' '}
          <code>aws ecs update-cluster-settings --cluster {cluster.clusterName} --settings name=containerInsights,value=enabled</code>.
        </p>
      )}
      {services.length === 0 ? (
        <p className="panel-status">{cluster.clusterName} has no service yet: each service gets a line here.</p>
      ) : (
        <TimeSeriesChart title={`${metric.title}, ${cluster.clusterName}`} unit={metric.unit} from={start} to={now} series={series} thresholds={thresholds} />
      )}
    </div>
  )
}
