// ECS on EC2 as a learner meets it in lesson 7, in real Chromium: the lesson's solutions launch a host, fill it, and
// let an Auto Scaling group behind a capacity provider grow; the diagram draws the provider in its cluster with an
// edge to its group in each subnet, and the inspector shows the provider and the group. axe finds nothing serious
// in the diagram or the inspector; screenshots at 1440×900 and at 1280×720 with 150 % zoom go to test-results/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js')
const SHOTS = join(ROOT, 'test-results')
const TITLE = 'Running ECS on EC2'
/** Up to "Run tasks through it and watch the group grow": the group has scaled out for the service. */
const STEPS = 8

/** Serious and critical axe violations in the part of the page `selector` picks, as readable lines. */
async function seriousViolations(page, selector) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async (selector) => {
    const result = await window.axe.run(document.querySelector(selector), { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  }, selector)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`)
}

describe('ECS on EC2 in Chromium', () => {
  const session = chromiumSession()
  let page
  const lesson = () => page.getByRole('region', { name: 'Lesson' })
  const diagram = () => page.getByRole('region', { name: 'Diagram' })
  const inspector = () => page.getByRole('region', { name: 'Inspector' })

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
    mkdirSync(SHOTS, { recursive: true })
  })

  test('the lesson’s solutions bring a host that joins, then a group that a capacity provider grows', async () => {
    await lesson().getByRole('button', { name: `Start ${TITLE}` }).click()
    const dialog = page.getByRole('dialog', { name: `Start ${TITLE}?` })
    if (await dialog.isVisible().catch(() => false)) await dialog.getByRole('button', { name: 'Start' }).click()
    const stepStatus = () => lesson().getByRole('status').filter({ hasText: /Step complete\.|Not done yet\./ })
    for (let i = 0; i < STEPS; i++) {
      await lesson().getByRole('heading', { name: new RegExp(`^Step ${i + 1} of \\d+:`) }).waitFor()
      await lesson().getByRole('button', { name: 'Run solution' }).click()
      await expect.poll(() => stepStatus().textContent(), { timeout: 20_000, message: `step ${i + 1} completes` }).toContain('Step complete.')
      if (i < STEPS - 1) await lesson().getByRole('button', { name: 'Next', exact: true }).click()
    }
  })

  test('the diagram links the capacity provider to its Auto Scaling group, and the inspector shows both', async () => {
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    await page.screenshot({ path: join(SHOTS, 'ecs-on-ec2-1440x900.png') })
    await diagram().getByRole('button', { name: 'Text view' }).click()
    const provider = diagram().getByText(/^Capacity provider hosts-cp, Auto Scaling group ecs-hosts, managed scaling target 100 %/)
    await expect.poll(() => provider.count(), { timeout: 15_000 }).toBe(1)
    const links = await diagram().getByRole('list', { name: 'Connections' }).textContent()
    expect(links).toMatch(/Capacity provider hosts-cp launches instances into Auto Scaling group ecs-hosts in subnet-[0-9a-f]+/)

    await provider.click()
    await inspector().getByRole('heading', { name: 'Capacity provider hosts-cp' }).waitFor()
    await inspector().getByText('aws ecs describe-capacity-providers --capacity-providers hosts-cp').waitFor()
    expect(await seriousViolations(page, '[data-region="inspector"]')).toEqual([])

    await diagram().getByText(/^Auto Scaling group ecs-hosts in subnet-/).first().click()
    await inspector().getByRole('heading', { name: 'Auto Scaling group ecs-hosts' }).waitFor()
    await inspector().getByText(/^Successful at .*: Launching a new EC2 instance: i-[0-9a-f]+$/).waitFor()
    await page.screenshot({ path: join(SHOTS, 'ecs-on-ec2-inspector-1440x900.png') })
    expect(await seriousViolations(page, '[data-region="diagram"]')).toEqual([])
    await diagram().getByRole('button', { name: 'Text view' }).click()
  })

  test('at 1280×720 with 150 % zoom (853×480 CSS pixels) the provider is drawn in its cluster', async () => {
    await page.setViewportSize({ width: 853, height: 480 })
    // The clock runs on: without this, the next change would pan the view back to it.
    const follow = diagram().getByRole('button', { name: 'Follow changes' })
    if ((await follow.getAttribute('aria-pressed')) === 'true') await follow.click()
    await diagram().getByRole('button', { name: 'Zoom to fit' }).click()
    await page.waitForTimeout(400)
    await expect.poll(() => diagram().locator('[aria-label^="Capacity provider hosts-cp"]').count()).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'ecs-on-ec2-1280x720-150.png') })
  })
})
