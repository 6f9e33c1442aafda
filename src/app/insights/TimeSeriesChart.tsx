import './insights.css'
import { useId } from 'react'
import { timeLabel, timeTicks, valueLabel, valueTicks } from './scale.ts'

export interface Series {
  /** What the line is, as the legend and the table name it ("task 3fd2…", "service web"). */
  name: string
  /** [time (epoch ms), value], oldest first; gaps are simply missing minutes. */
  points: readonly (readonly [number, number])[]
}

export interface Threshold {
  /** "CPU high (alarm)" */
  name: string
  value: number
  /** An alarm's state (describe-alarms' StateValue), drawn in its colour and named beside its line. */
  state?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
}

export interface TimeSeriesChartProps {
  title: string
  /** The values' unit as CloudWatch names it ("Percent", "Megabytes", "Bytes/Second"). */
  unit: string
  from: number
  to: number
  series: readonly Series[]
  thresholds?: readonly Threshold[]
}

// Drawing units; the SVG scales to its box, and lines keep their width (vector-effect in insights.css).
const WIDTH = 640
const HEIGHT = 220
const PAD = { top: 12, right: 16, bottom: 28, left: 48 }

/**
 * One metric over time: a line per series on shared axes, alarm thresholds as dashed lines. The picture is for the
 * eye; the same numbers are in a table under it (WCAG 1.1.1), and the figure's name says the latest values.
 */
export function TimeSeriesChart({ title, unit, from, to, series, thresholds = [] }: TimeSeriesChartProps) {
  const id = useId()
  const values = series.flatMap((s) => s.points.map(([, v]) => v)).concat(thresholds.map((t) => t.value))
  const yTicks = valueTicks(Math.max(0, ...values))
  const top = yTicks[yTicks.length - 1]
  const x = (t: number) => PAD.left + ((t - from) / Math.max(1, to - from)) * (WIDTH - PAD.left - PAD.right)
  const y = (v: number) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom)
  const withDate = to - from > 86_400_000
  const latest = series.map((s) => `${s.name} ${s.points.length ? valueLabel(s.points[s.points.length - 1][1]) : 'no data'}`)
  const alarms = thresholds.map((t) => `${t.name} at ${valueLabel(t.value)}${t.state ? ` is ${t.state}` : ''}`)
  const summary = `${title} (${unit}), ${timeLabel(from, withDate)} to ${timeLabel(to, withDate)} UTC. Latest: ${latest.join('; ') || 'no data'}.${alarms.length ? ` Alarms: ${alarms.join('; ')}.` : ''}`
  const times = [...new Set(series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b)

  return (
    <figure className="ts-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="ts-chart-title">
        {title} <span className="ts-chart-unit">({unit})</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="ts-chart-svg">
        {yTicks.map((v) => (
          <g key={`y${v}`} className="ts-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
            <text x={PAD.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {valueLabel(v)}
            </text>
          </g>
        ))}
        {timeTicks(from, to).map((t) => (
          <text key={`x${t}`} className="ts-axis" x={x(t)} y={HEIGHT - 8} textAnchor="middle">
            {timeLabel(t, withDate)}
          </text>
        ))}
        {thresholds.map((th) => (
          <g key={th.name} className={`ts-threshold${th.state ? ` ts-state-${th.state.toLowerCase()}` : ''}`}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(th.value)} y2={y(th.value)} />
            <text x={WIDTH - PAD.right} y={y(th.value) - 4} textAnchor="end">
              {th.state ? `${th.name}: ${th.state}` : th.name}
            </text>
          </g>
        ))}
        {series.map((s, i) =>
          // A line needs two points: a series of one or two (a 30-minute bin() over an hour) is drawn as dots too.
          s.points.length < 3 ? (
            <g key={s.name} className={`ts-dots ts-series-${i % 6}`}>
              <polyline className={`ts-line ts-series-${i % 6}`} points={s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
              {s.points.map(([t, v]) => (
                <circle key={t} cx={x(t)} cy={y(v)} r={4} />
              ))}
            </g>
          ) : (
            <polyline key={s.name} className={`ts-line ts-series-${i % 6}`} points={s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
          ),
        )}
      </svg>
      {series.length > 1 && (
        <ul className="ts-legend" aria-label={`${title}: series`}>
          {series.map((s, i) => (
            <li key={s.name}>
              <span className={`ts-swatch ts-series-${i % 6}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <details className="ts-data">
        <summary>{title}: the numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((t) => (
              <tr key={t}>
                <th scope="row">{timeLabel(t, withDate)}</th>
                {series.map((s) => {
                  const point = s.points.find(([at]) => at === t)
                  return <td key={s.name}>{point ? valueLabel(point[1]) : '–'}</td>
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
