// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TimeSeriesChart } from '../../../src/app/insights/TimeSeriesChart.tsx'
import { timeTicks, valueTicks } from '../../../src/app/insights/scale.ts'

const T0 = Date.UTC(2026, 0, 5, 9, 0)
const minute = (m: number) => T0 + m * 60_000

afterEach(cleanup)

describe('a metric chart', () => {
  it('names its metric and says the latest value of each line', () => {
    render(
      <TimeSeriesChart
        title="CPU utilized"
        unit="Percent"
        from={T0}
        to={minute(10)}
        series={[
          { name: 'task a', points: [[minute(1), 12], [minute(2), 48.25]] },
          { name: 'task b', points: [[minute(1), 3]] },
        ]}
      />,
    )
    expect(screen.getByRole('figure', { name: 'CPU utilized (Percent)' })).toBeInTheDocument()
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'CPU utilized (Percent), 09:00 to 09:10 UTC. Latest: task a 48.3; task b 3.',
    )
    expect(within(screen.getByRole('list', { name: 'CPU utilized: series' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['task a', 'task b'])
  })

  it('has the same numbers in a table, a row per minute, a dash where a line has none', async () => {
    render(<TimeSeriesChart title="Memory" unit="Megabytes" from={T0} to={minute(5)} series={[{ name: 'a', points: [[minute(1), 100], [minute(2), 120]] }, { name: 'b', points: [[minute(2), 7]] }]} />)
    await userEvent.click(screen.getByText('Memory: the numbers'))
    const rows = screen.getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))
    expect(rows).toEqual([['09:01', '100', '–'], ['09:02', '120', '7']])
  })

  it('draws an alarm threshold as its own labelled line, inside the axis', () => {
    const { container } = render(<TimeSeriesChart title="CPU" unit="Percent" from={T0} to={minute(5)} series={[{ name: 'web', points: [[minute(1), 20]] }]} thresholds={[{ name: 'CPU high', value: 70 }]} />)
    expect(container.querySelector('.ts-threshold text')?.textContent).toBe('CPU high')
    expect(container.querySelectorAll('.ts-grid text')[container.querySelectorAll('.ts-grid text').length - 1].textContent).toBe('80')
  })
})

describe('chart axes', () => {
  it('round value ticks from zero that reach the highest value', () => {
    expect(valueTicks(48.25)).toEqual([0, 20, 40, 60])
    expect(valueTicks(100)).toEqual([0, 50, 100])
    expect(valueTicks(0)).toEqual([0, 1])
    expect(valueTicks(0.003)).toEqual([0, 0.001, 0.002, 0.003])
  })

  it('time ticks on whole minutes, hours for a day', () => {
    expect(timeTicks(T0 + 30_000, minute(10)).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['09:02', '09:04', '09:06', '09:08', '09:10'])
    expect(timeTicks(T0, T0 + 86_400_000).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['12:00', '18:00', '00:00', '06:00'])
  })
})
