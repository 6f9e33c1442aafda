// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { MetricsPanel } from '../../../src/app/insights/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { playWalkthrough } from '../../sandbox/fixtures/walkthrough.ts'

afterEach(cleanup)

/** The walkthrough's service `web` in cluster `demo` behind its load balancer, then five minutes of hey. */
function loadedWorld() {
  const sandbox = createSandbox()
  playWalkthrough(sandbox)
  expect(sandbox.exec('hey -z 5m -c 10 http://$DNS/').exitCode).toBe(0)
  return sandbox
}

const numbers = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => Number(r.querySelector('td')?.textContent))

describe('the Metrics tab', () => {
  it('charts each service of the cluster from the same series the CLI reads, following the virtual clock', async () => {
    const sandbox = loadedWorld()
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} />)
    expect(screen.getByRole('figure', { name: 'CPU utilization, demo (Percent)' })).toBeInTheDocument()
    await userEvent.click(screen.getByText('CPU utilization, demo: the numbers'))
    const charted = numbers()
    expect(charted.length).toBeGreaterThanOrEqual(5)
    expect(Math.max(...charted)).toBeGreaterThan(0)
    // The CLI's answer for the same minutes (rounded as the chart shows them).
    const end = new Date(sandbox.now()).toISOString()
    const start = new Date(sandbox.now() - 15 * 60_000).toISOString()
    const cli = JSON.parse(
      sandbox.exec(`aws cloudwatch get-metric-statistics --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --start-time ${start} --end-time ${end} --period 60 --statistics Average`).stdout,
    )
    const byTime = [...cli.Datapoints].sort((a: { Timestamp: string }, b: { Timestamp: string }) => a.Timestamp.localeCompare(b.Timestamp))
    expect(charted).toEqual(byTime.map((d: { Average: number }) => Number(d.Average.toPrecision(3))))
  })

  it('says how to turn Container Insights on when its metrics are asked for and it is off', async () => {
    const sandbox = loadedWorld()
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} />)
    await userEvent.selectOptions(screen.getByLabelText('Metric'), 'CPU utilized (Container Insights)')
    expect(within(screen.getByRole('note')).getByText(/update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled/)).toBeInTheDocument()
  })
})
