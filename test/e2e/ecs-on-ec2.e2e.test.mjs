// ECS on EC2 as a learner meets it in lesson 7, in real Chromium: the lesson's solutions launch a host, fill it, and
// let an Auto Scaling group behind a capacity provider grow; the diagram draws the provider in its cluster with an
// edge to its group in each subnet, and the inspector shows the provider and the group. axe finds nothing serious
// in the diagram or the inspector; screenshots at 1440×900 and at 1280×720 with 150 % zoom go to test-results/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, openApp } from './browser.mjs'
import { runLessonSteps, seriousViolations } from './checks.mjs'
import { chromiumSession } from './suite.mjs'

const SHOTS = join(ROOT, 'test-results')
const TITLE = 'Running ECS on EC2'
/** Up to "Run tasks through it and watch the group grow": the group has scaled out for the service. */
const STEPS = 8

describe('ECS on EC2 in Chromium', () => {
  const session = chromiumSession()
  let page
  const diagram = () => page.getByRole('region', { name: 'Diagram' })
  const inspector = () => page.getByRole('region', { name: 'Inspector' })

  beforeAll(async () => {
    page = session.page
    await openApp(page, session.server.url)
    mkdirSync(SHOTS, { recursive: true })
  })

  test('the lesson’s solutions bring a host that joins, then a group that a capacity provider grows', async () => {
    await runLessonSteps(page, TITLE, STEPS)
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
    // Under its heading, the provider's own ARN (the diagram draws it under the cluster, with an id of its own).
    await inspector().getByText('arn:aws:ecs:us-east-1:123456789012:capacity-provider/hosts-cp', { exact: true }).waitFor()
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
