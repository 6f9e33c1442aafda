// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { MetricsPanel } from '../../../src/app/insights/index.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { playWalkthrough } from '../../sandbox/fixtures/walkthrough.ts'

afterEach(cleanup)

describe('alarms on the Metrics tab', () => {
  it("draws an alarm's threshold on its metric's chart, named with the state describe-alarms reports", () => {
    const sandbox = createSandbox()
    playWalkthrough(sandbox)
    const put = sandbox.exec('aws cloudwatch put-metric-alarm --alarm-name web-cpu-high --namespace AWS/ECS --metric-name CPUUtilization --dimensions Name=ClusterName,Value=demo Name=ServiceName,Value=web --statistic Average --period 60 --evaluation-periods 1 --threshold 0.01 --comparison-operator GreaterThanThreshold')
    expect(put.exitCode).toBe(0)
    expect(sandbox.exec('hey -z 5m -c 10 http://$DNS/').exitCode).toBe(0)
    sandbox.advance(120_000)
    const state = sandbox.exec('aws cloudwatch describe-alarms --alarm-names web-cpu-high --query MetricAlarms[0].StateValue --output text').stdout.trim()
    expect(state).toBe('ALARM')
    render(<MetricsPanel world={sandbox.world()} now={sandbox.now()} />)
    const chart = screen.getByRole('img', { name: /^CPU utilization, demo/ })
    expect(chart).toHaveAccessibleName(expect.stringContaining(`Alarms: web-cpu-high at 0.01 is ${state}.`))
    expect(chart.querySelector('.ts-threshold.ts-state-alarm text')?.textContent).toBe('web-cpu-high: ALARM')
  })
})
