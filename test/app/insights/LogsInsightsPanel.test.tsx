// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LogsInsightsPanel, NOTES_QUERY } from '../../../src/app/insights/LogsInsightsPanel.tsx'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { playWalkthrough } from '../../sandbox/fixtures/walkthrough.ts'

// Monaco stays out of jsdom: the panel's plain textarea is the editor here (as it is while Monaco loads).
vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

/** The walkthrough's service `web` in cluster `demo`, Container Insights on, then `minutes` of hey. */
function insightsWorld(minutes: number) {
  const sandbox = createSandbox()
  playWalkthrough(sandbox)
  expect(sandbox.exec('aws ecs update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled').exitCode).toBe(0)
  if (minutes) expect(sandbox.exec(`hey -z ${minutes}m -c 10 http://$DNS/`).exitCode).toBe(0)
  sandbox.advance(120_000)
  return sandbox
}

const cells = (table: HTMLElement, column: string) => {
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent)
  const at = headers.indexOf(column)
  return within(table).getAllByRole('row').slice(1).map((r) => r.children[at]?.textContent ?? '')
}

describe('the Logs Insights tab', () => {
  it("runs the course notes' query on the cluster's performance log group in one click: a row per 30-minute bin, and a chart", async () => {
    const sandbox = insightsWorld(5)
    render(<LogsInsightsPanel world={sandbox.world()} now={sandbox.now()} />)
    expect(screen.getByLabelText('Log group')).toHaveValue('/aws/ecs/containerinsights/demo/performance')
    await userEvent.click(screen.getByRole('button', { name: "Run the course notes' query" }))
    expect(screen.getByLabelText('Logs Insights query')).toHaveValue(NOTES_QUERY)
    const table = screen.getByRole('table', { name: /^Results of/ })
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#', 'bin(30m)', 'avg(CpuUtilized)', 'avg(MemoryUtilized)'])
    expect(Number(cells(table, 'avg(CpuUtilized)')[0])).toBeGreaterThan(0)
    expect(screen.getByRole('figure', { name: `${NOTES_QUERY} (query values)` })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent(/records matched/)
  })

  it('answers as get-query-results does after the same query through the CLI', async () => {
    const sandbox = insightsWorld(3)
    const query = 'filter Type = "Task" | stats max(CpuUtilized) as cpu by TaskId | sort cpu desc'
    const end = Math.floor(sandbox.now() / 1000)
    render(<LogsInsightsPanel world={sandbox.world()} now={sandbox.now()} />)
    const editor = screen.getByLabelText('Logs Insights query')
    await userEvent.clear(editor)
    await userEvent.click(editor)
    await userEvent.paste(query)
    await userEvent.click(screen.getByRole('button', { name: 'Run query' }))
    const shown = cells(screen.getByRole('table', { name: /^Results of/ }), 'cpu')
    const id = JSON.parse(sandbox.exec(`aws logs start-query --log-group-name /aws/ecs/containerinsights/demo/performance --start-time ${end - 3600} --end-time ${end} --query-string '${query}'`).stdout).queryId
    sandbox.advance(5_000)
    const cli = JSON.parse(sandbox.exec(`aws logs get-query-results --query-id ${id}`).stdout)
    expect(shown).toEqual(cli.results.map((row: { field: string; value: string }[]) => row.find((c) => c.field === 'cpu')?.value))
    expect(shown.length).toBeGreaterThanOrEqual(2)
  })

  it("shows MalformedQueryException's message and points at the position it names", async () => {
    const sandbox = insightsWorld(0)
    render(<LogsInsightsPanel world={sandbox.world()} now={sandbox.now()} />)
    const editor = screen.getByLabelText('Logs Insights query')
    await userEvent.clear(editor)
    await userEvent.click(editor)
    await userEvent.paste('stats avg(CpuUtilized) by bin(30m')
    await userEvent.keyboard('{Control>}{Enter}{/Control}')
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('MalformedQueryException: unexpected symbol found <EOF> at line 1 and position 34')
    expect(alert.querySelector('pre')?.textContent).toBe(`stats avg(CpuUtilized) by bin(30m\n${' '.repeat(33)}^`)
    expect(screen.queryByRole('table', { name: /^Results of/ })).not.toBeInTheDocument()
  })

  it('says how to turn Insights on while no performance log group exists', () => {
    const sandbox = createSandbox()
    render(<LogsInsightsPanel world={sandbox.world()} now={sandbox.now()} />)
    expect(screen.getByRole('note')).toHaveTextContent('name=containerInsights,value=enabled')
    expect(screen.getByRole('button', { name: "Run the course notes' query" })).toBeDisabled()
  })
})
