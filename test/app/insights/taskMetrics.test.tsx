// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MetricsPanel } from '../../../src/app/insights/index.ts'
import { taskQuery } from '../../../src/app/insights/TaskMetrics.tsx'
import { InspectorPanel } from '../../../src/app/inspector/InspectorPanel.tsx'
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.ts'
import { playWalkthrough } from '../../sandbox/fixtures/walkthrough.ts'
import { renderApp } from '../support/harness.tsx'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

/** The walkthrough's service `web` in cluster `demo` with Container Insights on (or off), after five minutes of hey. */
function loadedWorld(insights = true): Sandbox {
  const sandbox = createSandbox()
  playWalkthrough(sandbox)
  if (insights) expect(sandbox.exec('aws ecs update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled').exitCode).toBe(0)
  expect(sandbox.exec('hey -z 5m -c 10 http://$DNS/').exitCode).toBe(0)
  sandbox.advance(60_000)
  return sandbox
}

const runningTask = (sandbox: Sandbox) => Object.values(sandbox.world().ecs.tasks).find((t) => t.lastStatus === 'RUNNING')!.taskArn
const taskIdOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

describe("a task's own metrics", () => {
  it('the inspector offers "Open its metrics" for a task, and only for a task', async () => {
    const sandbox = loadedWorld()
    const taskArn = runningTask(sandbox)
    const onOpenMetrics = vi.fn()
    const { rerender } = render(<InspectorPanel world={sandbox.world()} selectedId={taskArn} onOpenMetrics={onOpenMetrics} />)
    await userEvent.click(screen.getByRole('button', { name: 'Open its metrics' }))
    expect(onOpenMetrics).toHaveBeenCalledWith(taskArn)
    const serviceArn = Object.keys(sandbox.world().ecs.services)[0]
    rerender(<InspectorPanel world={sandbox.world()} selectedId={serviceArn} onOpenMetrics={onOpenMetrics} />)
    expect(screen.queryByRole('button', { name: 'Open its metrics' })).not.toBeInTheDocument()
  })

  it("charts the task's CPU and memory from its performance events, as a Logs Insights query through the CLI answers", async () => {
    const sandbox = loadedWorld()
    const taskArn = runningTask(sandbox)
    const taskId = taskIdOf(taskArn)
    const onShowServices = vi.fn()
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} taskArn={taskArn} onShowServices={onShowServices} />)
    const section = screen.getByRole('region', { name: `Metrics of task ${taskId}` })
    expect(within(section).getByRole('figure', { name: `Memory utilized, task ${taskId.slice(0, 8)} (Megabytes)` })).toBeInTheDocument()
    await userEvent.click(within(section).getByText(`CPU utilized, task ${taskId.slice(0, 8)}: the numbers`))
    const cpuTable = within(section).getAllByRole('table')[0]
    const charted = within(cpuTable)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(r.querySelector('td')?.textContent))
    expect(charted.length).toBeGreaterThanOrEqual(5)

    // The same query through the CLI, on the clock: its largest per-minute CPU is the chart's largest.
    const start = Math.floor((sandbox.now() - 15 * 60_000) / 1000)
    const end = Math.floor(sandbox.now() / 1000)
    expect(sandbox.exec(`Q=$(aws logs start-query --log-group-name /aws/ecs/containerinsights/demo/performance --start-time ${start} --end-time ${end} --query-string '${taskQuery(taskId, 1)}' --query queryId --output text)`).exitCode).toBe(0)
    sandbox.exec('sleep 5')
    const rows = JSON.parse(sandbox.exec('aws logs get-query-results --query-id $Q').stdout).results as Array<Array<{ field: string; value: string }>>
    const cli = rows.map((row) => Number(row.find((c) => c.field === 'CpuUtilized')?.value))
    expect(Math.max(...charted)).toBeCloseTo(Math.max(...cli), 1)
    expect(Math.max(...charted)).toBeGreaterThan(0)

    await userEvent.click(screen.getByRole('button', { name: "Back to the cluster's services" }))
    expect(onShowServices).toHaveBeenCalled()
  })

  it('says how to turn Container Insights on when the task cluster has it off', () => {
    const sandbox = loadedWorld(false)
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} taskArn={runningTask(sandbox)} />)
    expect(screen.getByRole('note')).toHaveTextContent('aws ecs update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled')
    expect(screen.queryByRole('figure')).not.toBeInTheDocument()
  })

  it('"Open its metrics" brings the Metrics tab forward on that task', async () => {
    const { store } = await renderApp()
    act(() => store.getState().setBottomTab('console'))
    act(() => store.getState().openTaskMetrics('arn:aws:ecs:us-east-1:123456789012:task/demo/0123456789abcdef0123456789abcdef'))
    expect(screen.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true')
    expect(await screen.findByText('This task no longer exists.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: "Back to the cluster's services" }))
    expect(store.getState().metricsTask).toBeUndefined()
  })
})
