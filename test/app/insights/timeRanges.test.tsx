// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LogsInsightsPanel } from '../../../src/app/insights/LogsInsightsPanel.tsx'
import { MetricsPanel } from '../../../src/app/insights/MetricsPanel.tsx'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { playWalkthrough } from '../../sandbox/fixtures/walkthrough.ts'

vi.mock('../../../src/app/monaco/lazy.ts', () => ({ ConsoleEditor: () => null, FileEditor: () => null, InsightsQueryEditor: () => null, monacoAvailable: false }))

afterEach(cleanup)

const choices = () => within(screen.getByLabelText('Time range')).getAllByRole('option').map((o) => o.textContent)

describe('the Insights tabs’ time ranges', () => {
  it('the Metrics and Logs Insights tabs offer the same ranges, in the same words, from five minutes to a day', () => {
    const sandbox = createSandbox()
    playWalkthrough(sandbox)
    expect(sandbox.exec('aws ecs update-cluster-settings --cluster demo --settings name=containerInsights,value=enabled').exitCode).toBe(0)
    sandbox.advance(120_000)
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} />)
    const metrics = choices()
    expect(screen.getByLabelText('Time range')).toHaveDisplayValue('Last 15 minutes')
    cleanup()
    render(<LogsInsightsPanel world={sandbox.world()} now={sandbox.now()} />)
    expect(choices()).toEqual(metrics)
    expect(screen.getByLabelText('Time range')).toHaveDisplayValue('Last hour')
    expect(metrics[0]).toBe('Last 5 minutes')
    expect(metrics.at(-1)).toBe('Last day')
  })
})
