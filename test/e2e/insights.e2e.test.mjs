// Container Insights and Logs Insights as a learner meets them in lesson 10, in real Chromium: the lesson builds the
// walkthrough's service, the learner turns Insights on, hey puts load on it, and both the Metrics chart and the
// course notes' Logs Insights query answer differently afterwards. axe finds nothing serious on either tab, and
// screenshots at 1440×900 and at 1280×720 with 150 % zoom go to test-results/ for a human to look at.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, consoleRegion, openApp, waitForLog, waitForMonaco } from './browser.mjs'
import { seriousViolations } from './checks.mjs'
import { chromiumSession } from './suite.mjs'

const SHOTS = join(ROOT, 'test-results')
const LESSON = 'Container Insights and Logs Insights'

/** Puts a whole command on the console's line at once (as a paste does) and runs it; waits for `expected`. */
async function paste(page, line, expected) {
  await waitForMonaco(page)
  await consoleRegion(page).locator('.monaco-editor .view-lines').first().click()
  await page.keyboard.insertText(line)
  await page.keyboard.press('Enter')
  return waitForLog(page, expected, 30_000)
}

describe('Container Insights and Logs Insights, in Chromium', () => {
  const session = chromiumSession()
  let page
  const tab = (name) => page.getByRole('tab', { name, exact: true })
  const logs = () => page.getByRole('tabpanel').filter({ has: page.getByRole('button', { name: 'Run query' }) })
  /** The first avg(CpuUtilized) of the course notes' query, run from the Logs Insights tab. */
  async function notesQueryCpu() {
    await tab('Logs Insights').click()
    await logs().getByRole('button', { name: "Run the course notes' query" }).click()
    const results = logs().getByRole('region', { name: /^Results of stats avg\(CpuUtilized\)/ })
    await results.waitFor({ timeout: 15_000 })
    return results.locator('tbody tr').first().locator('td').nth(1).textContent()
  }
  /** What the Metrics tab's chart says it shows (its accessible summary ends with the latest values). */
  async function chartSummary() {
    await tab('Metrics').click()
    await page.getByLabel('Metric', { exact: true }).selectOption({ label: 'CPU utilized (Container Insights)' })
    return page.locator('.metrics-panel svg[role="img"]').first().getAttribute('aria-label')
  }

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
    mkdirSync(SHOTS, { recursive: true })
  })

  test('lesson 10 starts on the walkthrough’s service; the learner profile meets AccessDenied, then Insights goes on', async () => {
    const lesson = page.getByRole('region', { name: 'Lesson' })
    await lesson.getByRole('button', { name: `Start ${LESSON}` }).click()
    const dialog = page.getByRole('dialog', { name: `Start ${LESSON}?` })
    if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: 'Start' }).click()
    await lesson.getByRole('heading', { name: /^Step 1 of \d+:/ }).waitFor({ timeout: 20_000 })
    await paste(page, 'aws ecs put-account-setting --name containerInsights --value enabled --profile learner', 'AccessDeniedException')
    await paste(page, 'aws ecs update-cluster-settings --cluster fargate-cluster --settings name=containerInsights,value=enabled && echo insights"-"on', 'insights-on')
    await paste(page, 'sleep 5m && echo slept"-"once', 'slept-once')
  })

  test('hey raises the chart and changes the course notes’ query result', async () => {
    const before = await notesQueryCpu()
    const chartBefore = await chartSummary()
    expect(Number(before)).toBeGreaterThan(0)
    await tab('Console').click()
    await paste(page, "DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)", 'DNSName')
    await paste(page, 'hey -z 10m -c 10 -q 20 http://$DNS/', 'Status code distribution')
    const chartAfter = await chartSummary()
    expect(chartAfter).not.toBe(chartBefore)
    await expect(page.getByRole('figure', { name: /CPU utilized \(Container Insights\), fargate-cluster/ }).count()).resolves.toBe(1)
    const after = await notesQueryCpu()
    // Ten minutes of load lift the 30-minute average well above the idle tasks' figure.
    expect(Number(after)).toBeGreaterThan(Number(before) * 2)
    await expect(logs().getByRole('figure').count()).resolves.toBe(1)
  })

  test('a task chosen in the diagram opens its own CPU and memory charts from the inspector', async () => {
    const diagram = page.getByRole('region', { name: 'Diagram' })
    // Chosen in the diagram's text view: at the panel's zoom the tasks may be painted as a picture, not as nodes.
    await diagram.getByRole('button', { name: 'Text view' }).click()
    await diagram.getByRole('button', { name: /RUNNING, healthy/ }).first().click()
    await diagram.getByRole('button', { name: 'Text view' }).click()
    await page.getByRole('button', { name: 'Open its metrics' }).click()
    const metrics = page.getByRole('region', { name: /^Metrics of task [0-9a-f]{32}$/ })
    await metrics.getByRole('figure', { name: /^CPU utilized, task [0-9a-f]{8}/ }).waitFor({ timeout: 15_000 })
    await expect(metrics.getByRole('figure', { name: /^Memory utilized, task/ }).count()).resolves.toBe(1)
    await page.screenshot({ path: join(SHOTS, 'insights-task-metrics-1440x900.png') })
    await metrics.getByRole('button', { name: "Back to the cluster's services" }).click()
    await tab('Logs Insights').click()
  })

  test('a malformed query typed into the editor shows MalformedQueryException with its position', async () => {
    const editor = logs().locator('.monaco-editor .view-lines').first()
    await editor.waitFor({ timeout: 20_000 })
    await editor.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText('stats avg(CpuUtilized) by bin(30m')
    await logs().getByRole('button', { name: 'Run query' }).click()
    await expect(logs().getByRole('alert').textContent()).resolves.toContain('MalformedQueryException: unexpected symbol found <EOF> at line 1 and position 34')
    await logs().getByRole('button', { name: "Run the course notes' query" }).click()
    await expect(logs().getByRole('alert').count()).resolves.toBe(0)
  })

  /** Runs the course notes' query and checks the Logs Insights and Metrics tabs with axe, with a screenshot of each. */
  async function checkBothTabs(on, capture, file, { metricsAxe = true } = {}) {
    await on.getByRole('tab', { name: 'Logs Insights', exact: true }).click()
    await on.getByRole('button', { name: "Run the course notes' query" }).click()
    await on.getByRole('region', { name: /^Results of stats avg\(CpuUtilized\)/ }).waitFor({ timeout: 15_000 })
    expect(await seriousViolations(on, '#tabpanel-logs')).toEqual([])
    await capture(`insights-logs-${file}.png`)
    await on.getByRole('tab', { name: 'Metrics', exact: true }).click()
    await on.getByLabel('Metric', { exact: true }).selectOption({ label: 'CPU utilized (Container Insights)' })
    await on.getByRole('figure', { name: /CPU utilized \(Container Insights\), fargate-cluster/ }).waitFor({ timeout: 15_000 })
    if (metricsAxe) expect(await seriousViolations(on, '#tabpanel-metrics')).toEqual([])
    await capture(`insights-metrics-${file}.png`)
  }

  test('at 1440×900 the Logs Insights tab is axe-clean; screenshots of both tabs are saved', async () => {
    // The Metrics tab is checked with axe at 150 % below, where its controls wrap (one run each keeps the file short).
    await checkBothTabs(page, (file) => page.screenshot({ path: join(SHOTS, file) }), '1440x900', { metricsAxe: false })
  })

  test('at 1280×720 with 150 % zoom (diagram folded away) both tabs are axe-clean; screenshots are saved', async () => {
    // 853×480 CSS px at 1.5 device pixels each. Emulated through the DevTools protocol, and captured through it too,
    // so the capture keeps the 1.5 scale (a second browser would cost a second start of the app).
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 853, height: 480, deviceScaleFactor: 1.5, mobile: false })
    const capture = async (file) => writeFileSync(join(SHOTS, file), Buffer.from((await cdp.send('Page.captureScreenshot', { format: 'png' })).data, 'base64'))
    try {
      // On a projector the learner folds the diagram away to give the charts and the results the height.
      await page.getByRole('region', { name: 'Diagram' }).getByRole('button', { name: 'Collapse Diagram' }).click()
      await checkBothTabs(page, capture, '1280x720-150pct')
    } finally {
      await page.getByRole('region', { name: 'Diagram' }).getByRole('button', { name: 'Expand Diagram' }).click()
      await cdp.send('Emulation.clearDeviceMetricsOverride')
    }
  })

  test('the page threw no uncaught errors and fetched nothing from elsewhere', () => {
    expect(session.browser.pageErrors).toEqual([])
    expect(session.browser.offsite).toEqual([])
  })
})
