// A learner's first minutes, in real Chromium against the built dist/: the page and its regions, the
// Monaco console running aws commands, state kept across a reload, and nothing fetched from beyond
// 127.0.0.1. Helpers: ./browser.mjs (toolchain.md §6).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { ROOT, consoleLog, findInLog, openApp, runCommand, typeCommand, waitForMonaco } from './browser.mjs'
import { chromiumSession } from './suite.mjs'

const REGIONS = ['Console', 'Files', 'Diagram', 'Inspector', 'Lesson']
const SUBNET_ID = /subnet-[0-9a-f]{17}/g

describe('the console, in Chromium', () => {
  const session = chromiumSession()
  let page

  beforeAll(async () => {
    page = session.page
    await page.goto(session.server.url)
  })

  test('the page shows the Console, Files, Diagram, Inspector and Lesson regions, each with its heading', async () => {
    for (const name of REGIONS) {
      // Regions that share space (Console and Files) are tabs: a learner opens one by its tab.
      const tab = page.getByRole('tab', { name, exact: true })
      if (await tab.count() > 0) await tab.first().click()
      const region = page.getByRole('region', { name })
      await region.waitFor({ state: 'visible', timeout: 15_000 })
      await expect(region.getByRole('heading', { name, exact: true }).count()).resolves.toBeGreaterThan(0)
    }
    const consoleTab = page.getByRole('tab', { name: 'Console', exact: true })
    if (await consoleTab.count() > 0) await consoleTab.first().click()
    await expect(page.getByRole('textbox', { name: 'Console' }).count()).resolves.toBeGreaterThan(0)
    await expect(consoleLog(page).count()).resolves.toBe(1)
  })

  test('typing aws --version into the console prints the CLI version', async () => {
    await openApp(page, session.server.url)
    await runCommand(page, 'aws --version', 'aws-cli/2.')
  })

  test('aws sts get-caller-identity shows the sandbox account 123456789012', async () => {
    await runCommand(page, 'aws sts get-caller-identity', '"Account": "123456789012"')
  })

  test('describe-subnets with --query and --output text lists the three Availability Zones', async () => {
    await runCommand(page, "aws ec2 describe-subnets --query 'Subnets[].AvailabilityZone' --output text",
      /us-east-1a\s*us-east-1b\s*us-east-1c/)
  })

  test('a mistyped service (aws ecs2 list-clusters) shows the error and exit code 252', async () => {
    const text = await runCommand(page, 'aws ecs2 list-clusters', /invalid choice/i)
    expect(text).toMatch(/exit 252(?!\d)/)
  })

  test('a screenshot of the console after these commands is saved to test-results/e2e-console.png', async () => {
    const dir = join(ROOT, 'test-results')
    mkdirSync(dir, { recursive: true })
    const buffer = await page.screenshot({ path: join(dir, 'e2e-console.png') })
    expect(buffer.length).toBeGreaterThan(10_000)
  })

  test('after a reload the earlier output, the shell variables and the world are still there', async () => {
    await typeCommand(page, 'export GREETING=kept-across-reload')
    const before = await runCommand(page, "aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text", SUBNET_ID)
    const subnetId = before.match(SUBNET_ID)[0]

    // A learner does not reload within a second of typing; allow for a debounced save.
    await page.waitForTimeout(1_000)
    await page.reload()
    await waitForMonaco(page)
    for (const earlier of ['aws-cli/2.', '"Account": "123456789012"', subnetId]) {
      expect(await findInLog(page, earlier, 15_000), `after the reload the console output still shows ${earlier}`).toBe(true)
    }

    // Clear the transcript so that what follows can only be new output.
    await typeCommand(page, 'clear')
    await page.waitForFunction((n) => {
      const log = document.querySelector('[role="log"][aria-label="Console output"]')
      return log !== null && !(log.textContent ?? '').includes(n)
    }, subnetId, { timeout: 15_000 })
    await runCommand(page, 'echo $GREETING', 'kept-across-reload')
    // The same subnet ID as before the reload: the same world, not a freshly generated one.
    await runCommand(page, "aws ec2 describe-subnets --query 'Subnets[0].SubnetId' --output text", subnetId)
  })

  test('the page requested nothing beyond 127.0.0.1 and threw no uncaught errors', () => {
    expect(session.browser.offsite).toEqual([])
    expect(session.browser.pageErrors).toEqual([])
  })
})
